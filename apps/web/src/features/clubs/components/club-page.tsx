import { isLive } from '@dastarkhan/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ClubCounts } from '../../../components/figure';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { StatusBadge } from '../../../components/status-badge';
import { representedCommunityIds, useMe } from '../../../lib/auth';
import { formatDate } from '../../../lib/format';
import { useLocalized } from '../../../lib/localized';
import { useMyCommunities } from '../../../lib/my-communities';
import { useClub, type Club, type ParticipationSummary } from '../api/club';
import { ApplyForm, type ApplyingCommunity } from './apply-form';
import { useLiveGivenSponsorships } from '../../pathway/api/pathway';
import { ParticipantGroups } from './participant-groups';
import { useClubText } from '../club-text';

export function ClubPage() {
  const { clubId = '' } = useParams();
  const club = useClub(clubId);
  return (
    <section>
      <QueryState query={club}>{(found) => <ClubDetails club={found} />}</QueryState>
    </section>
  );
}

function ClubDetails({ club }: { club: Club }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const clubText = useClubText();
  const me = useMe();
  const myCommunities = useMyCommunities();
  const [appliedId, setAppliedId] = useState<string | null>(null);

  // A community may apply again after a final (declined/withdrawn) participation, not while one is live.
  const liveHere = new Set(
    club.viewerParticipations.filter((p) => isLive(p.status)).map((p) => p.community.id),
  );
  const canApply: ApplyingCommunity[] = representedCommunityIds(me.data)
    .filter((communityId) => !liveHere.has(communityId))
    .map((communityId) => ({ id: communityId, name: myCommunities.data?.find((c) => c.id === communityId)?.name }));

  // The viewer's member communities sponsor observers: one they already sponsor says since when.
  const memberCommunityIds = club.viewerParticipations.filter((p) => p.status === 'member').map((p) => p.community.id);
  const sponsoredSince = new Map((useLiveGivenSponsorships(memberCommunityIds) ?? []).map((given) => [given.participationId, given.createdAt]));

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/cities/${club.cityId}`}>{localized(club.city.name)}</Link>
      </p>
      <PageTitle subtitle={localized(club.city.name)}>{clubText.name(club)}</PageTitle>
      {clubText.description(club) && <p className="lead">{clubText.description(club)}</p>}
      <p className="card-meta" data-testid="club-counts">
        <ClubCounts club={club} />
      </p>

      <p className="actions">
        <Link to={`/clubs/${club.id}/calendar`} className="button button-secondary" data-testid="calendar-link">
          {t('club.calendarLink')}
        </Link>
        {club.viewerIsCoordinator && (
          <Link to={`/clubs/${club.id}/meetings/new`} className="button button-secondary" data-testid="schedule-link">
            {t('club.scheduleLink')}
          </Link>
        )}
        {club.viewerIsCoordinator && (
          <Link to={`/clubs/${club.id}/pathway-policy`} className="button button-secondary" data-testid="policy-link">
            {t('club.policyLink')}
          </Link>
        )}
      </p>

      {club.viewerIsCoordinator && (
        <p>
          <Link to={`/clubs/${club.id}/applications`} className="button" data-testid="applications-link">
            {t('club.applicationsLink')}
            {club.pendingApplications != null && <span className="pill">{club.pendingApplications}</span>}
          </Link>
        </p>
      )}

      {appliedId && (
        <p role="status" className="alert alert-success">
          {t('club.apply.success')}
        </p>
      )}

      {club.viewerParticipations.length > 0 && <ViewerParticipations participations={club.viewerParticipations} />}

      {canApply.length > 0 && <ApplyForm key={canApply.map((c) => c.id).join()} clubId={club.id} communities={canApply} onApplied={setAppliedId} />}

      {me.data === null && (
        <p className="card note">
          {t('club.apply.anonymousPrompt')} <Link to="/login" state={{ from: { pathname: `/clubs/${club.id}` } }}>{t('nav.login')}</Link>
          {' · '}
          <Link to="/signup">{t('nav.signup')}</Link>
        </p>
      )}

      <p><Link to={`/clubs/${club.id}/projects`} className="button button-secondary" data-testid="projects-link">{t('projects.clubLink')}</Link></p>

      <h2>{t('club.participants')}</h2>
      <ParticipantGroups
        clubId={club.id}
        participants={club.participants}
        viewerIsCoordinator={club.viewerIsCoordinator}
        viewerIsMember={memberCommunityIds.length > 0}
        sponsoredSince={sponsoredSince}
      />
    </>
  );
}

/** The viewer's own communities in this club: where they stand and the way to the full record. */
function ViewerParticipations({ participations }: { participations: ParticipationSummary[] }) {
  const { t, i18n } = useTranslation();
  const newestFirst = [...participations].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return (
    <section className="card" aria-labelledby="viewer-participations">
      <h2 id="viewer-participations">{t('club.yourParticipation')}</h2>
      <ul className="plain-list">
        {newestFirst.map((participation) => (
          <li key={participation.id} className="viewer-participation">
            <span className="participant-name">{participation.community.name}</span>
            <StatusBadge status={participation.status} />
            <span className="card-meta">{formatDate(participation.updatedAt, i18n.language)}</span>
            <Link to={`/participations/${participation.id}`}>{t('club.history')}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
