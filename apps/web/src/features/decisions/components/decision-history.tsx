import { useTranslation } from 'react-i18next';
import { NoteForm } from '../../../components/note-form';
import { formatDate, formatDateTime } from '../../../lib/format';
import { nameOrCommunity } from '../../../lib/naming';
import { useAppeal, useDecisionRecords, type DecisionRecord } from '../api/decisions';

/** The participation's decisions, newest first; nothing when there are none or the viewer may not see them. */
export function DecisionHistory({ participationId }: { participationId: string }) {
  const { t } = useTranslation();
  const records = useDecisionRecords(participationId);
  if (!records.data || records.data.length === 0) return null;
  return (
    <section className="card" aria-labelledby="decision-history-title" data-testid="decision-history">
      <h2 id="decision-history-title">{t('decisions.history.title')}</h2>
      <ul className="decision-list">
        {[...records.data].reverse().map((record) => (
          <DecisionItem key={record.id} record={record} />
        ))}
      </ul>
    </section>
  );
}

/** One decision record: outcome, reason, decider, date, re-apply date, the milestones then, and its appeal. */
export function DecisionItem({ record }: { record: DecisionRecord }) {
  const { t, i18n } = useTranslation();
  const required = record.milestoneSnapshot.milestones.filter((milestone) => milestone.enabled);
  const met = required.filter((milestone) => milestone.met).length;
  return (
    <li className="decision-item" data-testid="decision-record" data-outcome={record.outcome}>
      <p>
        <strong>{t(`decisions.outcomePast.${record.outcome}`)}</strong> · {t(`decisions.reasonCode.${record.reasonCode}`)}
      </p>
      <p className="card-meta">{t('decisions.history.by', { name: record.deciderName, date: formatDateTime(record.decidedAt, i18n.language) })}</p>
      <blockquote className="statement">{record.reasonText}</blockquote>
      {record.overrideReason && (
        <p data-testid="decision-override-reason">
          {t('decisions.history.override')}: {record.overrideReason}
        </p>
      )}
      {record.earliestReapplyOn && (
        <p data-testid="decision-reapply-date">{t('decisions.history.reapplyFrom', { date: formatDate(record.earliestReapplyOn, i18n.language) })}</p>
      )}
      <details data-testid="decision-snapshot">
        <summary>{t('decisions.history.snapshot', { met, total: required.length })}</summary>
        <ul>
          {required.map((milestone) => (
            <li key={milestone.key} data-state={milestone.met ? 'met' : 'unmet'}>
              {t(`pathway.milestone.${milestone.key}`)}: {milestone.met ? t('decisions.history.met') : t('decisions.history.unmet')}
            </li>
          ))}
        </ul>
      </details>
      {record.appeal && <AppealView appeal={record.appeal} />}
      {record.canAppeal && record.appealDeadline && <AppealForm decisionId={record.id} deadline={record.appealDeadline} />}
    </li>
  );
}

function AppealView({ appeal }: { appeal: NonNullable<DecisionRecord['appeal']> }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="decision-appeal" data-testid="appeal-status" data-status={appeal.status}>
      <p>
        <strong>{t(`decisions.appeal.status.${appeal.status}`)}</strong>
      </p>
      <p className="card-meta">{t('decisions.appeal.filed', { name: nameOrCommunity(t, appeal.appellantName), date: formatDateTime(appeal.createdAt, i18n.language) })}</p>
      <blockquote className="statement">{appeal.text}</blockquote>
      {appeal.resolution && appeal.resolvedAt && (
        <>
          <p className="card-meta">{t('decisions.appeal.ruling', { name: appeal.resolvedByName, date: formatDateTime(appeal.resolvedAt, i18n.language) })}</p>
          <blockquote className="statement">{appeal.resolution}</blockquote>
        </>
      )}
    </div>
  );
}

function AppealForm({ decisionId, deadline }: { decisionId: string; deadline: string }) {
  const { t, i18n } = useTranslation();
  const appeal = useAppeal();
  return (
    <div className="decision-appeal-form">
      <p className="field-hint">{t('decisions.appeal.intro', { date: formatDate(deadline, i18n.language) })}</p>
      <NoteForm
        label={t('decisions.appeal.text')}
        submitLabel={t('decisions.appeal.submit')}
        pending={appeal.isPending}
        error={appeal.error}
        feature="decisions"
        tooShortText={t('decisions.form.tooShort')}
        onSubmit={(text) => appeal.mutateAsync({ decisionId, text })}
        testIds={{ text: 'appeal-text', submit: 'appeal-submit' }}
        buttonClassName="button button-secondary"
      />
    </div>
  );
}
