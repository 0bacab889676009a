import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { formatDateTime, formatTimeRange } from '../../../lib/format';
import { nameOrCommunity } from '../../../lib/naming';
import { useMeeting } from '../api/meetings';
import { isStaleVersion, useAttendance, useAttendanceHistory, useRecordAttendance, type Attendance, type AttendanceStatus } from '../api/participation';

const STATUSES: AttendanceStatus[] = ['present', 'absent', 'excused'];
/** Reasons that hold for the whole meeting: said once above the list rather than on every row. */
const MEETING_REASONS: Array<Attendance['whyNot']> = ['MEETING.NOT_STARTED', 'MEETING.CANCELLED'];
const MEETING_REASON_ID = 'attendance-closed';

/** The text for each of the row's `whyNot` codes. */
const WHY_NOT_KEYS = {
  'MEETING.NOT_STARTED': 'clubMonth.attendance.whyNot.NOT_STARTED',
  'MEETING.CANCELLED': 'clubMonth.attendance.whyNot.CANCELLED',
  'ATTENDANCE.NOT_ON_ROSTER': 'clubMonth.attendance.whyNot.NOT_ON_ROSTER',
} as const;
const whyNotKey = (code: NonNullable<Attendance['whyNot']>) => WHY_NOT_KEYS[code];

/** Phone-first: one row per invited community, one tap per community. */
export function AttendancePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const meeting = useMeeting(id);
  const attendance = useAttendance(id);
  const [conflict, setConflict] = useState(false);
  const record = useRecordAttendance(id, () => setConflict(true));
  const byName = new Intl.Collator(i18n.language).compare;

  return (
    <section className="attendance-page">
      <p className="breadcrumb">
        <Link to={`/meetings/${id}`}>{meeting.data?.title ?? t('meetings.backToMeeting')}</Link>
      </p>
      <PageTitle subtitle={meeting.data ? formatTimeRange(meeting.data.startsAt, meeting.data.endsAt, i18n.language) : undefined}>
        {t('meetings.attendance.title')}
      </PageTitle>
      {conflict && (
        <p role="alert" className="alert alert-warning" data-testid="attendance-conflict">
          {t('meetings.attendance.conflict')}
        </p>
      )}
      {record.error && !isStaleVersion(record.error) && <ErrorMessage error={record.error} />}
      <QueryState query={attendance}>
        {(rows) => {
          const meetingReason = rows.find((row) => row.whyNot && MEETING_REASONS.includes(row.whyNot))?.whyNot;
          return (
            <>
              {meetingReason && (
                <p id={MEETING_REASON_ID} role="status" className="alert alert-info" data-testid="attendance-closed">
                  {t(whyNotKey(meetingReason))}
                </p>
              )}
              <p className="card-meta" data-testid="attendance-summary">
                {t('meetings.attendance.summary', {
                  present: rows.filter((row) => row.status === 'present').length,
                  total: rows.length,
                })}
              </p>
              {rows.length === 0 ? (
                <p className="empty">{t('meetings.attendance.empty')}</p>
              ) : (
                <ul className="attendance-list">
                  {[...rows]
                    .sort((a, b) => byName(a.community.name, b.community.name))
                    .map((row) => (
                      <AttendanceRow
                        key={row.communityId}
                        row={row}
                        busy={record.isPending && record.variables?.row.communityId === row.communityId}
                        onRecord={(status) => {
                          setConflict(false);
                          record.mutate({ row, status });
                        }}
                      />
                    ))}
                </ul>
              )}
              <p>
                <Link to={`/meetings/${id}/attendance/history`} data-testid="attendance-history-link">
                  {t('meetings.attendance.historyLink')}
                </Link>
              </p>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

/** Buttons that cannot work now are disabled and point at the reason (the API's `recordable` / `whyNot`). */
function AttendanceRow({ row, busy, onRecord }: { row: Attendance; busy: boolean; onRecord: (status: AttendanceStatus) => void }) {
  const { t } = useTranslation();
  const headingId = `attendance-${row.communityId}`;
  const reasonId = `attendance-why-${row.communityId}`;
  const ownReason = row.whyNot && !MEETING_REASONS.includes(row.whyNot) ? row.whyNot : null;
  const describedBy = row.recordable ? undefined : ownReason ? reasonId : MEETING_REASON_ID;
  return (
    <li className="attendance-row card" aria-labelledby={headingId} data-testid={`attendance-${row.community.name}`} data-status={row.status ?? 'none'}>
      <div className="attendance-who">
        <span id={headingId} className="participant-name">
          {row.community.name}
        </span>
        <span className={`badge badge-status-${row.role}`} data-testid="attendance-role">
          {t(`meetings.attendance.role.${row.role}`)}
        </span>
        {row.method === 'check_in' && <span className="card-meta">{t('meetings.attendance.checkedIn')}</span>}
        {ownReason && (
          <span id={reasonId} className="card-meta" data-testid="attendance-why-not">
            {t(whyNotKey(ownReason))}
          </span>
        )}
      </div>
      <div role="group" aria-label={t('meetings.attendance.for', { name: row.community.name })} className="toggle-group toggle-group-large">
        {STATUSES.map((status) => (
          <button
            key={status}
            type="button"
            className={`toggle toggle-${status}`}
            aria-pressed={row.status === status}
            disabled={busy || !row.recordable}
            aria-describedby={describedBy}
            onClick={() => row.status !== status && onRecord(status)}
            data-testid={`mark-${status}`}
          >
            {t(`meetings.attendance.status.${status}`)}
          </button>
        ))}
      </div>
    </li>
  );
}

export function AttendanceHistoryPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const meeting = useMeeting(id);
  const history = useAttendanceHistory(id);
  return (
    <section>
      <p className="breadcrumb">
        <Link to={`/meetings/${id}/attendance`}>{t('meetings.attendance.title')}</Link>
      </p>
      <PageTitle subtitle={meeting.data?.title}>{t('meetings.attendance.history')}</PageTitle>
      <QueryState query={history}>
        {(events) =>
          events.length === 0 ? (
            <p className="empty">{t('meetings.attendance.noHistory')}</p>
          ) : (
            <ol className="timeline">
              {[...events]
                .sort((a, b) => b.at.localeCompare(a.at))
                .map((event) => (
                  <li key={event.id} className="timeline-event" data-testid="attendance-event">
                    <span className="timeline-time">{formatDateTime(event.at, i18n.language)}</span>
                    <p className="timeline-action">
                      <strong>{nameOrCommunity(t, event.communityName, { start: true })}</strong>:{' '}
                      {event.fromStatus
                        ? t('participation.fromTo', {
                            from: t(`meetings.attendance.status.${event.fromStatus}`),
                            to: t(`meetings.attendance.status.${event.toStatus}`),
                          })
                        : t(`meetings.attendance.status.${event.toStatus}`)}{' '}
                      ({t(`meetings.attendance.role.${event.role}`)})
                    </p>
                    <p className="card-meta">
                      {t('participation.actor', { name: nameOrCommunity(t, event.actorName) })}
                      {event.method === 'check_in' && ` · ${t('meetings.attendance.checkedIn')}`}
                    </p>
                  </li>
                ))}
            </ol>
          )
        }
      </QueryState>
    </section>
  );
}
