import { isReasonRequired, TRANSITION_ACTIONS, type ParticipationAction, type TransitionAction } from '@dastarkhan/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorText } from '../../../components/error-message';
import { ReasonConfirm } from '../../../components/reason-confirm';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { RegistrationBadge, StatusBadge } from '../../../components/status-badge';
import { isApiError } from '../../../lib/api-error';
import { KAZAKHSTAN_TIME_ZONE } from '../../../lib/format';
import { useParticipation, useTransition, type Participation } from '../api/participation';
import { DecisionHistory } from '../../decisions/components/decision-history';
import { ParticipationHistory } from './participation-history';

export function ParticipationPage() {
  const { id = '' } = useParams();
  const participation = useParticipation(id);
  return (
    <section>
      <QueryState query={participation}>{(found) => <ParticipationDetails participation={found} />}</QueryState>
    </section>
  );
}

function ParticipationDetails({ participation }: { participation: Participation }) {
  const { t } = useTranslation();
  const { community } = participation;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/clubs/${participation.clubId}`}>{participation.clubName}</Link>
      </p>
      <PageTitle subtitle={participation.clubName}>{community.name}</PageTitle>
      <dl className="facts card">
        <div>
          <dt>{t('participation.status')}</dt>
          <dd>
            <StatusBadge status={participation.status} />
          </dd>
        </div>
        <div>
          <dt>{t('participation.club')}</dt>
          <dd>
            <Link to={`/clubs/${participation.clubId}`}>{participation.clubName}</Link>
          </dd>
        </div>
        <div>
          <dt>{t('participation.community')}</dt>
          <dd>
            {community.name} · {t(`tradition.${community.tradition}`)} <RegistrationBadge status={community.registrationStatus} />
          </dd>
        </div>
      </dl>
      <h2>{t('participation.statement')}</h2>
      <blockquote className="statement">{participation.statement}</blockquote>
      <p><Link to={`/participations/${participation.id}/progress`} className="button button-secondary" data-testid="progress-link">{t('pathway.progressLink')}</Link></p>
      <TransitionActions participation={participation} />
      <h2>{t('participation.history')}</h2>
      <p className="field-hint">{t('participation.timeZoneNote', { zone: KAZAKHSTAN_TIME_ZONE })}</p>
      <ParticipationHistory events={participation.events} />
      {/* A declined application's record: its reason, the date it may apply again, and its appeal. */}
      <DecisionHistory participationId={participation.id} />
    </>
  );
}

/** The moves the API says this viewer may make now (a representative: withdraw). */
function TransitionActions({ participation }: { participation: Participation }) {
  const { t } = useTranslation();
  const transition = useTransition(participation.id);
  const [pending, setPending] = useState<TransitionAction | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [erase, setErase] = useState(false);
  // Decisions and the nomination request have their own forms (progress page, application card).
  const actions = participation.availableActions.filter(isTransitionAction);
  if (actions.length === 0 && !transition.error) return null;

  const send = (action: TransitionAction, withReason?: string) =>
    transition.mutate(
      { action, reason: withReason, eraseContactDetails: action === 'withdraw' && erase, version: participation.version },
      {
        onSuccess: () => {
          setPending(null);
          setReason('');
        },
        onError: (error) => {
          if (isApiError(error, 409)) setPending(null);
        },
      },
    );

  const start = (action: TransitionAction) => {
    transition.reset();
    setReasonError(undefined);
    setReason('');
    setErase(false);
    setPending(action);
  };

  const confirm = () => {
    if (!pending) return;
    if (isReasonRequired(pending) && !reason.trim()) {
      setReasonError(t('applications.reasonRequired'));
      return;
    }
    send(pending, reason.trim() || undefined);
  };

  return (
    <section className="card" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('participation.actions')}</h2>
      {transition.error && (
        <p role="alert" className="alert alert-error">
          {isApiError(transition.error, 409) ? t('participation.conflict') : errorText(t, transition.error)}
        </p>
      )}
      {pending ? (
        <ReasonConfirm
          question={t(`participation.confirm.${pending}`)}
          reasonLabel={isReasonRequired(pending) ? t('participation.reasonLabel') : t('participation.reasonOptional')}
          reason={reason}
          onReasonChange={(value) => {
            setReason(value);
            setReasonError(undefined);
          }}
          reasonError={reasonError}
          confirmLabel={t(`action.${pending}`)}
          backLabel={t('common.cancel')}
          busy={transition.isPending}
          onConfirm={confirm}
          onBack={() => setPending(null)}
          reasonTestId="transition-reason"
          confirmTestId={`confirm-${pending}`}
        >
          {pending === 'withdraw' && (
            <label className="checkbox-field">
              <input type="checkbox" checked={erase} onChange={(e) => setErase(e.target.checked)} data-testid="erase-contact-details" />{' '}
              {t('participation.eraseContactDetails')}
            </label>
          )}
        </ReasonConfirm>
      ) : (
        <div className="actions">
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              className={action === 'withdraw' || action === 'suspend' ? 'button button-danger-outline' : 'button'}
              onClick={() => start(action)}
              disabled={transition.isPending}
              data-testid={action}
            >
              {t(`action.${action}`)}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}

/** What the generic transition endpoint takes (the rest are recorded steps with their own endpoints). */
function isTransitionAction(action: ParticipationAction): action is TransitionAction {
  return (TRANSITION_ACTIONS as readonly ParticipationAction[]).includes(action);
}
