import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ClubCounts } from '../../../components/figure';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { useLocalized } from '../../../lib/localized';
import { useMyClubs } from '../api/club';
import { useClubText } from '../club-text';

export function MyClubsPage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const clubText = useClubText();
  const clubs = useMyClubs();
  return (
    <section>
      <PageTitle>{t('myClubs.title')}</PageTitle>
      <QueryState query={clubs}>
        {(list) =>
          list.length === 0 ? (
            <p className="empty">{t('myClubs.empty')}</p>
          ) : (
            <ul className="card-list">
              {list.map((club) => (
                <li key={club.id} className="card">
                  <h2 className="card-title">
                    <Link to={`/clubs/${club.id}`}>{clubText.name(club)}</Link>
                  </h2>
                  <p className="card-meta">{localized(club.city.name)}</p>
                  <p className="card-meta">
                    <ClubCounts club={club} />
                  </p>
                  <p className="actions">
                    <Link to={`/clubs/${club.id}/applications`} className="button button-small" data-testid={`pending-${club.id}`}>
                      {t('myClubs.pending', { count: club.pendingApplications ?? 0 })}
                    </Link>
                    {!!club.awaitingDecision && (
                      <Link to={`/clubs/${club.id}#group-candidate`} className="button button-small" data-testid={`awaiting-${club.id}`}>
                        {t('myClubs.awaitingDecision', { count: club.awaitingDecision })}
                      </Link>
                    )}
                    <Link to={`/clubs/${club.id}/people`} className="button button-small button-secondary" data-testid={`people-${club.id}`}>
                      {t('administration.clubs.people')}
                    </Link>
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}
