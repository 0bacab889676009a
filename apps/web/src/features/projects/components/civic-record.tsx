import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '../../../components/query-state';
import { formatDate } from '../../../lib/format';
import { useCivicRecord } from '../api/projects';
import { useFormatNumber } from './project-parts';

/**
 * A community's civic record: its confirmed contributions across the clubs' joint projects (what
 * the pathway's "contributed to N joint projects" reads). Pending figures never appear here.
 */
export function CivicRecord({ communityId }: { communityId: string }) {
  const { t, i18n } = useTranslation();
  const record = useCivicRecord(communityId);
  const number = useFormatNumber();
  return (
    <section className="card" aria-labelledby="civic-record-title" data-testid="civic-record">
      <h2 id="civic-record-title">{t('projects.civicRecord.title')}</h2>
      <p className="field-hint">{t('projects.civicRecord.hint')}</p>
      <QueryState query={record}>
        {(found) => (
          <>
            <dl className="figures">
              <div>
                <dt>{t('projects.civicRecord.projects')}</dt>
                <dd data-testid="civic-projects">{number(found.projectCount)}</dd>
              </div>
              <div>
                <dt>{t('projects.civicRecord.volunteers')}</dt>
                <dd>{number(found.volunteers)}</dd>
              </div>
              <div>
                <dt>{t('projects.civicRecord.hours')}</dt>
                <dd>{number(found.hours)}</dd>
              </div>
            </dl>
            {found.entries.length === 0 ? (
              <p className="empty">{t('projects.civicRecord.empty')}</p>
            ) : (
              <ul className="plain-list">
                {[...found.entries]
                  .sort((a, b) => b.confirmedAt.localeCompare(a.confirmedAt))
                  .map((entry) => (
                    <li key={entry.contributionId} className="viewer-participation" data-testid="civic-entry">
                      <Link to={`/projects/${entry.projectId}`} className="participant-name">
                        {entry.projectTitle}
                      </Link>
                      <span className="participant-tradition">
                        {entry.clubName} · {t(`projects.category.${entry.category}`)} · {t(`projects.partners.role.${entry.role}`)}
                      </span>
                      <span className="card-meta">
                        {t('projects.ledger.volunteers')}: {number(entry.volunteers)} · {t('projects.ledger.hours')}: {number(entry.hours)}
                        {entry.inKind ? ` · ${entry.inKind}` : ''}
                      </span>
                      <span className="card-meta">{t('projects.civicRecord.confirmedOn', { date: formatDate(entry.confirmedAt, i18n.language) })}</span>
                    </li>
                  ))}
              </ul>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}
