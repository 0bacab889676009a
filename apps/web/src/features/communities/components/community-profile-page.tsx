import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { RegistrationBadge } from '../../../components/status-badge';
import { useCommunity, type Community } from '../api/communities';

/**
 * `/communities/:id`: a community's transparency profile (leaders, meeting place, approximate size,
 * activities) — what a coordinator weighs before deciding on its application. The API sends only
 * what the reader may see (P4): a field it withholds reads "Not given".
 */
export function CommunityProfilePage() {
  const { id = '' } = useParams();
  const community = useCommunity(id);
  return (
    <section>
      <QueryState query={community}>{(found) => <Profile community={found} />}</QueryState>
    </section>
  );
}

function Profile({ community }: { community: Community }) {
  const { t } = useTranslation();
  const given = (value: string | number | null) => (value === null || value === '' ? t('clubMonth.profile.notGiven') : String(value));
  const contacts = [community.contactEmail, community.contactPhone].filter(Boolean).join(' · ');
  return (
    <>
      <PageTitle subtitle={t('clubMonth.profile.title')}>{community.name}</PageTitle>
      <p>
        {t(`tradition.${community.tradition}`)} <RegistrationBadge status={community.registrationStatus} />
      </p>
      <dl className="facts card" data-testid="transparency-profile">
        <div>
          <dt>{t('clubMonth.profile.description')}</dt>
          <dd>{given(community.description)}</dd>
        </div>
        <div>
          <dt>{t('clubMonth.profile.leaders')}</dt>
          <dd data-testid="profile-leaders">{given(community.leaders)}</dd>
        </div>
        <div>
          <dt>{t('clubMonth.profile.meetingPlace')}</dt>
          <dd>{given(community.meetingPlace)}</dd>
        </div>
        <div>
          <dt>{t('clubMonth.profile.approximateSize')}</dt>
          <dd>{given(community.approximateSize)}</dd>
        </div>
        <div>
          <dt>{t('clubMonth.profile.activities')}</dt>
          <dd>{given(community.activities)}</dd>
        </div>
        {contacts && (
          <div>
            <dt>{t('clubMonth.profile.contacts')}</dt>
            <dd>{contacts}</dd>
          </div>
        )}
      </dl>
    </>
  );
}
