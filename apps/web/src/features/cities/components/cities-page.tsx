import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { useLocalized } from '../../../lib/localized';
import { useCities } from '../api/cities';

export function CitiesPage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const cities = useCities();
  return (
    <section>
      <PageTitle subtitle={t('cities.intro')}>{t('cities.title')}</PageTitle>
      <QueryState query={cities}>
        {(list) =>
          list.length === 0 ? (
            <p className="empty">{t('cities.empty')}</p>
          ) : (
            <ul className="card-list">
              {[...list]
                .sort((a, b) => localized(a.name).localeCompare(localized(b.name)))
                .map((city) => (
                  <li key={city.id}>
                    <Link to={`/cities/${city.id}`} className="card card-link">
                      <span className="card-title">{localized(city.name)}</span>
                      <span className="card-meta">{localized(city.region)}</span>
                      <span className="card-meta">{t('cities.clubCount', { count: city.clubCount })}</span>
                    </Link>
                  </li>
                ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}
