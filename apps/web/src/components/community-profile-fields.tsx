import type { Schemas } from '@dastarkhan/api-client';
import { REGISTRATION_STATUSES, TRADITIONS, type RegistrationStatus, type Tradition } from '@dastarkhan/domain';
import { useTranslation } from 'react-i18next';
import { fieldErrorText } from './error-message';
import { CheckboxField, FormField } from './form-field';

type CommunityProfile = Schemas['CommunityProfileDto'];

/** The profile as the form edits it: every text field a string, so inputs stay controlled. */
export interface CommunityProfileValues {
  name: string;
  tradition: Tradition | '';
  registrationStatus: RegistrationStatus;
  registrationNumber: string;
  registrationDate: string;
  registrationIssuingBody: string;
  description: string;
  leaders: string;
  meetingPlace: string;
  approximateSize: string;
  activities: string;
  contactEmail: string;
  contactPhone: string;
  isPublic: boolean;
}

export type CommunityProfileField = keyof CommunityProfileValues;
export type CommunityProfileErrors = Partial<Record<CommunityProfileField, string>>;

export const emptyCommunityProfile: CommunityProfileValues = {
  name: '',
  tradition: '',
  registrationStatus: 'not_registered',
  registrationNumber: '',
  registrationDate: '',
  registrationIssuingBody: '',
  description: '',
  leaders: '',
  meetingPlace: '',
  approximateSize: '',
  activities: '',
  contactEmail: '',
  contactPhone: '',
  isPublic: false,
};

export function communityProfileValues(community: Partial<CommunityProfile>): CommunityProfileValues {
  return {
    name: community.name ?? '',
    tradition: community.tradition ?? '',
    registrationStatus: community.registrationStatus ?? 'not_registered',
    registrationNumber: community.registrationNumber ?? '',
    registrationDate: community.registrationDate?.slice(0, 10) ?? '',
    registrationIssuingBody: community.registrationIssuingBody ?? '',
    description: community.description ?? '',
    leaders: community.leaders ?? '',
    meetingPlace: community.meetingPlace ?? '',
    approximateSize: community.approximateSize == null ? '' : String(community.approximateSize),
    activities: community.activities ?? '',
    contactEmail: community.contactEmail ?? '',
    contactPhone: community.contactPhone ?? '',
    isPublic: community.isPublic ?? false,
  };
}

/** Client-side checks that give a translated message before a round trip; the API re-checks. */
export function validateCommunityProfile(values: CommunityProfileValues): CommunityProfileErrors {
  const errors: CommunityProfileErrors = {};
  if (!values.name.trim()) errors.name = 'required';
  else if (values.name.trim().length < 2) errors.name = 'min_2_chars';
  if (!values.tradition) errors.tradition = 'required';
  if (values.registrationStatus === 'registered') {
    if (!values.registrationNumber.trim()) errors.registrationNumber = 'required';
    if (!values.registrationDate) errors.registrationDate = 'required';
    if (!values.registrationIssuingBody.trim()) errors.registrationIssuingBody = 'required';
  }
  if (values.approximateSize && !/^\d+$/.test(values.approximateSize.trim())) errors.approximateSize = 'not_a_number';
  return errors;
}

/**
 * The DTO the API takes. On create, empty optional fields are left out. On update (`clearEmpty`)
 * an emptied field must reach the API: free text as '', nullable values (contacts, size,
 * registration details) as null, which is also what a non-registered community's number becomes.
 */
export function toCommunityProfile(values: CommunityProfileValues, { clearEmpty = false } = {}): CommunityProfile {
  const cleared = <T,>(value: T) => (clearEmpty ? value : undefined);
  const text = (value: string) => value.trim() || cleared('');
  const nullable = (value: string) => value.trim() || cleared(null);
  const registered = values.registrationStatus === 'registered';
  const size = values.approximateSize.trim();
  const profile: CommunityProfile = {
    name: values.name.trim(),
    tradition: values.tradition as Tradition,
    registrationStatus: values.registrationStatus,
    registrationNumber: registered ? nullable(values.registrationNumber) : cleared(null),
    registrationDate: registered ? nullable(values.registrationDate) : cleared(null),
    registrationIssuingBody: registered ? nullable(values.registrationIssuingBody) : cleared(null),
    description: text(values.description),
    leaders: text(values.leaders),
    meetingPlace: text(values.meetingPlace),
    approximateSize: size ? Number(size) : cleared(null),
    activities: text(values.activities),
    contactEmail: nullable(values.contactEmail),
    contactPhone: nullable(values.contactPhone),
    isPublic: values.isPublic,
  };
  // Drop undefined so the request body carries only what the user filled in.
  return Object.fromEntries(Object.entries(profile).filter(([, value]) => value !== undefined)) as CommunityProfile;
}

interface CommunityProfileFieldsProps {
  values: CommunityProfileValues;
  onChange: (values: CommunityProfileValues) => void;
  /** Error tokens or messages per field (client checks and the API's `fields`). */
  errors?: CommunityProfileErrors;
  /** The transparency profile, contacts and visibility: on the community's own page. */
  full?: boolean;
}

export function CommunityProfileFields({ values, onChange, errors = {}, full = false }: CommunityProfileFieldsProps) {
  const { t } = useTranslation();
  const set = <K extends CommunityProfileField>(field: K, value: CommunityProfileValues[K]) =>
    onChange({ ...values, [field]: value });
  const error = (field: CommunityProfileField) => fieldErrorText(t, errors[field]);

  return (
    <>
      <FormField label={t('community.name')} error={error('name')}>
        <input name="communityName" value={values.name} onChange={(e) => set('name', e.target.value)} required autoComplete="organization" />
      </FormField>
      <FormField label={t('community.tradition')} error={error('tradition')}>
        <select name="tradition" value={values.tradition} onChange={(e) => set('tradition', e.target.value as Tradition)} required>
          <option value="" disabled>
            {t('common.choose')}
          </option>
          {TRADITIONS.map((tradition) => (
            <option key={tradition} value={tradition}>
              {t(`tradition.${tradition}`)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label={t('community.registrationStatus')} error={error('registrationStatus')}>
        <select
          name="registrationStatus"
          value={values.registrationStatus}
          onChange={(e) => set('registrationStatus', e.target.value as RegistrationStatus)}
        >
          {REGISTRATION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`registration.${status}`)}
            </option>
          ))}
        </select>
      </FormField>
      {values.registrationStatus === 'registered' && (
        <>
          {/* Saying "registered" is a claim that officials of the region check against the state register (docs/domain.md, P7). */}
          <p className="field-hint" data-testid="registration-claim-note">
            {t('community.registrationClaimNote')}
          </p>
          <div className="field-row">
            <FormField label={t('community.registrationNumber')} error={error('registrationNumber')}>
              <input name="registrationNumber" value={values.registrationNumber} onChange={(e) => set('registrationNumber', e.target.value)} required />
            </FormField>
            <FormField label={t('community.registrationDate')} error={error('registrationDate')}>
              <input name="registrationDate" type="date" value={values.registrationDate} onChange={(e) => set('registrationDate', e.target.value)} required />
            </FormField>
          </div>
          <FormField label={t('community.registrationIssuingBody')} hint={t('community.registrationIssuingBodyHint')} error={error('registrationIssuingBody')}>
            <input
              name="registrationIssuingBody"
              value={values.registrationIssuingBody}
              onChange={(e) => set('registrationIssuingBody', e.target.value)}
              required
            />
          </FormField>
        </>
      )}
      <FormField label={t('community.description')} hint={t('community.descriptionHint')} error={error('description')}>
        <textarea name="description" rows={3} value={values.description} onChange={(e) => set('description', e.target.value)} />
      </FormField>
      {full && (
        <>
          <fieldset className="fieldset">
            <legend>{t('community.transparencySection')}</legend>
            <p className="field-hint">{t('community.transparencyHint')}</p>
            <FormField label={t('community.leaders')} hint={t('community.leadersHint')} error={error('leaders')}>
              <textarea name="leaders" rows={2} value={values.leaders} onChange={(e) => set('leaders', e.target.value)} />
            </FormField>
            <FormField label={t('community.meetingPlace')} error={error('meetingPlace')}>
              <input name="meetingPlace" value={values.meetingPlace} onChange={(e) => set('meetingPlace', e.target.value)} />
            </FormField>
            <FormField label={t('community.approximateSize')} error={error('approximateSize')}>
              <input
                name="approximateSize"
                type="number"
                inputMode="numeric"
                min={0}
                value={values.approximateSize}
                onChange={(e) => set('approximateSize', e.target.value)}
              />
            </FormField>
            <FormField label={t('community.activities')} hint={t('community.activitiesHint')} error={error('activities')}>
              <textarea name="activities" rows={3} value={values.activities} onChange={(e) => set('activities', e.target.value)} />
            </FormField>
          </fieldset>
          <fieldset className="fieldset">
            <legend>{t('community.contactSection')}</legend>
            <FormField label={t('community.contactEmail')} error={error('contactEmail')}>
              <input name="contactEmail" type="email" value={values.contactEmail} onChange={(e) => set('contactEmail', e.target.value)} autoComplete="email" />
            </FormField>
            <FormField label={t('community.contactPhone')} error={error('contactPhone')}>
              <input name="contactPhone" type="tel" value={values.contactPhone} onChange={(e) => set('contactPhone', e.target.value)} autoComplete="tel" />
            </FormField>
          </fieldset>
          <CheckboxField
            name="isPublic"
            label={t('community.isPublic')}
            hint={t('community.isPublicHint')}
            checked={values.isPublic}
            onChange={(checked) => set('isPublic', checked)}
          />
        </>
      )}
    </>
  );
}

/** The API's field errors for the profile; signup nests them under `community.`. */
export function communityProfileErrorsFromApi(fields: Record<string, string>, prefix = ''): CommunityProfileErrors {
  const errors: CommunityProfileErrors = {};
  for (const [path, message] of Object.entries(fields)) {
    if (prefix && !path.startsWith(prefix)) continue;
    const field = path.slice(prefix.length) as CommunityProfileField;
    if (field in emptyCommunityProfile) errors[field] = message;
  }
  return errors;
}
