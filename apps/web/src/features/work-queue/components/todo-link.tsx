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
    // Named by the hidden full sentence, shown as the word and the number: no aria-label that the visible text would contradict.
    <NavLink to="/to-do" className="todo-link" data-testid="todo-link">
      {/* On a phone the icon alone keeps the header on one row; the words show from 40rem. */}
      <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M9 5H7a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2h-2" />
        <rect x="9" y="3" width="6" height="4" rx="1" />
        <path d="m9 14 2 2 4-4" />
      </svg>
      <span className="todo-label" aria-hidden="true">
        {t('nav.todo')}
      </span>
      <span className="visually-hidden">{t('nav.todoCount', { count: waiting })}</span>
      {waiting > 0 && (
        <span className={`todo-count${count.data?.overdue ? ' todo-count-overdue' : ''}`} data-testid="todo-count" aria-hidden="true">
          {waiting > 99 ? '99+' : waiting}
        </span>
      )}
    </NavLink>
  );
}
