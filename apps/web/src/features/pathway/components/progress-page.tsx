import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { StatusBadge } from '../../../components/status-badge';
import { isApiError } from '../../../lib/api-error';
import { formatDate } from '../../../lib/format';
import { useClubSummary, useParticipationSummary, useProgress, type Participation, type PathwayProgress } from '../api/pathway';
import { MilestoneChecklist, nextStepText } from './milestone-checklist';
import { SponsorshipSection } from './sponsorship-section';
import { ReviewsSection } from '../../reviews/components/reviews-section';
import { DecisionSection } from '../../decisions/components/decision-section';
import { useClubText } from '../../clubs/club-text';
import './pathway.css';

/**
 * `/participations/:id/progress`: where the community stands on its way to membership. Its
 * representatives and the club's coordinators see the progress; a member community's representative
 * (who sees neither the participation nor the progress) arrives with `?club=<clubId>` and may sponsor.
 */
export function ProgressPage() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const participation = useParticipationSummary(id);
  const clubHint = search.get('club') ?? undefined;
  if (participation.isError && isApiError(participation.error, 404) && clubHint) {
    return <SponsorOnlyView participationId={id} clubId={clubHint} />;
  }
  return (
    <section>
      <QueryState query={participation}>
        {(found) => (
          <>
            <Header participationId={found.id} communityName={found.community.name} clubName={found.clubName} />
            <ParticipationProgress participation={found} />
          </>
        )}
      </QueryState>
    </section>
  );
}

function Header({ participationId, communityName, clubName, backTo }: { participationId: string; communityName: string; clubName: string; backTo?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="breadcrumb">
        {backTo ? (
          <Link to={backTo}>{clubName}</Link>
        ) : (
          <Link to={`/participations/${participationId}`}>{t('pathway.backToParticipation')}</Link>
        )}
      </p>
      <PageTitle subtitle={clubName}>{`${t('pathway.title')}: ${communityName}`}</PageTitle>
    </>
  );
}

/** The milestones, sponsorship and reviews; the decision steps once the milestones they weigh are loaded. */
function ParticipationProgress({ participation }: { participation: Participation }) {
  const progress = useProgress(participation.id);
  return (
    <>
      <QueryState query={progress}>{(data) => <ProgressDetails progress={data} />}</QueryState>
      <SponsorshipSection participationId={participation.id} clubId={participation.clubId} communityId={participation.community.id} status={participation.status} />
      <ReviewsSection participationId={participation.id} />
      {progress.data && <DecisionSection participation={participation} progress={progress.data} />}
    </>
  );
}

function ProgressState({ participationId }: { participationId: string }) {
  const progress = useProgress(participationId);
  return <QueryState query={progress}>{(data) => <ProgressDetails progress={data} />}</QueryState>;
}

/** A member community's representative: the observer's name from the club's participants, and the sponsor form. */
function SponsorOnlyView({ participationId, clubId }: { participationId: string; clubId: string }) {
  const club = useClubSummary(clubId);
  const clubText = useClubText();
  return (
    <section>
      <QueryState query={club}>
        {(found) => {
          const participant = found.participants.find((p) => p.participationId === participationId);
          if (!participant) return <ProgressState participationId={participationId} />;
          return (
            <>
              <Header participationId={participationId} communityName={participant.community.name} clubName={clubText.name(found)} backTo={`/clubs/${found.id}`} />
              <p>
                <StatusBadge status={participant.status} />
              </p>
              <SponsorshipSection participationId={participationId} clubId={found.id} communityId={participant.community.id} status={participant.status} />
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

function ProgressDetails({ progress }: { progress: PathwayProgress }) {
  const { t, i18n } = useTranslation();
  const required = progress.milestones.filter((milestone) => milestone.enabled);
  const met = required.filter((milestone) => milestone.met).length;
  const steps = progress.nextSteps.map((step) => nextStepText(t, step, i18n.language));
  // A member has arrived: it counts from its admission and has no next step.
  const member = progress.status === 'member';
  const since = member ? progress.memberSince : progress.observerSince;
  return (
    <>
      <div className="card" data-testid="progress-summary">
        <p>
          {t('pathway.status')}: <StatusBadge status={progress.status} />{' '}
          <span className="card-meta">
            {since ? t('pathway.since', { date: formatDate(since, i18n.language) }) : t('pathway.notObserverYet')}
          </span>
        </p>
        <p className="pathway-summary" data-all-met={progress.allMet ? 'true' : 'false'} data-testid="milestones-summary">
          {t('pathway.summary', { met, total: required.length })}
          {progress.allMet && <> · {t('pathway.allMet')}</>}
        </p>
        {!member && (
          <div className="pathway-next card" data-testid="next-step">
            <strong>{t('pathway.nextStep')}: </strong>
            {progress.allMet || steps.length === 0 ? t('pathway.next.none') : steps.join('; ')}
          </div>
        )}
      </div>
      <MilestoneChecklist milestones={progress.milestones} />
      <p className="field-hint" data-testid="policy-version">
        {t('pathway.policyVersion', { version: progress.policy.version })}
      </p>
    </>
  );
}
