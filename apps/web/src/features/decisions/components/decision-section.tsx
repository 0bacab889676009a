import type { Schemas } from '@dastarkhan/api-client';
import { DEFAULT_REAPPLY_MONTHS, reapplyDateAfter, type DecisionOutcome } from '@dastarkhan/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/form-field';
import { useDecide, useNomination, type DecideInput, type NominationBy, type PathwayProgress, type StepCallbacks } from '../api/decisions';
import { decisionErrorText, isStale } from './decision-errors';
import { DecisionHistory } from './decision-history';

type Participation = Schemas['ParticipationDto'];
type Notice = { kind: 'success' | 'error'; text: string; testId: string };

const OUTCOMES: DecisionOutcome[] = ['admit', 'defer', 'decline'];
const MIN_TEXT = 10;

/**
 * Under the milestones on the progress page: the coordinator's decision on a candidacy, the
 * community's request to be nominated, and the decision records with their appeals. What the
 * viewer may do comes from the participation's `availableActions` (the API's rules).
 */
export function DecisionSection({ participation, progress }: { participation: Participation; progress: PathwayProgress }) {
  const { t, i18n } = useTranslation();
  const [notice, setNotice] = useState<Notice | null>(null);
  const outcomes = OUTCOMES.filter((outcome) => participation.availableActions.includes(outcome));
  const callbacks = (successText: string): StepCallbacks => ({
    onSuccess: () => setNotice({ kind: 'success', text: successText, testId: 'decision-notice' }),
    onError: (error: unknown) => {
      // Someone else decided: the refetch shows what they decided, the notice says why the form is gone.
      if (isStale(error)) setNotice({ kind: 'error', text: t('decisions.form.stale'), testId: 'decision-conflict' });
    },
  });
  return (
    <>
      {notice && (
        <p role={notice.kind === 'error' ? 'alert' : 'status'} className={`alert alert-${notice.kind}`} data-testid={notice.testId}>
          {notice.text}
        </p>
      )}
      {participation.status === 'candidate' && outcomes.length > 0 && (
        <DecisionForm participation={participation} progress={progress} outcomes={outcomes} callbacks={callbacks(t('decisions.form.decided'))} locale={i18n.language} />
      )}
      {participation.availableActions.includes('nominate') && (
        <Nomination by="coordinator" participation={participation} progress={progress} callbacks={callbacks(t('decisions.nomination.nominated'))} locale={i18n.language} />
      )}
      {participation.availableActions.includes('request_nomination') && (
        <Nomination by="community" participation={participation} progress={progress} callbacks={callbacks(t('decisions.nomination.requested'))} locale={i18n.language} />
      )}
      <DecisionHistory participationId={participation.id} />
    </>
  );
}

interface StepProps {
  participation: Participation;
  progress: PathwayProgress;
  callbacks: StepCallbacks;
  locale: string;
}

function unmetMilestones(progress: PathwayProgress) {
  return progress.milestones.filter((milestone) => milestone.enabled && !milestone.met).map((milestone) => milestone.key);
}

function DecisionForm({ participation, progress, outcomes, callbacks, locale }: StepProps & { outcomes: DecisionOutcome[] }) {
  const { t } = useTranslation();
  const decide = useDecide(participation.id, callbacks);
  const [outcome, setOutcome] = useState<DecisionOutcome | null>(null);
  const [reasonCode, setReasonCode] = useState('');
  const [reasonText, setReasonText] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [reapply, setReapply] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const unmet = unmetMilestones(progress);
  const needsOverride = outcome === 'admit' && unmet.length > 0;

  const choose = (next: DecisionOutcome) => {
    setOutcome(next);
    setReasonCode('');
    // The domain's suggested wait, which the coordinator may change.
    setReapply(next === 'admit' ? '' : reapplyDateAfter(new Date(), DEFAULT_REAPPLY_MONTHS[next]));
    setErrors({});
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!outcome) found.outcome = t('decisions.form.chooseOutcome');
    if (!reasonCode) found.reasonCode = t('decisions.form.chooseReason');
    if (reasonText.trim().length < MIN_TEXT) found.reasonText = t('decisions.form.tooShort');
    if (needsOverride && overrideReason.trim().length < MIN_TEXT) found.overrideReason = t('decisions.form.tooShort');
    setErrors(found);
    if (!outcome || Object.keys(found).length > 0) return;
    decide.mutate({
      outcome,
      reasonCode: reasonCode as DecideInput['reasonCode'],
      reasonText: reasonText.trim(),
      ...(needsOverride ? { overrideReason: overrideReason.trim() } : {}),
      ...(outcome !== 'admit' && reapply ? { earliestReapplyOn: reapply } : {}),
      version: participation.version,
    });
  };

  return (
    <section className="card" aria-labelledby="decision-form-title" data-testid="decision-form">
      <h2 id="decision-form-title">{t('decisions.form.title')}</h2>
      <p className="field-hint">{t('decisions.form.intro')}</p>
      <form className="form" onSubmit={submit} noValidate>
        {decide.isError && !isStale(decide.error) && (
          <p role="alert" className="alert alert-error">
            {decisionErrorText(t, decide.error, locale)}
          </p>
        )}
        <fieldset className={errors.outcome ? 'fieldset field-invalid' : 'fieldset'}>
          <legend>{t('decisions.form.outcome')}</legend>
          <div role="radiogroup" aria-label={t('decisions.form.outcome')} className="segmented">
            {outcomes.map((option) => (
              <label key={option} className="segmented-option">
                <input
                  type="radio"
                  name="outcome"
                  value={option}
                  checked={outcome === option}
                  onChange={() => choose(option)}
                  data-testid={`decision-outcome-${option}`}
                />
                {t(`decisions.outcome.${option}`)}
              </label>
            ))}
          </div>
          {errors.outcome && <p className="field-error">{errors.outcome}</p>}
        </fieldset>
        <FormField label={t('decisions.form.reasonCode')} error={errors.reasonCode}>
          <select name="reasonCode" value={reasonCode} onChange={(e) => setReasonCode(e.target.value)} disabled={!outcome} data-testid="decision-reason-code">
            <option value="">{t('common.choose')}</option>
            {outcome &&
              // Only the reasons true of this candidacy now (the API refuses the others).
              progress.decisionReasonCodes[outcome].map((code) => (
                <option key={code} value={code}>
                  {t(`decisions.reasonCode.${code}`)}
                </option>
              ))}
          </select>
        </FormField>
        <FormField label={t('decisions.form.reasonText')} hint={t('decisions.form.reasonTextHint')} error={errors.reasonText}>
          <textarea name="reasonText" rows={3} maxLength={2000} value={reasonText} onChange={(e) => setReasonText(e.target.value)} data-testid="decision-reason-text" />
        </FormField>
        {needsOverride && (
          <FormField
            label={t('decisions.form.override')}
            hint={t('decisions.form.overrideHint', { milestones: unmet.map((key) => t(`pathway.milestone.${key}`)).join(', ') })}
            error={errors.overrideReason}
          >
            <textarea
              name="overrideReason"
              rows={2}
              maxLength={2000}
              value={overrideReason}
              onChange={(e) => setOverrideReason(e.target.value)}
              data-testid="decision-override"
            />
          </FormField>
        )}
        {outcome && outcome !== 'admit' && (
          <FormField label={t('decisions.form.reapply')} hint={t('decisions.form.reapplyHint', { months: DEFAULT_REAPPLY_MONTHS[outcome] })}>
            <input type="date" name="earliestReapplyOn" value={reapply} onChange={(e) => setReapply(e.target.value)} data-testid="decision-reapply" />
          </FormField>
        )}
        <div className="actions">
          <button type="submit" className="button" disabled={decide.isPending} data-testid="decision-submit">
            {t('decisions.form.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

/**
 * The nomination step. The coordinator may nominate at any time (with a milestone unmet, admitting
 * will then need an override); the community may ask once its progress shows every milestone met,
 * and until then is told that the next step above says what remains.
 */
function Nomination({ by, participation, progress, callbacks, locale }: StepProps & { by: NominationBy }) {
  const { t } = useTranslation();
  const step = useNomination(participation.id, by, callbacks);
  const text =
    by === 'coordinator'
      ? { intro: progress.allMet ? 'coordinatorReady' : 'coordinatorEarly', button: 'nominate', section: 'coordinator-nomination', testId: 'nominate' }
      : { intro: progress.allMet ? 'ready' : 'notYet', button: 'request', section: 'nomination-request', testId: 'request-nomination' };
  const offered = by === 'coordinator' || progress.allMet;
  return (
    <section className="card" aria-labelledby={`${text.section}-title`} data-testid={text.section}>
      <h2 id={`${text.section}-title`}>{t('decisions.nomination.title')}</h2>
      {step.isError && !isStale(step.error) && (
        <p role="alert" className="alert alert-error">
          {decisionErrorText(t, step.error, locale)}
        </p>
      )}
      <p className={offered ? undefined : 'field-hint'}>{t(`decisions.nomination.${text.intro}` as 'decisions.nomination.ready')}</p>
      {offered && (
        <button type="button" className="button" disabled={step.isPending} onClick={() => step.mutate(participation.version)} data-testid={text.testId}>
          {t(`decisions.nomination.${text.button}` as 'decisions.nomination.request')}
        </button>
      )}
    </section>
  );
}
