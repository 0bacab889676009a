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
    <Link to="/notifications" className="notification-bell" data-testid="notification-bell" aria-label={t('notifications.bell', { unread: count })}>
      <span aria-hidden="true">🔔</span>
      {count > 0 && (
        <span className="notification-count" data-testid="notification-count" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      )}
    </Link>
  );
}
