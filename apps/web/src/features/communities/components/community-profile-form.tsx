import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CommunityProfileFields,
  communityProfileErrorsFromApi,
  communityProfileValues,
  toCommunityProfile,
  validateCommunityProfile,
  type CommunityProfileErrors,
  type CommunityProfileValues,
} from '../../../components/community-profile-fields';
import { errorText } from '../../../components/error-message';
import { CheckboxField } from '../../../components/form-field';
import { ApiError } from '../../../lib/api-error';
import { formatDate } from '../../../lib/format';
import { useUpdateCommunity, type Community, type CommunityUpdate, type RegistrationClaim } from '../api/communities';
import { RegistrationClaimStatus } from './registration-claim-status';

/** A claim waiting for an official: the form shows it as the community's registration. */
const pendingClaim = (community: Community) => (community.registrationClaim?.status === 'pending' ? community.registrationClaim : null);

function initialValues(community: Community): CommunityProfileValues {
  const claim = pendingClaim(community);
  if (!claim) return communityProfileValues(community);
  return communityProfileValues({
    ...community,
    registrationStatus: 'registered',
    registrationNumber: claim.registrationNumber,
    registrationDate: claim.registrationDate,
    registrationIssuingBody: claim.issuingBody,
  });
}

const claimsSame = (values: CommunityProfileValues, claim: RegistrationClaim) =>
  values.registrationStatus === 'registered' &&
  values.registrationNumber.trim() === claim.registrationNumber &&
  values.registrationDate === claim.registrationDate &&
  values.registrationIssuingBody.trim() === claim.issuingBody;

/** The profile to send: the registration is left out while it repeats the claim that waits (a second claim is refused). */
function profileUpdate(values: CommunityProfileValues, community: Community): CommunityUpdate {
  // The version read: a profile someone else saved meanwhile answers 409, not a silent overwrite.
  const profile = { ...toCommunityProfile(values, { clearEmpty: true }), version: community.version };
  const claim = pendingClaim(community);
  if (!claim || !claimsSame(values, claim)) return profile;
  const { registrationStatus: _status, registrationNumber: _number, registrationDate: _date, registrationIssuingBody: _body, ...rest } = profile;
  return rest;
}

export function CommunityProfileForm({ community }: { community: Community }) {
  const { t, i18n } = useTranslation();
  const update = useUpdateCommunity(community.id);
  const [values, setValues] = useState<CommunityProfileValues>(() => initialValues(community));
  const [consent, setConsent] = useState(community.officialConsentAt != null);
  const [errors, setErrors] = useState<CommunityProfileErrors>({});
  const [saved, setSaved] = useState(false);

  const onChange = (next: CommunityProfileValues) => {
    setSaved(false);
    setValues(next);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const nextErrors = validateCommunityProfile(values);
    setErrors(nextErrors);
    if (Object.keys(nextErrors).length > 0) return;
    const consentChanged = consent !== (community.officialConsentAt != null);
    update.mutate(
      { ...profileUpdate(values, community), ...(consentChanged ? { officialConsent: consent } : {}) },
      {
        onSuccess: () => setSaved(true),
        onError: (error) => {
          if (error instanceof ApiError) setErrors(communityProfileErrorsFromApi(error.fields));
        },
      },
    );
  };

  return (
    <form className="card form" onSubmit={onSubmit} noValidate aria-labelledby="profile-title">
      <h2 id="profile-title">{t('myCommunity.profile')}</h2>
      {update.error && (
        <p role="alert" className="alert alert-error">
          {errorText(t, update.error)}
        </p>
      )}
      {community.registrationClaim && <RegistrationClaimStatus claim={community.registrationClaim} />}
      <CommunityProfileFields values={values} onChange={onChange} errors={errors} full />
      <fieldset className="fieldset">
        <legend>{t('community.consentSection')}</legend>
        <CheckboxField
          name="officialConsent"
          label={t('community.officialConsent')}
          hint={t('community.officialConsentHint')}
          checked={consent}
          onChange={(checked) => {
            setSaved(false);
            setConsent(checked);
          }}
        />
        {community.officialConsentAt && (
          <p className="field-hint" data-testid="consent-date">
            {t('community.consentGivenOn', { date: formatDate(community.officialConsentAt, i18n.language) })}
          </p>
        )}
      </fieldset>
      {saved && (
        <p role="status" className="alert alert-success">
          {t('myCommunity.saved')}
        </p>
      )}
      <button type="submit" className="button" disabled={update.isPending}>
        {update.isPending ? t('common.saving') : t('common.save')}
      </button>
    </form>
  );
}
