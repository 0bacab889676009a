import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CountFigure } from '../../../components/figure';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { representedCommunityIds, useMe } from '../../../lib/auth';
import { useClub, useClubProjects, type Club, type ProjectStatus, type ProjectSummary } from '../api/projects';
import { DateRange, ProgressBar, ProjectStatusBadge } from './project-parts';
import { useClubText } from '../../clubs/club-text';

const GROUPS = {
  active: ['active'],
  proposed: ['proposed'],
  completed: ['completed'],
  closed: ['declined', 'cancelled'],
} as const satisfies Record<string, readonly ProjectStatus[]>;
type Group = keyof typeof GROUPS;

/** The communities the viewer represents that may propose or join here: observer, candidate or member. */
export function eligibleCommunityIds(club: Club | undefined, representedIds: string[]): string[] {
  if (!club) return [];
  return club.viewerParticipations
    .filter((p) => ['observer', 'candidate', 'member'].includes(p.status) && representedIds.includes(p.community.id))
    .map((p) => p.community.id);
}

export function ClubProjectsPage() {
  const { clubId = '' } = useParams();
  const { t } = useTranslation();
  const club = useClub(clubId);
  const clubText = useClubText();
  const projects = useClubProjects(clubId);
  const me = useMe();
  const canPropose = eligibleCommunityIds(club.data, representedCommunityIds(me.data)).length > 0;
  const isCoordinator = club.data?.viewerIsCoordinator ?? false;

  return (
    <section>
      <p className="breadcrumb">
        <Link to={`/clubs/${clubId}`}>{(club.data && clubText.name(club.data)) ?? t('projects.backToClub')}</Link>
      </p>
      <PageTitle subtitle={club.data && clubText.name(club.data)}>{t('projects.title')}</PageTitle>
      <p className="lead">{t('projects.intro')}</p>
      {canPropose && (
        <p className="actions">
          <Link to={`/clubs/${clubId}/projects/new`} className="button" data-testid="propose-link">
            {t('projects.proposeLink')}
          </Link>
        </p>
      )}
      {me.data === null && <p className="card note">{t('projects.anonymousNote')}</p>}
      <QueryState query={projects}>
        {(list) => (
          <>
            {(Object.keys(GROUPS) as Group[]).map((group) => {
              const rows = list.filter((project) => (GROUPS[group] as readonly ProjectStatus[]).includes(project.status));
              // Proposals are a coordinator's (and their proposer's) business; closed ones only when there are some.
              if (rows.length === 0 && (group === 'closed' || (group === 'proposed' && !isCoordinator))) return null;
              return <ProjectGroup key={group} group={group} projects={rows} />;
            })}
          </>
        )}
      </QueryState>
    </section>
  );
}

function ProjectGroup({ group, projects }: { group: Group; projects: ProjectSummary[] }) {
  const { t } = useTranslation();
  const headingId = `projects-${group}`;
  return (
    <section aria-labelledby={headingId} data-testid={`projects-${group}`}>
      <h2 id={headingId}>
        {t(`projects.groups.${group}`)} <span className="count">({projects.length})</span>
      </h2>
      {projects.length === 0 ? (
        <p className="empty">{t(`projects.emptyGroup.${group}`)}</p>
      ) : (
        <ul className="card-list">
          {projects.map((project) => (
            <li key={project.id}>
              <ProjectCard project={project} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ProjectCard({ project }: { project: ProjectSummary }) {
  const { t } = useTranslation();
  return (
    <Link to={`/projects/${project.id}`} className="card card-link project-card" data-testid={`project-${project.title}`}>
      <span className="card-title">{project.title}</span>
      <span className="project-header">
        <ProjectStatusBadge status={project.status} />
        <span className="card-meta">{t(`projects.category.${project.category}`)}</span>
      </span>
      <span className="card-meta">
        <DateRange from={project.startsOn} to={project.endsOn} />
      </span>
      {project.leadCommunity && <span className="card-meta">{t('projects.card.lead', { name: project.leadCommunity.name })}</span>}
      <span className="card-meta">
        {t('projects.card.partners')}: <CountFigure figure={project.partnerCount} testId="partner-count" />
      </span>
      {project.progress.total > 0 && <ProgressBar progress={project.progress} />}
    </Link>
  );
}
