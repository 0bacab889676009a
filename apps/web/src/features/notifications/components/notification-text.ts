import type { TFunction } from 'i18next';
import type { Notification } from '../api/notifications';

/**
 * The notification's sentence in the reader's language. Without `communityName` (the API leaves it
 * out for someone who may not know the community) it says "a community", never anything more.
 */
export function notificationText(t: TFunction, notification: Pick<Notification, 'kind' | 'params'>): string {
  const { communityName, clubName } = notification.params;
  const community = communityName ? t('notifications.namedCommunity', { name: communityName }) : t('notifications.someCommunity');
  return t(`notifications.kind.${notification.kind}`, { community, club: clubName ?? '' });
}
