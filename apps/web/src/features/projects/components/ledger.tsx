import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/form-field';
import { formatDateTime } from '../../../lib/format';
import { nameOrCommunity } from '../../../lib/naming';
import { useMyCommunities } from '../../../lib/my-communities';
import {
  useProjectMutations,
  type Contribution,
  type ContributionRevision,
  type ContributionRole,
  type Project,
} from '../api/projects';
import { hasUndisclosedPartners, ProjectError, useFormatNumber } from './project-parts';

/**
 * Per community, what it contributed. The figures that count are the latest confirmed revision
 * (`counted`); a pending entry or correction is shown apart and never in the totals, which the API
 * sums over confirmed revisions only.
 */
export function Ledger({ project }: { project: Project }) {
  const { t, i18n } = useTranslation();
  const byName = new Intl.Collator(i18n.language).compare;
  const lines = [...project.ledger].sort((a, b) => byName(a.community.name, b.community.name));
  const withLine = new Set(project.ledger.map((line) => line.community.id));
  const canAdd = project.status === 'active' ? project.viewerCommunityIds.filter((id) => !withLine.has(id)) : [];

  return (
    <section className="card" aria-labelledby="ledger-title" data-testid="ledger">
      <h2 id="ledger-title">{t('projects.ledger.title')}</h2>
      <p className="field-hint">{t('projects.ledger.hint')}</p>
      <LedgerTotals project={project} />
      {lines.length === 0 ? (
        <p className="empty">{t('projects.ledger.empty')}</p>
      ) : (
        <ul className="plain-list">
          {lines.map((line) => (
            <LedgerLine key={line.id} project={project} line={line} />
          ))}
        </ul>
      )}
      {canAdd.length > 0 && <AddContribution project={project} communityIds={canAdd} />}
    </section>
  );
}

function LedgerTotals({ project }: { project: Project }) {
  const { t } = useTranslation();
  const number = useFormatNumber();
  return (
    <section className="card ledger-totals" aria-labelledby="ledger-totals-title" data-testid="ledger-totals">
      <h3 id="ledger-totals-title">{t('projects.ledger.totals')}</h3>
      {hasUndisclosedPartners(project) && <p className="field-hint">{t('projects.ledger.totalsListedOnly')}</p>}
      <dl className="figures">
        <div>
          <dt>{t('projects.ledger.volunteers')}</dt>
          <dd data-testid="total-volunteers">{number(project.totals.volunteers)}</dd>
        </div>
        <div>
          <dt>{t('projects.ledger.hours')}</dt>
          <dd data-testid="total-hours">{number(project.totals.hours)}</dd>
        </div>
        <div>
          <dt>{t('projects.ledger.totalContributions')}</dt>
          <dd data-testid="total-contributions">{number(project.totals.contributions)}</dd>
        </div>
      </dl>
    </section>
  );
}

function RevisionFigures({ revision }: { revision: ContributionRevision }) {
  const { t } = useTranslation();
  const number = useFormatNumber();
  return (
    <dl className="facts">
      <div>
        <dt>{t('projects.ledger.volunteers')}</dt>
        <dd>{number(revision.volunteers)}</dd>
      </div>
      <div>
        <dt>{t('projects.ledger.hours')}</dt>
        <dd>{number(revision.hours)}</dd>
      </div>
      {revision.inKind && (
        <div>
          <dt>{t('projects.ledger.inKind')}</dt>
          <dd>{revision.inKind}</dd>
        </div>
      )}
    </dl>
  );
}

type LineMode = 'view' | 'correct' | 'reject';
type LineNotice = 'sent' | 'confirm' | 'reject' | null;

function LedgerLine({ project, line }: { project: Project; line: Contribution }) {
  const { t } = useTranslation();
  const { correct, review } = useProjectMutations(project.id);
  const [mode, setMode] = useState<LineMode>('view');
  const [notice, setNotice] = useState<LineNotice>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const { counted, latest } = line;
  const open = latest && latest.id !== counted?.id ? latest : null;
  const reviewable = line.viewerCanReview && open?.status === 'pending';
  const role = (counted ?? latest)?.role;

  const sendReview = (decision: 'confirm' | 'reject') => {
    if (decision === 'reject' && !reason.trim()) {
      setReasonError(t('projects.validation.reasonRequired'));
      return;
    }
    review.mutate(
      { contributionId: line.id, decision, version: line.version, ...(decision === 'reject' ? { reason: reason.trim() } : {}) },
      {
        onSuccess: () => {
          setMode('view');
          setNotice(decision);
        },
      },
    );
  };

  return (
    <li className="ledger-line participant" data-testid={`contribution-${line.community.name}`}>
      <span className="participant-name">{line.community.name}</span>
      {role && <span className="badge">{t(`projects.partners.role.${role}`)}</span>}
      <div className="ledger-line partner-decision">
        {notice && (
          <p role="status" className="alert alert-success">
            {notice === 'sent' ? t('projects.ledger.sent') : t(`projects.ledger.reviewed.${notice}`, { name: line.community.name })}
          </p>
        )}
        {counted ? (
          <div data-testid="counted-revision">
            <p className="label">{t('projects.ledger.confirmed')}</p>
            <RevisionFigures revision={counted} />
          </div>
        ) : (
          <p className="empty">{t('projects.ledger.nothingConfirmed')}</p>
        )}
        {open?.status === 'pending' && (
          <div className="ledger-pending" data-testid="pending-revision">
            <p className="label">{t('projects.ledger.pending')}</p>
            <RevisionFigures revision={open} />
          </div>
        )}
        {open?.status === 'rejected' && (
          <div className="ledger-rejected" data-testid="rejected-revision">
            <p className="label">
              {open.reviewReason ? t('projects.ledger.rejected', { reason: open.reviewReason }) : t('projects.ledger.rejectedNoReason')}
            </p>
            <RevisionFigures revision={open} />
          </div>
        )}
        <ProjectError error={review.error ?? correct.error} />
        {mode === 'correct' ? (
          <ContributionForm
            project={project}
            communityId={line.community.id}
            initial={latest ?? counted}
            title={t('projects.ledger.correctTitle')}
            pending={correct.isPending}
            onCancel={() => setMode('view')}
            onSubmit={(values) =>
              correct.mutate(
                { contributionId: line.id, version: line.version, ...values },
                {
                  onSuccess: () => {
                    setMode('view');
                    setNotice('sent');
                  },
                },
              )
            }
          />
        ) : mode === 'reject' ? (
          <div className="decline-box">
            <FormField label={t('projects.ledger.rejectReason')} error={reasonError}>
              <textarea
                name="rejectReason"
                rows={2}
                value={reason}
                maxLength={2000}
                onChange={(e) => {
                  setReason(e.target.value);
                  setReasonError(undefined);
                }}
                autoFocus
                data-testid="contribution-reject-reason"
              />
            </FormField>
            <div className="actions">
              <button type="button" className="button button-danger" onClick={() => sendReview('reject')} disabled={review.isPending} data-testid="contribution-confirm-reject">
                {t('projects.ledger.confirmReject')}
              </button>
              <button type="button" className="button button-secondary" onClick={() => setMode('view')}>
                {t('projects.actions.back')}
              </button>
            </div>
          </div>
        ) : (
          (reviewable || line.viewerCanCorrect) && (
            <div className="actions">
              {reviewable && (
                <>
                  <button type="button" className="button button-small" onClick={() => sendReview('confirm')} disabled={review.isPending} data-testid="contribution-confirm">
                    {t('projects.ledger.confirm')}
                  </button>
                  <button
                    type="button"
                    className="button button-small button-danger-outline"
                    onClick={() => {
                      review.reset();
                      setReason('');
                      setReasonError(undefined);
                      setMode('reject');
                    }}
                    disabled={review.isPending}
                    data-testid="contribution-reject"
                  >
                    {t('projects.ledger.reject')}
                  </button>
                </>
              )}
              {line.viewerCanCorrect && project.status === 'active' && (
                <button
                  type="button"
                  className="button button-small button-secondary"
                  onClick={() => {
                    correct.reset();
                    setNotice(null);
                    setMode('correct');
                  }}
                  data-testid="contribution-correct"
                >
                  {t('projects.ledger.correct')}
                </button>
              )}
            </div>
          )
        )}
        {line.revisions.length > 0 && <RevisionHistory revisions={line.revisions} />}
      </div>
    </li>
  );
}

function RevisionHistory({ revisions }: { revisions: ContributionRevision[] }) {
  const { t, i18n } = useTranslation();
  const newestFirst = [...revisions].sort((a, b) => b.revision - a.revision);
  return (
    <details className="ledger-history" data-testid="revision-history">
      <summary>{t('projects.ledger.history', { count: revisions.length })}</summary>
      <ol className="timeline">
        {newestFirst.map((revision) => (
          <li key={revision.id} className="timeline-event" data-testid="revision">
            <p className="timeline-action">
              <strong>{t('projects.ledger.revision', { n: revision.revision })}</strong> ·{' '}
              {revision.status === 'pending'
                ? t('projects.ledger.pending')
                : revision.status === 'confirmed'
                  ? t('projects.ledger.confirmed')
                  : revision.status === 'superseded'
                    ? t('projects.ledger.superseded')
                    : revision.reviewReason
                    ? t('projects.ledger.rejected', { reason: revision.reviewReason })
                    : t('projects.ledger.rejectedNoReason')}
            </p>
            <RevisionFigures revision={revision} />
            <p className="card-meta">
              {t('projects.ledger.enteredBy', { name: nameOrCommunity(t, revision.enteredByName), date: formatDateTime(revision.enteredAt, i18n.language) })}
            </p>
            {revision.reviewedByName && revision.reviewedAt && (
              <p className="card-meta">
                {t('projects.ledger.reviewedBy', { name: revision.reviewedByName, date: formatDateTime(revision.reviewedAt, i18n.language) })}
              </p>
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}

function AddContribution({ project, communityIds }: { project: Project; communityIds: string[] }) {
  const { t } = useTranslation();
  const { contribute } = useProjectMutations(project.id);
  const myCommunities = useMyCommunities();
  const [communityId, setCommunityId] = useState(communityIds[0]);
  const name = (id: string) =>
    project.partners.find((p) => p.community.id === id)?.community.name ?? myCommunities.data?.find((c) => c.id === id)?.name ?? '…';

  return (
    <div className="card" data-testid="add-contribution">
      {communityIds.length > 1 && (
        <FormField label={t('projects.ledger.community')}>
          <select name="contributionCommunity" value={communityId} onChange={(e) => setCommunityId(e.target.value)}>
            {communityIds.map((id) => (
              <option key={id} value={id}>
                {name(id)}
              </option>
            ))}
          </select>
        </FormField>
      )}
      <ProjectError error={contribute.error} />
      <ContributionForm
        key={communityId}
        project={project}
        communityId={communityId}
        initial={null}
        title={communityIds.length > 1 ? t('projects.ledger.addTitle') : `${t('projects.ledger.addTitle')}: ${name(communityId)}`}
        pending={contribute.isPending}
        onSubmit={(values) => contribute.mutate({ communityId, ...values })}
      />
    </div>
  );
}

interface ContributionValues {
  role: ContributionRole;
  volunteers: number;
  hours: number;
  inKind?: string;
}

interface ContributionFormProps {
  project: Project;
  communityId: string;
  initial: ContributionRevision | null;
  title: string;
  pending: boolean;
  onSubmit: (values: ContributionValues) => void;
  onCancel?: () => void;
}

/** Volunteers, hours and what was brought; the lead role is offered to the lead community only. */
function ContributionForm({ project, communityId, initial, title, pending, onSubmit, onCancel }: ContributionFormProps) {
  const { t } = useTranslation();
  const isLead = project.leadCommunity?.id === communityId;
  const [role, setRole] = useState<ContributionRole>(initial?.role ?? (isLead ? 'lead' : 'partner'));
  const [volunteers, setVolunteers] = useState(initial ? String(initial.volunteers) : '');
  const [hours, setHours] = useState(initial ? String(initial.hours) : '');
  const [inKind, setInKind] = useState(initial?.inKind ?? '');
  const [errors, setErrors] = useState<{ volunteers?: string; hours?: string; form?: string }>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    const people = volunteers.trim() === '' ? 0 : Number(volunteers.trim());
    const hoursText = hours.trim().replace(',', '.');
    const time = hoursText === '' ? 0 : Number(hoursText);
    if (!/^\d*$/.test(volunteers.trim()) || people > 100_000) found.volunteers = t('projects.validation.volunteers');
    if (!/^\d*([.]\d{1,2})?$/.test(hoursText) || hoursText === '.' || time > 1_000_000) found.hours = t('projects.validation.hours');
    if (!found.volunteers && !found.hours && people === 0 && time === 0 && !inKind.trim()) found.form = t('projects.validation.contributionEmpty');
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    onSubmit({ role, volunteers: people, hours: time, ...(inKind.trim() ? { inKind: inKind.trim() } : {}) });
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={title}>
      <h3>{title}</h3>
      {errors.form && (
        <p role="alert" className="alert alert-error">
          {errors.form}
        </p>
      )}
      {isLead && (
        <FormField label={t('projects.ledger.role')}>
          <select name="role" value={role} onChange={(e) => setRole(e.target.value as ContributionRole)}>
            <option value="lead">{t('projects.partners.role.lead')}</option>
            <option value="partner">{t('projects.partners.role.partner')}</option>
          </select>
        </FormField>
      )}
      <div className="field-row">
        <FormField label={t('projects.ledger.volunteers')} hint={t('projects.ledger.volunteersHint')} error={errors.volunteers}>
          <input name="volunteers" inputMode="numeric" value={volunteers} onChange={(e) => setVolunteers(e.target.value)} />
        </FormField>
        <FormField label={t('projects.ledger.hours')} hint={t('projects.ledger.hoursHint')} error={errors.hours}>
          <input name="hours" inputMode="decimal" value={hours} onChange={(e) => setHours(e.target.value)} />
        </FormField>
      </div>
      <FormField label={t('projects.ledger.inKind')} hint={t('projects.ledger.inKindHint')}>
        <textarea name="inKind" rows={2} value={inKind} maxLength={2000} onChange={(e) => setInKind(e.target.value)} />
      </FormField>
      <div className="actions">
        <button type="submit" className="button" disabled={pending} data-testid="contribution-submit">
          {t('projects.ledger.submit')}
        </button>
        {onCancel && (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('projects.actions.back')}
          </button>
        )}
      </div>
    </form>
  );
}
