import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MoreButton } from '../../../components/more-button';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { formatDateTime } from '../../../lib/format';
import { useMarkAllRead, useMarkRead, useNotifications, type Notification } from '../api/notifications';
import { notificationText } from './notification-text';
import './notifications.css';

/** `/notifications`: the reader's notifications, newest first; opening one marks it read. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const notifications = useNotifications();
  const markAllRead = useMarkAllRead();
  const hasUnread = notifications.data?.pages.some((page) => page.items.some((n) => !n.readAt)) ?? false;

  return (
    <section className="narrow-wide">
      <PageTitle>{t('notifications.title')}</PageTitle>
      <div className="toolbar">
        <button
          type="button"
          className="button button-small button-secondary"
          onClick={() => markAllRead.mutate()}
          disabled={!hasUnread || markAllRead.isPending}
          data-testid="mark-all-read"
        >
          {t('notifications.markAllRead')}
        </button>
      </div>
      <QueryState query={notifications}>
        {(data) => {
          const items = data.pages.flatMap((page) => page.items);
          if (items.length === 0) return <p className="empty">{t('notifications.empty')}</p>;
          return (
            <>
              <ul className="notification-list">
                {items.map((notification) => (
                  <NotificationItem key={notification.id} notification={notification} />
                ))}
              </ul>
              <MoreButton query={notifications} label={t('notifications.showOlder')} data-testid="notifications-older" />
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

function NotificationItem({ notification }: { notification: Notification }) {
  const { t, i18n } = useTranslation();
  const markRead = useMarkRead();
  const unread = !notification.readAt;
  const text = notificationText(t, notification, i18n.language);
  const open = () => {
    if (unread) markRead.mutate(notification.id);
  };
  return (
    <li
      className={unread ? 'notification notification-unread' : 'notification'}
      data-testid="notification-item"
      data-kind={notification.kind}
      data-unread={unread}
    >
      <div className="notification-main">
        {unread && <span className="badge notification-new">{t('notifications.unread')}</span>}
        {notification.link ? (
          <Link to={notification.link} onClick={open}>
            {text}
          </Link>
        ) : (
          <span>{text}</span>
        )}
      </div>
      {notification.params.reason && <p className="notification-reason">{t('notifications.reason', { reason: notification.params.reason })}</p>}
      <time className="card-meta" dateTime={notification.createdAt}>
        {formatDateTime(notification.createdAt, i18n.language)}
      </time>
    </li>
  );
}
