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
import { useUpdateCommunity, type Community } from '../api/communities';

export function CommunityProfileForm({ community }: { community: Community }) {
  const { t, i18n } = useTranslation();
  const update = useUpdateCommunity(community.id);
  const [values, setValues] = useState<CommunityProfileValues>(() => communityProfileValues(community));
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
      { ...toCommunityProfile(values, { clearEmpty: true }), ...(consentChanged ? { officialConsent: consent } : {}) },
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
