import type { ParticipationStatus } from '@dastarkhan/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RegistrationBadge } from '../../../components/status-badge';
import { formatDate } from '../../../lib/format';
import type { Participant } from '../api/club';

/** The order a club page lists its participants in; closed participations are not listed. */
const GROUPS = ['member', 'candidate', 'observer', 'applied', 'suspended'] as const satisfies readonly ParticipationStatus[];
type Group = (typeof GROUPS)[number];

interface ParticipantGroupsProps {
  clubId: string;
  participants: Participant[];
  /** Applications are a coordinator's business (the API sends them to coordinators only). */
  viewerIsCoordinator: boolean;
  /** One of the viewer's communities is a member here, so it may sponsor the club's observers. */
  viewerIsMember: boolean;
  /** When the viewer's communities began to sponsor an observer, by participation id. */
  sponsoredSince: ReadonlyMap<string, string>;
}

/** Statuses whose progress towards membership a coordinator follows. */
const ON_THE_PATHWAY: readonly ParticipationStatus[] = ['observer', 'candidate'];

export function ParticipantGroups({ clubId, participants, viewerIsCoordinator, viewerIsMember, sponsoredSince }: ParticipantGroupsProps) {
  const { t, i18n } = useTranslation();
  const groups = GROUPS.filter((group) => group !== 'applied' || viewerIsCoordinator);
  const byName = new Intl.Collator(i18n.language).compare;

  return (
    <div className="participant-groups">
      {groups.map((group: Group) => {
        const rows = participants
          .filter((participant) => participant.status === group)
          .sort((a, b) => byName(a.community.name, b.community.name));
        const headingId = `group-${group}`;
        return (
          <section key={group} aria-labelledby={headingId} className={`participant-group group-${group}`} data-testid={`group-${group}`}>
            <h3 id={headingId}>
              {t(`club.groups.${group}`)} <span className="count">({rows.length})</span>
            </h3>
            {rows.length === 0 ? (
              <p className="empty">{t('club.emptyGroup')}</p>
            ) : (
              <ul className="participant-list">
                {rows.map((participant) => (
                  <li key={participant.participationId} className="participant">
                    {viewerIsCoordinator ? (
                      <Link to={`/participations/${participant.participationId}`} className="participant-name">
                        {participant.community.name}
                      </Link>
                    ) : (
                      <span className="participant-name">{participant.community.name}</span>
                    )}
                    <span className="participant-tradition">{t(`tradition.${participant.community.tradition}`)}</span>
                    <RegistrationBadge status={participant.community.registrationStatus} />
                    {viewerIsCoordinator && ON_THE_PATHWAY.includes(participant.status) && (
                      <Link to={`/participations/${participant.participationId}/progress`} className="participant-action" data-testid={`progress-link-${participant.community.name}`}>
                        {t('club.progressLink')}
                      </Link>
                    )}
                    {viewerIsMember && participant.status === 'observer' && (
                      <Link
                        to={`/participations/${participant.participationId}/progress?club=${clubId}`}
                        className="participant-action"
                        data-testid={`sponsor-link-${participant.community.name}`}
                      >
                        {sponsoredSince.has(participant.participationId)
                          ? t('clubMonth.sponsorship.since', { date: formatDate(sponsoredSince.get(participant.participationId) as string, i18n.language) })
                          : t('club.sponsorLink')}
                      </Link>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
