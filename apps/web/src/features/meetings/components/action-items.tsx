import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { representedCommunityIds, useMe } from '../../../lib/auth';
import { formatDate } from '../../../lib/format';
import { nameOrCommunity } from '../../../lib/naming';
import { useUpdateActionItem, type ActionItem } from '../api/minutes';

interface ActionItemListProps {
  items: ActionItem[];
  /** Coordinators may mark any item done; an owner community's representative its own. */
  viewerIsCoordinator: boolean;
  /** Carried-over items name the meeting they come from. */
  showOrigin?: boolean;
  testId: string;
}

export function ActionItemList({ items, viewerIsCoordinator, showOrigin = false, testId }: ActionItemListProps) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const update = useUpdateActionItem();
  const mine = new Set(representedCommunityIds(me.data));
  if (items.length === 0) return <p className="empty">{t('meetings.actionItems.none')}</p>;
  return (
    <>
      {update.error && <ErrorMessage error={update.error} />}
      <ul className="plain-list action-items" data-testid={testId}>
        {items.map((item) => {
          const canToggle = viewerIsCoordinator || (item.ownerCommunity != null && mine.has(item.ownerCommunity.id));
          const owner = item.ownerIsCommunity
            ? nameOrCommunity(t, item.ownerCommunity?.name, { start: true })
            : (item.ownerName ?? t('meetings.actionItems.noOwner'));
          return (
            <li key={item.id} className={`action-item action-item-${item.status}`} data-testid="action-item" data-status={item.status}>
              <div className="action-item-main">
                <span className="action-item-title">{item.title}</span>
                <span className="card-meta">
                  {t('meetings.actionItems.owner', { owner })} · {t('meetings.actionItems.due', { date: formatDate(item.dueDate, i18n.language) })}
                  {item.overdue && item.status === 'open' && <span className="badge badge-overdue">{t('meetings.actionItems.overdue')}</span>}
                  {item.status === 'done' && <span className="badge badge-done">{t('meetings.actionItems.done')}</span>}
                </span>
                {showOrigin && (
                  <span className="card-meta">
                    {t('meetings.actionItems.from')}{' '}
                    <Link to={`/meetings/${item.meetingId}`}>
                      {item.meetingTitle}, {formatDate(item.meetingStartsAt, i18n.language)}
                    </Link>
                  </span>
                )}
              </div>
              {canToggle && (
                <button
                  type="button"
                  className="button button-small button-secondary"
                  disabled={update.isPending}
                  onClick={() => update.mutate({ id: item.id, version: item.version, status: item.status === 'open' ? 'done' : 'open' })}
                  data-testid="toggle-action-item"
                >
                  {item.status === 'open' ? t('meetings.actionItems.markDone') : t('meetings.actionItems.reopen')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
