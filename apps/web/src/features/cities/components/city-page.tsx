import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ClubCounts } from '../../../components/figure';
import { MoreButton } from '../../../components/more-button';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { useLocalized } from '../../../lib/localized';
import { useCity } from '../api/cities';
import { useClubPages } from '../../clubs/api/club';
import { useClubText } from '../../clubs/club-text';

export function CityPage() {
  const { cityId = '' } = useParams();
  const { t } = useTranslation();
  const localized = useLocalized();
  const clubText = useClubText();
  const city = useCity(cityId);
  const clubs = useClubPages({ cityId });
  return (
    <section>
      <p className="breadcrumb">
        <Link to="/cities">{t('city.allCities')}</Link>
      </p>
      <QueryState query={city}>
        {(found) => (
          <>
            <PageTitle subtitle={localized(found.region)}>{localized(found.name)}</PageTitle>
            <p>
              <Link to={`/cities/${cityId}/open-data`} data-testid="open-data-link">
                {t('reports.openData.link')}
              </Link>
            </p>
            <h2>{t('city.clubsTitle')}</h2>
            <QueryState query={clubs}>
              {(pages) => {
                const list = pages.pages.flatMap((page) => page.items);
                return list.length === 0 ? (
                  <p className="empty">{t('city.empty')}</p>
                ) : (
                  <>
                  <ul className="card-list">
                    {list.map((club) => (
                      <li key={club.id}>
                        <Link to={`/clubs/${club.id}`} className="card card-link">
                          <span className="card-title">{clubText.name(club)}</span>
                          {clubText.description(club) && <span className="card-text">{clubText.description(club)}</span>}
                          <span className="card-meta">
                            <ClubCounts club={club} />
                          </span>
                        </Link>
                      </li>
                    ))}
                  </ul>
                  <MoreButton query={clubs} label={t('search.club.more')} data-testid="more-clubs" />
                  </>
                );
              }}
            </QueryState>
          </>
        )}
      </QueryState>
    </section>
  );
}
