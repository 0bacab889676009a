import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { isCoordinator, useMe } from '../../../lib/auth';
import { useWorkQueueCount } from '../api/work-queue';
import './work-queue.css';

/** Beside the bell, for coordinators: "To do" with how many things wait (red when some are overdue). */
export function TodoLink() {
  const { t } = useTranslation();
  const me = useMe();
  const coordinator = isCoordinator(me.data);
  const count = useWorkQueueCount(coordinator);
  if (!coordinator) return null;
  const waiting = count.data?.count ?? 0;
  return (
    <NavLink to="/to-do" className="todo-link" data-testid="todo-link" aria-label={t('clubMonth.todo.count', { count: waiting })}>
      <span aria-hidden="true">{t('clubMonth.todo.navLink')}</span>
      {waiting > 0 && (
        <span className={`todo-count${count.data?.overdue ? ' todo-count-overdue' : ''}`} data-testid="todo-count" aria-hidden="true">
          {waiting > 99 ? '99+' : waiting}
        </span>
      )}
    </NavLink>
  );
}
