import { isProjectReasonRequired } from '@dastarkhan/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ReasonConfirm } from '../../../components/reason-confirm';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { RegistrationBadge } from '../../../components/status-badge';
import { isApiError } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format';
import { nameOrCommunity } from '../../../lib/naming';
import { useProject, useProjectMutations, type Project, type ProjectAction, type ProjectEvent } from '../api/projects';
import { Ledger } from './ledger';
import { Milestones } from './milestones';
import { CompleteForm, OutcomeReportView } from './outcome';
import { Partners } from './partners';
import { DateRange, ProjectError, ProjectStatusBadge } from './project-parts';

export function ProjectPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const project = useProject(id);
  return (
    <section>
      <QueryState
        query={project}
        errorFallback={(error) =>
          isApiError(error, 404) ? (
            <p role="alert" className="alert alert-info">
              {t('projects.notFound')}
            </p>
          ) : (
            <ProjectError error={error} />
          )
        }
      >
        {(found) => <ProjectDetails project={found} />}
      </QueryState>
    </section>
  );
}

function ProjectDetails({ project }: { project: Project }) {
  const { t } = useTranslation();
  const location = useLocation();
  const [notice, setNotice] = useState<ProjectAction | null>(null);
  const justProposed = (location.state as { proposed?: boolean } | null)?.proposed && project.status === 'proposed';
  const lead = project.leadCommunity;

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/clubs/${project.clubId}/projects`}>{t('projects.title')}</Link>
      </p>
      <PageTitle subtitle={project.clubName}>{project.title}</PageTitle>
      {justProposed && (
        <p role="status" className="alert alert-success">
          {t('projects.propose.sentNote')}
        </p>
      )}
      {notice && (
        <p role="status" className="alert alert-success" data-testid="project-notice">
          {t(`projects.actions.done.${notice}`)}
        </p>
      )}
      <dl className="facts card">
        <div>
          <dt>{t('projects.facts.status')}</dt>
          <dd>
            <ProjectStatusBadge status={project.status} />
          </dd>
        </div>
        <div>
          <dt>{t('projects.facts.category')}</dt>
          <dd>{t(`projects.category.${project.category}`)}</dd>
        </div>
        <div>
          <dt>{t('projects.facts.dates')}</dt>
          <dd>
            <DateRange from={project.startsOn} to={project.endsOn} />
          </dd>
        </div>
        <div>
          <dt>{t('projects.facts.lead')}</dt>
          <dd>
            {lead ? (
              <>
                {lead.name} <RegistrationBadge status={lead.registrationStatus} />
              </>
            ) : (
              t('projects.leadHidden')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('projects.facts.club')}</dt>
          <dd>
            <Link to={`/clubs/${project.clubId}`}>{project.clubName}</Link>
          </dd>
        </div>
        <div>
          <dt>{t('projects.facts.visibility')}</dt>
          <dd>{t(`projects.visibility.${project.visibility}`)}</dd>
        </div>
      </dl>
      {project.decisionReason && (project.status === 'declined' || project.status === 'cancelled') && (
        <p className="alert alert-info" data-testid="decision-reason">
          {t(`projects.reason.${project.status}`, { reason: project.decisionReason })}
        </p>
      )}

      {project.outcome && <OutcomeReportView outcome={project.outcome} />}

      <h2>{t('projects.about')}</h2>
      <p className="statement">{project.description}</p>

      <DecisionActions project={project} onDone={setNotice} />

      <Partners project={project} />
      {project.status !== 'proposed' && project.status !== 'declined' && <Ledger project={project} />}
      <Milestones project={project} />
      {project.events.length > 0 && <ProjectHistory events={project.events} />}
    </>
  );
}

type ReasonAction = 'decline' | 'cancel';

/** The steps the API says this viewer may take now: approve, decline / cancel (with a reason), complete. */
function DecisionActions({ project, onDone }: { project: Project; onDone: (action: ProjectAction) => void }) {
  const { t } = useTranslation();
  const { transition, complete } = useProjectMutations(project.id);
  const [pending, setPending] = useState<ReasonAction | 'complete' | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const actions = project.availableActions;
  const error = transition.error ?? complete.error;
  if (actions.length === 0 && !error) return null;

  const send = (action: 'approve' | ReasonAction, withReason?: string) =>
    transition.mutate(
      { action, version: project.version, ...(withReason ? { reason: withReason } : {}) },
      {
        onSuccess: () => {
          setPending(null);
          onDone(action);
        },
        onError: () => setPending(null),
      },
    );

  const start = (action: ProjectAction) => {
    transition.reset();
    complete.reset();
    setReason('');
    setReasonError(undefined);
    if (action === 'approve') send('approve');
    else setPending(action);
  };

  const confirmWithReason = (action: ReasonAction) => {
    if (isProjectReasonRequired(action) && !reason.trim()) {
      setReasonError(t('projects.validation.reasonRequired'));
      return;
    }
    send(action, reason.trim());
  };

  return (
    <section className="card" aria-labelledby="project-actions-title">
      <h2 id="project-actions-title">{t('projects.actions.title')}</h2>
      <ProjectError error={error} />
      {pending === 'complete' ? (
        <CompleteForm
          project={project}
          mutation={complete}
          onCompleted={() => {
            setPending(null);
            onDone('complete');
          }}
          onBack={() => setPending(null)}
        />
      ) : pending ? (
        <ReasonConfirm
          question={t(`projects.actions.confirm.${pending}`)}
          reasonLabel={t('projects.actions.reasonLabel')}
          reason={reason}
          onReasonChange={(value) => {
            setReason(value);
            setReasonError(undefined);
          }}
          reasonError={reasonError}
          confirmLabel={t(`projects.actions.confirmButton.${pending}`)}
          backLabel={t('projects.actions.back')}
          busy={transition.isPending}
          onConfirm={() => confirmWithReason(pending)}
          onBack={() => setPending(null)}
          reasonTestId="project-reason"
          confirmTestId={`project-confirm-${pending}`}
        />
      ) : (
        <div className="actions">
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              className={action === 'decline' || action === 'cancel' ? 'button button-danger-outline' : 'button'}
              onClick={() => start(action)}
              disabled={transition.isPending}
              data-testid={`project-${action}`}
            >
              {t(`projects.actions.${action}`)}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}

function ProjectHistory({ events }: { events: ProjectEvent[] }) {
  const { t, i18n } = useTranslation();
  const chronological = [...events].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <section aria-labelledby="project-history-title">
      <h2 id="project-history-title">{t('projects.history.title')}</h2>
      <ol className="timeline">
        {chronological.map((event) => (
          <li key={event.id} className="timeline-event" data-testid="project-event">
            <time dateTime={event.at} className="timeline-time">
              {formatDateTime(event.at, i18n.language)}
            </time>
            <p className="timeline-action">
              <strong>{isKnownEvent(event.action) ? t(`projects.history.action.${event.action}`) : event.action}</strong>
            </p>
            <p className="card-meta">{t('projects.history.by', { name: nameOrCommunity(t, event.actorName) })}</p>
            {event.reason && <p className="timeline-reason">{t('projects.history.reason', { reason: event.reason })}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}

const EVENT_ACTIONS = ['propose', 'approve', 'decline', 'cancel', 'complete'] as const;

/** The API types an event's action as a string ('propose' or a project action). */
function isKnownEvent(action: string): action is (typeof EVENT_ACTIONS)[number] {
  return (EVENT_ACTIONS as readonly string[]).includes(action);
}
