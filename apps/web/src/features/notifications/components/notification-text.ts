import type { TFunction } from 'i18next';
import { formatDate, formatDateTime } from '../../../lib/format';
import type { Notification } from '../api/notifications';

/**
 * The notification's sentence in the reader's language. Without `communityName` (the API leaves it
 * out for someone who may not know the community) it says "a community", never anything more.
 * A meeting's `startsAt` or a due `date` is printed in the reader's language, Almaty time.
 */
export function notificationText(t: TFunction, notification: Pick<Notification, 'kind' | 'params'>, locale: string): string {
  const { communityName, clubName, title, count, startsAt, date } = notification.params;
  const community = communityName ? t('notifications.namedCommunity', { name: communityName }) : t('notifications.someCommunity');
  const when = startsAt ? formatDateTime(startsAt, locale) : date ? formatDate(date, locale) : '';
  return t(`notifications.kind.${notification.kind}`, { community, club: clubName ?? '', title: title ?? '', count: count ?? '', date: when });
}
