import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { formatDate } from '../../../lib/format';
import { nameOrCommunity } from '../../../lib/naming';
import { useWorkQueue, workItemPath, type WorkItem } from '../api/work-queue';
import './work-queue.css';

/** Kinds about a community: the line names it ("a community" where the naming rule withholds it). */
const ABOUT_A_COMMUNITY = new Set<WorkItem['kind']>(['application', 'candidacy', 'project_proposed', 'join_request', 'contribution']);

/** `/to-do`: everything waiting for the coordinator across its clubs, each line opening where it is done. */
export function WorkQueuePage() {
  const { t } = useTranslation();
  const queue = useWorkQueue();
  return (
    <section>
      <PageTitle>{t('clubMonth.todo.title')}</PageTitle>
      <p className="lead">{t('clubMonth.todo.intro')}</p>
      <QueryState query={queue}>
        {(items) =>
          items.length === 0 ? (
            <p className="empty">{t('clubMonth.todo.empty')}</p>
          ) : (
            <ul className="card-list work-queue" data-testid="work-queue">
              {items.map((item) => (
                <WorkItemRow key={`${item.kind}:${item.id}`} item={item} />
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}

function WorkItemRow({ item }: { item: WorkItem }) {
  const { t, i18n } = useTranslation();
  const subject = [ABOUT_A_COMMUNITY.has(item.kind) ? nameOrCommunity(t, item.community?.name, { start: true }) : null, item.title]
    .filter(Boolean)
    .join(' · ');
  return (
    <li className="card work-item" data-testid="work-item" data-kind={item.kind} data-overdue={item.overdue}>
      <p className="work-item-what">
        <Link to={workItemPath(item)}>{t(`clubMonth.todo.kind.${item.kind}`)}</Link>
        {item.overdue && <span className="badge badge-overdue">{t('clubMonth.todo.overdue')}</span>}
      </p>
      {subject && <p className="work-item-subject">{subject}</p>}
      <p className="card-meta">
        {item.club.name} ·{' '}
        {item.dueOn
          ? t('clubMonth.todo.dueOn', { date: formatDate(item.dueOn, i18n.language) })
          : t('clubMonth.todo.waitingSince', { date: formatDate(item.since, i18n.language) })}
      </p>
    </li>
  );
}
