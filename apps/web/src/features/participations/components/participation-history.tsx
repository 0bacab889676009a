import type { ParticipationStatus } from '@dastarkhan/domain';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { nameOrCommunity } from '../../../lib/naming';
import type { ParticipationEvent } from '../api/participation';

function statusLabel(t: TFunction, status: ParticipationStatus | null): string | null {
  return status ? t(`status.${status}`) : null;
}

/** Every transition, oldest first, with who did it and when (Almaty time): the pathway's evidence. */
export function ParticipationHistory({ events }: { events: ParticipationEvent[] }) {
  const { t, i18n } = useTranslation();
  if (events.length === 0) return <p className="empty">{t('participation.noEvents')}</p>;
  const chronological = [...events].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <ol className="timeline" aria-label={t('participation.history')}>
      {chronological.map((event) => {
        const from = statusLabel(t, event.fromStatus);
        const to = statusLabel(t, event.toStatus);
        return (
          <li key={event.id} className="timeline-event" data-testid="history-event">
            <time dateTime={event.at} className="timeline-time">
              {formatDateTime(event.at, i18n.language)}
            </time>
            <p className="timeline-action">
              <strong>{t([`eventAction.${event.action}`, 'eventAction.unknown'] as unknown as 'eventAction.unknown', { action: event.action })}</strong>
              {/* The first event (apply) has no previous status: its name says it all. */}
              {from && `: ${t('participation.fromTo', { from, to })}`}
            </p>
            <p className="card-meta">{t('participation.actor', { name: nameOrCommunity(t, event.actorName) })}</p>
            {event.reason && <p className="timeline-reason">{t('participation.reason', { reason: event.reason })}</p>}
          </li>
        );
      })}
    </ol>
  );
}
