import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormField } from '../../../components/form-field';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { StatusBadge } from '../../../components/status-badge';
import { formatDate } from '../../../lib/format';
import { useMyCommunities } from '../../../lib/my-communities';
import { useCommunityParticipations, type Community } from '../api/communities';
import { CommunityProfileForm } from './community-profile-form';
import { ErasureSection } from './erasure-section';
import { CivicRecord } from '../../projects/components/civic-record';
import { GivenSponsorships } from '../../pathway/components/given-sponsorships';

export function MyCommunityPage() {
  const { t } = useTranslation();
  const communities = useMyCommunities();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  return (
    <section>
      <PageTitle>{t('myCommunity.title')}</PageTitle>
      <QueryState query={communities}>
        {(list) => {
          if (list.length === 0) return <p className="empty">{t('myCommunity.none')}</p>;
          const selected = list.find((community) => community.id === selectedId) ?? list[0];
          return (
            <>
              {list.length > 1 && (
                <FormField label={t('myCommunity.choose')}>
                  <select value={selected.id} onChange={(e) => setSelectedId(e.target.value)}>
                    {list.map((community) => (
                      <option key={community.id} value={community.id}>
                        {community.name}
                      </option>
                    ))}
                  </select>
                </FormField>
              )}
              <CommunityOverview key={selected.id} community={selected} />
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

function CommunityOverview({ community }: { community: Community }) {
  const { t, i18n } = useTranslation();
  const participations = useCommunityParticipations(community.id);
  return (
    <div className="two-columns">
      <section aria-labelledby="participations-title" className="card">
        <h2 id="participations-title">{t('myCommunity.participations')}</h2>
        <QueryState query={participations}>
          {(list) =>
            list.length === 0 ? (
              <p className="empty">{t('myCommunity.noParticipations')}</p>
            ) : (
              <ul className="plain-list">
                {[...list]
                  .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
                  .map((participation) => (
                    <li key={participation.id} className="viewer-participation">
                      <Link to={`/participations/${participation.id}`} className="participant-name">
                        {participation.clubName}
                      </Link>
                      <StatusBadge status={participation.status} />
                      <span className="card-meta">{formatDate(participation.updatedAt, i18n.language)}</span>
                    </li>
                  ))}
              </ul>
            )
          }
        </QueryState>
        <p>
          <Link to="/cities" className="button button-secondary">
            {t('myCommunity.browse')}
          </Link>
        </p>
      </section>
      <CommunityProfileForm community={community} />
      <section aria-labelledby="access-log-title" className="card">
        <h2 id="access-log-title">{t('myCommunity.accessLog')}</h2>
        <p className="field-hint">{t('myCommunity.accessLogHint')}</p>
        <Link to={`/my-community/${community.id}/access-log`} className="button button-secondary" data-testid="access-log-link">
          {t('myCommunity.accessLogLink')}
        </Link>
      </section>
      <CivicRecord communityId={community.id} />
      <GivenSponsorships communityId={community.id} />
      {participations.data && <ErasureSection community={community} participations={participations.data} />}
    </div>
  );
}
