import {
  almatyDaysBetween,
  availableActions,
  DEFAULT_REAPPLY_MONTHS,
  isApplicationOverdue,
  reapplyDateAfter,
  reasonCodesFor,
  type DECISION_REASON_CODES,
} from '@dastarkhan/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorText } from '../../../components/error-message';
import { FormField } from '../../../components/form-field';
import { RegistrationBadge } from '../../../components/status-badge';
import { isApiError } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format';
import { useDecideApplication, type Application, type DecisionOutcome } from '../api/applications';

interface ApplicationCardProps {
  application: Application;
  onDecided: (outcome: DecisionOutcome) => void;
}

export function ApplicationCard({ application, onDecided }: ApplicationCardProps) {
  const { t, i18n } = useTranslation();
  const decide = useDecideApplication(onDecided);
  const [declining, setDeclining] = useState(false);
  const [reasonCode, setReasonCode] = useState<(typeof DECISION_REASON_CODES.decline)[number] | ''>('');
  const [reason, setReason] = useState('');
  // The decline's earliest re-apply date: suggested as the default wait (docs/domain.md § 3.6), changeable.
  const [reapply, setReapply] = useState(() => reapplyDateAfter(new Date(), DEFAULT_REAPPLY_MONTHS.decline));
  const [reasonCodeError, setReasonCodeError] = useState<string | undefined>();
  const [reasonError, setReasonError] = useState<string | undefined>();
  const { community } = application;
  const registration = community.registrationStatus;

  // The pathway rules from libs/domain decide which buttons exist (admit only for registered ones).
  const actions = availableActions({ status: application.status, suspendedFrom: null }, 'coordinator', registration);

  const confirmDecline = () => {
    const text = reason.trim();
    // The decision record needs a reason code and at least 10 characters of explanation.
    setReasonCodeError(reasonCode ? undefined : t('decisions.form.chooseReason'));
    setReasonError(!text ? t('applications.reasonRequired') : text.length < 10 ? t('decisions.form.tooShort') : undefined);
    if (!reasonCode || text.length < 10) return;
    decide.mutate({ application, action: 'decline', reasonCode, reason: text, earliestReapplyOn: reapply });
  };

  // A registered community admitted straight from its application: the record says so in a standard sentence.
  const admit = () =>
    decide.mutate({ application, action: 'admit', reasonCode: 'registered_community', reason: t('decisions.application.admitText') });

  const headingId = `application-${application.id}`;
  const now = new Date();
  const appliedAt = new Date(application.createdAt);
  return (
    <article className="card application" aria-labelledby={headingId} data-testid={`application-${community.name}`}>
      <header className="application-header">
        <h2 id={headingId} className="card-title">
          {community.name}
        </h2>
        <span className="participant-tradition">{t(`tradition.${community.tradition}`)}</span>
        <RegistrationBadge status={registration} />
      </header>
      <p className="card-meta">
        {t('applications.appliedOn', { date: formatDateTime(application.createdAt, i18n.language) })}
        {isApplicationOverdue(appliedAt, now) && (
          <span className="badge badge-overdue" data-testid="application-overdue">
            {t('clubMonth.applications.overdue', { days: almatyDaysBetween(appliedAt, now) })}
          </span>
        )}
      </p>
      <p>
        <Link to={`/communities/${community.id}`} data-testid="applicant-profile">
          {t('clubMonth.applications.profileLink')}
        </Link>
      </p>
      <h3 className="label">{t('applications.statement')}</h3>
      <blockquote className="statement">{application.statement}</blockquote>

      {decide.error && !isApiError(decide.error, 409) && (
        <p role="alert" className="alert alert-error">
          {errorText(t, decide.error)}
        </p>
      )}

      {declining ? (
        <div className="decline-box">
          <FormField label={t('decisions.application.reasonCode')} error={reasonCodeError}>
            <select
              name="reasonCode"
              value={reasonCode}
              onChange={(e) => {
                setReasonCode(e.target.value as typeof reasonCode);
                setReasonCodeError(undefined);
              }}
              data-testid="decline-reason-code"
            >
              <option value="">{t('common.choose')}</option>
              {/* Only the reasons true of an application (no milestones or concerns yet): libs/domain reasonCodesFor. */}
              {reasonCodesFor({ fromStatus: 'applied', registered: application.community.registrationStatus === 'registered', unmetMilestones: [] }).decline.map((code) => (
                <option key={code} value={code}>
                  {t(`decisions.reasonCode.${code}`)}
                </option>
              ))}
            </select>
          </FormField>
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
          <FormField label={t('clubMonth.applications.reapply')} hint={t('clubMonth.applications.reapplyHint', { months: DEFAULT_REAPPLY_MONTHS.decline })}>
            <input type="date" name="earliestReapplyOn" value={reapply} onChange={(e) => setReapply(e.target.value)} required data-testid="decline-reapply" />
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
                setReasonCodeError(undefined);
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
            <button type="button" className="button" onClick={() => decide.mutate({ application, action: 'accept' })} disabled={decide.isPending} data-testid="accept">
              {t('action.accept')}
            </button>
          )}
          {actions.includes('admit') && (
            <button type="button" className="button button-secondary" onClick={admit} disabled={decide.isPending} data-testid="admit">
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
