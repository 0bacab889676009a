import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StatusBadge } from '../../../components/status-badge';
import { formatDate } from '../../../lib/format';
import { nameOrCommunity } from '../../../lib/naming';
import { useGivenSponsorships } from '../api/pathway';

/** The observers a community vouched for, with where each stands now; nothing when it sponsored none. */
export function GivenSponsorships({ communityId }: { communityId: string }) {
  const { t, i18n } = useTranslation();
  const given = useGivenSponsorships(communityId);
  if (!given.data?.length) return null;
  return (
    <section className="card" aria-labelledby="given-sponsorships-title" data-testid="given-sponsorships">
      <h2 id="given-sponsorships-title">{t('pathway.sponsorship.given')}</h2>
      <ul className="plain-list">
        {given.data.map((sponsorship) => (
          <li key={sponsorship.id} className="viewer-participation" data-testid="given-sponsorship">
            {sponsorship.observer ? (
              <Link to={`/participations/${sponsorship.participationId}/progress?club=${sponsorship.clubId}`} className="participant-name">
                {sponsorship.observer.name}
              </Link>
            ) : (
              // The sponsor may no longer see the community it vouched for: no name, no way to its page.
              <span className="participant-name">{nameOrCommunity(t, null, { start: true })}</span>
            )}
            <span className="card-meta">{sponsorship.clubName}</span>
            <StatusBadge status={sponsorship.observerStatus} />
            <span className="card-meta">
              {sponsorship.withdrawnAt
                ? t('pathway.sponsorship.withdrawnOn', { date: formatDate(sponsorship.withdrawnAt, i18n.language) })
                : t('pathway.sponsorship.givenOn', { date: formatDate(sponsorship.createdAt, i18n.language) })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
