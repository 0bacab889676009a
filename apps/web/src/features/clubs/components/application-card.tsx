import { availableActions } from '@dastarkhan/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../components/error-message';
import { FormField } from '../../../components/form-field';
import { RegistrationBadge } from '../../../components/status-badge';
import { isApiError } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format';
import { useDecideApplication, type Application, type Decision, type DecisionOutcome } from '../api/applications';

interface ApplicationCardProps {
  application: Application;
  onDecided: (outcome: DecisionOutcome) => void;
}

export function ApplicationCard({ application, onDecided }: ApplicationCardProps) {
  const { t, i18n } = useTranslation();
  const decide = useDecideApplication(onDecided);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const { community } = application;
  const registration = community.registrationStatus;

  // The pathway rules from libs/domain decide which buttons exist (admit only for registered ones).
  const actions = availableActions({ status: application.status, suspendedFrom: null }, 'coordinator', registration);

  const send = (action: Decision['action'], withReason?: string) => decide.mutate({ application, action, reason: withReason });

  const confirmDecline = () => {
    if (!reason.trim()) {
      setReasonError(t('applications.reasonRequired'));
      return;
    }
    setReasonError(undefined);
    send('decline', reason.trim());
  };

  const headingId = `application-${application.id}`;
  return (
    <article className="card application" aria-labelledby={headingId} data-testid={`application-${community.name}`}>
      <header className="application-header">
        <h2 id={headingId} className="card-title">
          {community.name}
        </h2>
        <span className="participant-tradition">{t(`tradition.${community.tradition}`)}</span>
        <RegistrationBadge status={registration} />
      </header>
      <p className="card-meta">{t('applications.appliedOn', { date: formatDateTime(application.createdAt, i18n.language) })}</p>
      <h3 className="label">{t('applications.statement')}</h3>
      <blockquote className="statement">{application.statement}</blockquote>

      {decide.error && !isApiError(decide.error, 409) && (
        <p role="alert" className="alert alert-error">
          {errorText(t, decide.error)}
        </p>
      )}

      {declining ? (
        <div className="decline-box">
          <FormField label={t('applications.reason')} hint={t('applications.reasonHint')} error={reasonError}>
            <textarea
              name="reason"
              rows={3}
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                setReasonError(undefined);
              }}
              required
              autoFocus
              data-testid="decline-reason"
            />
          </FormField>
          <div className="actions">
            <button type="button" className="button button-danger" onClick={confirmDecline} disabled={decide.isPending} data-testid="confirm-decline">
              {t('applications.confirmDecline')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setDeclining(false);
                setReasonError(undefined);
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          {actions.includes('accept') && (
            <button type="button" className="button" onClick={() => send('accept')} disabled={decide.isPending} data-testid="accept">
              {t('action.accept')}
            </button>
          )}
          {actions.includes('admit') && (
            <button type="button" className="button button-secondary" onClick={() => send('admit')} disabled={decide.isPending} data-testid="admit">
              {t('action.admit')}
            </button>
          )}
          {actions.includes('decline') && (
            <button type="button" className="button button-danger-outline" onClick={() => setDeclining(true)} disabled={decide.isPending} data-testid="decline">
              {t('action.decline')}
            </button>
          )}
        </div>
      )}
    </article>
  );
}
