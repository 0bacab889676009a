import { searchKey } from '@dastarkhan/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormField } from '../../../components/form-field';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { useLocalized } from '../../../lib/localized';
import { useCities, type City } from '../api/cities';

/** Every word typed occurs in one of the city's names or its region's, in any of the three languages, however spelled. */
function matches(city: City, filter: string): boolean {
  const words = searchKey(filter).split(/\s+/u).filter(Boolean);
  const names = searchKey([...Object.values(city.name), ...Object.values(city.region)].join(' '));
  return words.every((word) => names.includes(word));
}

export function CitiesPage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const cities = useCities();
  const [filter, setFilter] = useState('');
  return (
    <section>
      <PageTitle subtitle={t('cities.intro')}>{t('cities.title')}</PageTitle>
      <QueryState query={cities}>
        {(list) => {
          if (list.length === 0) return <p className="empty">{t('cities.empty')}</p>;
          const shown = list.filter((city) => matches(city, filter)).sort((a, b) => localized(a.name).localeCompare(localized(b.name)));
          return (
            <>
              <FormField label={t('cities.filter')}>
                <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="cities-filter" />
              </FormField>
              {shown.length === 0 && <p className="empty">{t('cities.noMatch')}</p>}
              <ul className="card-list">
                {shown.map((city) => (
                  <li key={city.id}>
                    <Link to={`/cities/${city.id}`} className="card card-link">
                      <span className="card-title">{localized(city.name)}</span>
                      <span className="card-meta">{localized(city.region)}</span>
                      <span className="card-meta">{t('cities.clubCount', { count: city.clubCount })}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
