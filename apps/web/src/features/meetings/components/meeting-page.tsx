import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { FormField } from '../../../components/form-field';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { isApiError } from '../../../lib/api-error';
import { useMe } from '../../../lib/auth';
import { formatDateTime, formatTimeRange, KAZAKHSTAN_TIME_ZONE } from '../../../lib/format';
import { nameOrCommunity } from '../../../lib/naming';
import { useCancelMeeting, useMeeting, type Meeting, type UpdateScope } from '../api/meetings';
import { useMeetingActionItems, useMinutes } from '../api/minutes';
import { ActionItemList } from './action-items';
import { StatusTag, TopicChips, WarningList } from './meeting-parts';
import { CheckInBox, RsvpBox, RsvpOverview } from './rsvp';

export function MeetingPage() {
  const { id = '' } = useParams();
  const meeting = useMeeting(id);
  return (
    <section>
      <QueryState query={meeting}>{(found) => <MeetingDetails meeting={found} />}</QueryState>
    </section>
  );
}

function MeetingDetails({ meeting }: { meeting: Meeting }) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const me = useMe();
  const scheduled = (location.state as { scheduled?: number } | null)?.scheduled;
  const cancelled = meeting.status === 'cancelled';
  const signedIn = me.data != null;

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/clubs/${meeting.clubId}/calendar`}>{meeting.clubName}</Link>
      </p>
      <PageTitle subtitle={meeting.clubName}>{meeting.title}</PageTitle>
      {scheduled != null && (
        <p role="status" className="alert alert-success" data-testid="scheduled-notice">
          {t('meetings.schedule.done', { count: scheduled })}
        </p>
      )}
      {cancelled && (
        <p className="alert alert-error" data-testid="cancelled-notice">
          <StatusTag status={meeting.status} /> {meeting.cancelReason && t('meetings.cancel.reasonShown', { reason: meeting.cancelReason })}
        </p>
      )}

      <div className="two-columns">
        <div>
          <dl className="facts facts-stacked card">
            <div>
              <dt>{t('meetings.fields.when')}</dt>
              <dd className={cancelled ? 'struck' : undefined} data-testid="meeting-when">
                {formatTimeRange(meeting.startsAt, meeting.endsAt, i18n.language)}
                <span className="card-meta"> · {t('meetings.almatyTime', { zone: KAZAKHSTAN_TIME_ZONE })}</span>
              </dd>
            </div>
            <div>
              <dt>{t('meetings.fields.format')}</dt>
              <dd>
                {t(`meetings.format.${meeting.format}`)}
                {meeting.onlineLink && (
                  <>
                    {' · '}
                    <a href={meeting.onlineLink} target="_blank" rel="noreferrer">
                      {t('meetings.fields.joinOnline')}
                    </a>
                  </>
                )}
              </dd>
            </div>
            {(meeting.venue || meeting.venueCommunity) && (
              <div>
                <dt>{t('meetings.fields.venue')}</dt>
                <dd>
                  {meeting.venueCommunity
                    ? t('meetings.fields.placeOfWorship', { name: meeting.venueCommunity.name })
                    : meeting.venue}
                </dd>
              </div>
            )}
            <div>
              <dt>{t('meetings.fields.visibility')}</dt>
              <dd>{t(`meetings.visibility.${meeting.visibility}`)}</dd>
            </div>
          </dl>
          {meeting.description && <p className="lead prewrap">{meeting.description}</p>}
          <TopicChips topics={meeting.topics} />

          {meeting.viewerIsCoordinator && <CoordinatorTools meeting={meeting} />}

          <h2>{t('meetings.agenda')}</h2>
          {meeting.agenda.length === 0 ? (
            <p className="empty">{t('meetings.noAgenda')}</p>
          ) : (
            <ol className="agenda" data-testid="agenda">
              {[...meeting.agenda]
                .sort((a, b) => a.position - b.position)
                .map((item) => {
                  // A presenting community is printed by the naming rule; only free text names a guest.
                  const presenter = item.presenterIsCommunity ? nameOrCommunity(t, item.presenterCommunity?.name) : item.presenter;
                  return (
                    <li key={item.id} data-testid="agenda-item">
                      <span className="agenda-title">{item.title}</span>
                      {presenter && <span className="card-meta"> — {presenter}</span>}
                    </li>
                  );
                })}
            </ol>
          )}
          {signedIn && <ActionItemsSection meeting={meeting} />}
        </div>
        <div>
          {meeting.viewerCanRsvp && !cancelled && <RsvpBox meeting={meeting} />}
          {meeting.viewerCanRsvp && !cancelled && <CheckInBox meeting={meeting} />}
          {meeting.viewerIsCoordinator && <RsvpOverview meeting={meeting} />}
          {signedIn && <MinutesSection meeting={meeting} />}
        </div>
      </div>
    </>
  );
}

function CoordinatorTools({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  return (
    <section className="card coordinator-tools" aria-labelledby="coordinator-tools">
      <h2 id="coordinator-tools">{t('meetings.coordinator.title')}</h2>
      {meeting.checkInCode && meeting.status === 'scheduled' && (
        <div className="check-in-code">
          <span className="label">{t('meetings.coordinator.checkInCode')}</span>
          <output className="code" data-testid="check-in-code">
            {meeting.checkInCode}
          </output>
        </div>
      )}
      {meeting.warnings.length > 0 && <WarningList warnings={meeting.warnings} />}
      <div className="actions">
        <Link to={`/meetings/${meeting.id}/attendance`} className="button" data-testid="attendance-link">
          {t('meetings.coordinator.attendance')}
        </Link>
        <Link to={`/meetings/${meeting.id}/minutes`} className="button button-secondary" data-testid="minutes-link">
          {t('meetings.coordinator.minutes')}
        </Link>
        {meeting.status === 'scheduled' && (
          <Link to={`/meetings/${meeting.id}/edit`} className="button button-secondary" data-testid="edit-link">
            {t('meetings.coordinator.edit')}
          </Link>
        )}
      </div>
      {meeting.status === 'scheduled' && <CancelBox meeting={meeting} />}
    </section>
  );
}

function CancelBox({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const cancel = useCancelMeeting(meeting.id);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [scope, setScope] = useState<UpdateScope>('occurrence');
  const [reasonError, setReasonError] = useState<string | undefined>();

  if (!open) {
    return (
      <p>
        <button type="button" className="button button-danger-outline" onClick={() => setOpen(true)} data-testid="cancel-meeting">
          {t('meetings.cancel.open')}
        </button>
      </p>
    );
  }
  const confirm = () => {
    if (!reason.trim()) {
      setReasonError(t('meetings.cancel.reasonRequired'));
      return;
    }
    cancel.mutate({ scope, reason: reason.trim(), version: meeting.version }, { onSuccess: () => setOpen(false) });
  };
  return (
    <div className="decline-box">
      {meeting.seriesId && (
        <div role="radiogroup" aria-label={t('meetings.scope.label')} className="segmented">
          {(['occurrence', 'series'] as const).map((option) => (
            <label key={option} className="segmented-option">
              <input type="radio" name="cancel-scope" value={option} checked={scope === option} onChange={() => setScope(option)} />
              {t(`meetings.scope.${option}`)}
            </label>
          ))}
        </div>
      )}
      <FormField label={t('meetings.cancel.reason')} hint={t('meetings.cancel.reasonHint')} error={reasonError}>
        <textarea
          rows={2}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setReasonError(undefined);
          }}
          data-testid="cancel-reason"
        />
      </FormField>
      {cancel.error && <ErrorMessage error={cancel.error} />}
      <div className="actions">
        <button type="button" className="button button-danger" onClick={confirm} disabled={cancel.isPending} data-testid="confirm-cancel">
          {t('meetings.cancel.confirm')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
          {t('meetings.cancel.keep')}
        </button>
      </div>
    </div>
  );
}

/** Open items carried over from earlier meetings, then this meeting's own (participants only). */
function ActionItemsSection({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const items = useMeetingActionItems(meeting.id);
  // Not a participant of the club: the API hides the items (403/404), and so does the page.
  if (isApiError(items.error, 403) || isApiError(items.error, 404)) return null;
  return (
    <QueryState query={items}>
      {(found) => (
        <>
          <section aria-labelledby="carried-over">
            <h2 id="carried-over">{t('meetings.actionItems.carriedOver')}</h2>
            <ActionItemList items={found.carriedOver} viewerIsCoordinator={meeting.viewerIsCoordinator} showOrigin testId="carried-over" />
          </section>
          <section aria-labelledby="created-items">
            <h2 id="created-items">{t('meetings.actionItems.title')}</h2>
            <ActionItemList items={found.created} viewerIsCoordinator={meeting.viewerIsCoordinator} testId="meeting-action-items" />
          </section>
        </>
      )}
    </QueryState>
  );
}

/** Published minutes for participants; the coordinator also sees a draft's state. */
function MinutesSection({ meeting }: { meeting: Meeting }) {
  const { t, i18n } = useTranslation();
  const minutes = useMinutes(meeting.id);
  if (minutes.isError && (isApiError(minutes.error, 403) || isApiError(minutes.error, 404))) return null;
  if (!minutes.data) return null;
  const { publishedAt } = minutes.data;
  if (!publishedAt) {
    return meeting.viewerIsCoordinator && (minutes.data.minutes || minutes.data.decisions.length > 0) ? (
      <p className="card note">{t('meetings.minutes.draftNote')}</p>
    ) : null;
  }
  return (
    <section className="card" aria-labelledby="minutes-heading" data-testid="published-minutes">
      <h2 id="minutes-heading">{t('meetings.minutes.title')}</h2>
      <p className="card-meta">{t('meetings.minutes.publishedOn', { date: formatDateTime(publishedAt, i18n.language) })}</p>
      {minutes.data.minutes && <p className="prewrap">{minutes.data.minutes}</p>}
      {minutes.data.decisions.length > 0 && (
        <>
          <h3>{t('meetings.minutes.decisions')}</h3>
          <ol>
            {[...minutes.data.decisions]
              .sort((a, b) => a.position - b.position)
              .map((decision) => (
                <li key={decision.id}>{decision.text}</li>
              ))}
          </ol>
        </>
      )}
    </section>
  );
}
