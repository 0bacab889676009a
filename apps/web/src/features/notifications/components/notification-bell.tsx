import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../../lib/auth';
import { useUnreadCount } from '../api/notifications';
import './notifications.css';

/** The header's bell: the unread count (refreshed every minute while signed in), opening the list. */
export function NotificationBell() {
  const { t } = useTranslation();
  const me = useMe();
  const unread = useUnreadCount(Boolean(me.data));
  if (!me.data) return null;
  const count = unread.data?.count ?? 0;
  return (
    <Link to="/notifications" className="notification-bell" data-testid="notification-bell" aria-label={t('nav.notifications', { unread: count })}>
      {/* An inline icon: an emoji bell depends on the reader's fonts (headless and older systems have none). */}
      <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      {count > 0 && (
        <span className="notification-count" data-testid="notification-count" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      )}
    </Link>
  );
}
