import type { Tradition } from '@dastarkhan/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatTimeRange } from '../../../lib/format';
import { useLocalized } from '../../../lib/localized';
import type { MeetingConflict, MeetingWarning, Topic } from '../api/meetings';

/** Topics as chips, each named from the topic's own `{ kk, ru, en }` in the UI language. */
export function TopicChips({ topics }: { topics: Topic[] }) {
  const localized = useLocalized();
  if (topics.length === 0) return null;
  return (
    <ul className="chips" data-testid="topic-chips">
      {topics.map((topic) => (
        <li key={topic.id} className="chip">
          {localized(topic.name)}
        </li>
      ))}
    </ul>
  );
}

export function StatusTag({ status }: { status: 'scheduled' | 'cancelled' }) {
  const { t } = useTranslation();
  if (status !== 'cancelled') return null;
  return (
    <span className="badge badge-cancelled" data-testid="meeting-cancelled">
      {t('meetings.status.cancelled')}
    </span>
  );
}

/** Interfaith warnings: Friday prayer time, holidays of invited communities' traditions. */
export function WarningList({ warnings }: { warnings: MeetingWarning[] }) {
  const { t, i18n } = useTranslation();
  const localized = useLocalized();
  if (warnings.length === 0) return null;
  const traditions = (list: Tradition[]) => list.map((tradition) => t(`tradition.${tradition}`)).join(', ');
  return (
    <ul className="plain-list warning-list" data-testid="meeting-warnings">
      {warnings.map((warning, index) => (
        <li key={`${warning.kind}-${warning.date}-${index}`} className="alert alert-warning" data-testid={`warning-${warning.kind}`}>
          {warning.kind === 'holiday' && warning.holiday
            ? t('meetings.warnings.holiday', {
                date: formatDate(warning.date, i18n.language),
                name: localized(warning.holiday.name),
                traditions: warning.traditions.length ? traditions(warning.traditions) : t('meetings.warnings.national'),
              })
            : t('meetings.warnings.observance', {
                date: formatDate(warning.date, i18n.language),
                name: warning.observance ? localized(warning.observance.name) : '',
                traditions: traditions(warning.traditions),
              })}
        </li>
      ))}
    </ul>
  );
}

/** Double bookings: the same club or venue at an overlapping time. */
export function ConflictList({ conflicts }: { conflicts: MeetingConflict[] }) {
  const { t, i18n } = useTranslation();
  if (conflicts.length === 0) return null;
  return (
    <div role="alert" className="alert alert-error" data-testid="meeting-conflicts">
      <p className="alert-title">{t('meetings.conflicts.title')}</p>
      <ul>
        {conflicts.map((conflict, index) => (
          <li key={`${conflict.kind}-${conflict.meetingId ?? index}`}>
            {/* A meeting outside the caller's sight comes without id or title: only that the venue is taken. */}
            {conflict.meetingId ? (
              <>
                {t(`meetings.conflicts.${conflict.kind}`)} <Link to={`/meetings/${conflict.meetingId}`}>{conflict.title}</Link>
              </>
            ) : (
              t('meetings.conflicts.busy')
            )}
            {' · '}
            {formatTimeRange(conflict.startsAt, conflict.endsAt, i18n.language)}
          </li>
        ))}
      </ul>
    </div>
  );
}
