import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { formatDate } from '../../../lib/format';
import {
  TRANSPARENCY_FIELDS,
  useClubPolicy,
  useClubSummary,
  useNationalPolicy,
  useSaveClubPolicy,
  useSaveNationalPolicy,
  type PathwayPolicy,
  type PathwayPolicyInput,
  type TransparencyField,
} from '../api/pathway';
import { useClubText } from '../../clubs/club-text';
import './pathway.css';

const NUMERIC = [
  ['minMonthsAsObserver', 'monthsAsObserver'],
  ['minMeetingsAttended', 'meetingsAttended'],
  ['minAttendanceRate', 'attendanceRate'],
  ['minJointProjects', 'jointProjects'],
  ['minSponsors', 'sponsors'],
] as const;

type NumericField = (typeof NUMERIC)[number][0];
type Threshold = { on: boolean; value: string };

interface FormState {
  numbers: Record<NumericField, Threshold>;
  transparencyFields: TransparencyField[];
  noOpenConcern: boolean;
}

const DEFAULT_THRESHOLD: Record<NumericField, number> = {
  minMonthsAsObserver: 6,
  minMeetingsAttended: 6,
  minAttendanceRate: 75,
  minJointProjects: 2,
  minSponsors: 2,
};

function toForm(policy: PathwayPolicy): FormState {
  const numbers = {} as Record<NumericField, Threshold>;
  for (const [field] of NUMERIC) {
    const value = policy[field];
    numbers[field] = { on: value !== null, value: String(value ?? DEFAULT_THRESHOLD[field]) };
  }
  return { numbers, transparencyFields: [...policy.transparencyFields], noOpenConcern: policy.noOpenConcern };
}

/** Switched-off milestones are sent as null, no fields, or false: the API's "off". */
export function toPolicyInput(form: FormState): PathwayPolicyInput {
  const number = (field: NumericField) => {
    const threshold = form.numbers[field];
    return threshold.on ? Math.max(0, Math.round(Number(threshold.value) || 0)) : null;
  };
  const rate = number('minAttendanceRate');
  return {
    minMonthsAsObserver: number('minMonthsAsObserver'),
    minMeetingsAttended: number('minMeetingsAttended'),
    minAttendanceRate: rate === null ? null : Math.min(100, rate),
    minJointProjects: number('minJointProjects'),
    transparencyFields: TRANSPARENCY_FIELDS.filter((field) => form.transparencyFields.includes(field)),
    minSponsors: number('minSponsors'),
    noOpenConcern: form.noOpenConcern,
  };
}

interface PolicyFormProps {
  policy: PathwayPolicy;
  saving: boolean;
  error: unknown;
  savedVersion: number | null;
  onSave: (input: PathwayPolicyInput) => void;
}

function PolicyForm({ policy, saving, error, savedVersion, onSave }: PolicyFormProps) {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState(() => toForm(policy));
  const setNumber = (field: NumericField, patch: Partial<Threshold>) =>
    setForm((current) => ({ ...current, numbers: { ...current.numbers, [field]: { ...current.numbers[field], ...patch } } }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(toPolicyInput(form));
  };

  return (
    <form className="form card" onSubmit={submit} noValidate data-testid="policy-form">
      <p data-testid="policy-version">
        {t('pathway.policy.currentVersion', { version: policy.version })}{' '}
        <span className="card-meta">
          · {formatDate(policy.createdAt, i18n.language)}
          {policy.createdByName && <> · {policy.createdByName}</>}
        </span>
      </p>
      {savedVersion !== null && (
        <p role="status" className="alert alert-success">
          {t('pathway.policy.saved', { version: savedVersion })}
        </p>
      )}
      <ErrorMessage error={error} />
      {NUMERIC.map(([field, key]) => {
        const threshold = form.numbers[field];
        const label = t(`pathway.milestone.${key}`);
        return (
          <fieldset key={field} className="pathway-policy-row">
            <legend className="pathway-milestone-title">{label}</legend>
            <label>
              <input type="checkbox" role="switch" checked={threshold.on} onChange={(e) => setNumber(field, { on: e.target.checked })} aria-label={`${label}: ${t('pathway.policy.enabled')}`} />{' '}
              {t('pathway.policy.enabled')}
            </label>
            <label>
              {t('pathway.policy.threshold')}{' '}
              <input
                type="number"
                inputMode="numeric"
                min={0}
                max={key === 'attendanceRate' ? 100 : undefined}
                value={threshold.value}
                disabled={!threshold.on}
                onChange={(e) => setNumber(field, { value: e.target.value })}
                aria-label={`${label}: ${t('pathway.policy.threshold')}`}
              />{' '}
              {t(`pathway.policy.unit.${key}`)}
            </label>
          </fieldset>
        );
      })}
      <fieldset className="pathway-policy-row">
        <legend className="pathway-milestone-title">{t('pathway.milestone.transparency')}</legend>
        <span>{t('pathway.policy.profileFields')}:</span>
        {TRANSPARENCY_FIELDS.map((field) => (
          <label key={field}>
            <input
              type="checkbox"
              checked={form.transparencyFields.includes(field)}
              onChange={(e) =>
                setForm((current) => ({
                  ...current,
                  transparencyFields: e.target.checked
                    ? [...current.transparencyFields, field]
                    : current.transparencyFields.filter((f) => f !== field),
                }))
              }
            />{' '}
            {t(`pathway.field.${field}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="pathway-policy-row">
        <legend className="pathway-milestone-title">{t('pathway.milestone.noOpenConcern')}</legend>
        <label>
          <input
            type="checkbox"
            role="switch"
            checked={form.noOpenConcern}
            onChange={(e) => setForm((current) => ({ ...current, noOpenConcern: e.target.checked }))}
            aria-label={`${t('pathway.milestone.noOpenConcern')}: ${t('pathway.policy.enabled')}`}
          />{' '}
          {t('pathway.policy.enabled')}
        </label>
      </fieldset>
      <div className="actions">
        <button type="submit" className="button" disabled={saving} data-testid="policy-save">
          {saving ? t('common.saving') : t('pathway.policy.save')}
        </button>
      </div>
    </form>
  );
}

/** `/clubs/:clubId/pathway-policy`: the club's coordinators set their own milestones. */
export function ClubPolicyPage() {
  const { t } = useTranslation();
  const { clubId = '' } = useParams();
  const club = useClubSummary(clubId);
  const clubText = useClubText();
  const policy = useClubPolicy(clubId);
  const save = useSaveClubPolicy(clubId);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  return (
    <section>
      <PageTitle subtitle={club.data && clubText.name(club.data)}>{t('pathway.policy.clubTitle')}</PageTitle>
      <p className="field-hint">{t('pathway.policy.intro')}</p>
      <QueryState query={policy}>
        {(data) => (
          <>
            {!data.override && <p className="alert alert-info">{t('pathway.policy.noVersion')}</p>}
            <PolicyForm
              key={`${data.inForce.id}`}
              policy={data.inForce}
              saving={save.isPending}
              error={save.error}
              savedVersion={savedVersion}
              onSave={(input) => save.mutate(input, { onSuccess: (saved) => setSavedVersion(saved.inForce.version) })}
            />
          </>
        )}
      </QueryState>
    </section>
  );
}

/** `/admin/pathway-policy`: the administrator's national default. */
export function NationalPolicyPage() {
  const { t } = useTranslation();
  const policy = useNationalPolicy();
  const save = useSaveNationalPolicy();
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  return (
    <section>
      <PageTitle>{t('pathway.policy.nationalTitle')}</PageTitle>
      <p className="field-hint">{t('pathway.policy.intro')}</p>
      <QueryState query={policy}>
        {(data) => (
          <PolicyForm
            key={data.id}
            policy={data}
            saving={save.isPending}
            error={save.error}
            savedVersion={savedVersion}
            onSave={(input) => save.mutate(input, { onSuccess: (saved) => setSavedVersion(saved.version) })}
          />
        )}
      </QueryState>
    </section>
  );
}
