import { useDeferredValue, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Figure } from '../../../components/figure';
import { FormField } from '../../../components/form-field';
import { MoreButton } from '../../../components/more-button';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { formatDate } from '../../../lib/format';
import { useLocalized } from '../../../lib/localized';
import { useOfficialCandidacies, type NamedCandidacy, type OfficialCandidacies } from '../api/reviews';
import { ReviewForm } from './review-form';
import { ReviewsSection } from './reviews-section';
import './reviews.css';

/**
 * `/official/candidacies`: the candidacies in an official's area, fifty at a time. Those it may see
 * by name (the community is registered or consented) each get a review form; the rest are only
 * counted per club. The search looks only at the names shown.
 */
export function OfficialCandidaciesPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const candidacies = useOfficialCandidacies(useDeferredValue(search.trim()));
  return (
    <section>
      <PageTitle>{t('reviews.title')}</PageTitle>
      <p>{t('reviews.intro')}</p>
      <FormField label={t('reviews.search')}>
        <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} data-testid="candidacy-search" />
      </FormField>
      <QueryState query={candidacies}>
        {(data) => (
          <Candidacies
            searching={search.trim() !== ''}
            named={data.pages.flatMap((page) => page.named)}
            aggregate={data.pages[0]?.aggregate ?? []}
            more={<MoreButton query={candidacies} label={t('reviews.more')} data-testid="more-candidacies" />}
          />
        )}
      </QueryState>
    </section>
  );
}

interface CandidaciesProps {
  searching: boolean;
  named: NamedCandidacy[];
  aggregate: OfficialCandidacies['aggregate'];
  more: ReactNode;
}

function Candidacies({ searching, named, aggregate, more }: CandidaciesProps) {
  const { t } = useTranslation();
  const localized = useLocalized();
  return (
    <>
      {named.length === 0 ? (
        <p className="empty">{t(searching ? 'reviews.noMatch' : 'reviews.none')}</p>
      ) : (
        <ul className="candidacy-list">
          {named.map((candidacy) => (
            <CandidacyCard key={candidacy.participationId} candidacy={candidacy} />
          ))}
        </ul>
      )}
      {more}
      {aggregate.length > 0 && (
        <section className="card" aria-labelledby="aggregate-title" data-testid="aggregate-candidacies">
          <h2 id="aggregate-title">{t('reviews.aggregateTitle')}</h2>
          <p className="field-hint">{t('reviews.aggregateIntro')}</p>
          <ul>
            {aggregate.map(({ club, count }) => (
              <li key={club.id}>
                {club.name}, {localized(club.cityName)} — {t('reviews.aggregateCount')}: <Figure figure={count} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function CandidacyCard({ candidacy }: { candidacy: NamedCandidacy }) {
  const { t, i18n } = useTranslation();
  const localized = useLocalized();
  const [showReviews, setShowReviews] = useState(false);
  const { community, club } = candidacy;
  return (
    <li className="card" data-testid={`candidacy-${community.name}`}>
      <h2>{community.name}</h2>
      <p className="card-meta">
        {t(`tradition.${community.tradition}`)} · {t('reviews.registration', { status: t(`registration.${community.registrationStatus}`) })}
      </p>
      <p>
        {club.name}, {localized(club.cityName)}
        {candidacy.nominatedAt && <> · {t('reviews.nominatedOn', { date: formatDate(candidacy.nominatedAt, i18n.language) })}</>}
      </p>
      <p data-testid="my-verdict">
        {candidacy.myLatestVerdict
          ? t('reviews.myVerdict', { verdict: t(`reviews.verdict.${candidacy.myLatestVerdict}`) })
          : t('reviews.notReviewedYet')}
        {candidacy.openConcerns > 0 && <strong> · {t('reviews.openConcerns', { count: candidacy.openConcerns })}</strong>}
      </p>
      <p>
        {/* The record opens read-only: the API offers an official no step on it (docs/domain.md, P5). */}
        <Link to={`/participations/${candidacy.participationId}/progress`} data-testid={`progress-link-${community.name}`}>
          {t('reviews.openRecord')}
        </Link>
      </p>
      <ReviewForm participationId={candidacy.participationId} />
      <button type="button" className="button button-small button-secondary" aria-expanded={showReviews} onClick={() => setShowReviews(!showReviews)}>
        {showReviews ? t('reviews.hideReviews') : t('reviews.showReviews')}
      </button>
      {showReviews && <ReviewsSection participationId={candidacy.participationId} />}
    </li>
  );
}
