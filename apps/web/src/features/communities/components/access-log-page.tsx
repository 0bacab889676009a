import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { MoreButton } from '../../../components/more-button';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { formatDateTime } from '../../../lib/format';
import { useMyCommunities } from '../../../lib/my-communities';
import { useAccessLog, type AccessLogEntry } from '../api/communities';

const ROLES = ['official', 'administrator', 'coordinator', 'representative'] as const;
/** The kinds of record a read may touch: the first part of a resource code ("participation.progress"). */
const AREAS = ['community', 'participation', 'meeting', 'project', 'official', 'appeals', 'club', 'sponsorship', 'registration'] as const;
type Area = (typeof AREAS)[number];
const isArea = (value: string): value is Area => (AREAS as readonly string[]).includes(value);

/** Translation keys cannot hold a dot: the kind `consent.granted` reads `consent_granted`. */
const ENTRY_KEYS = {
  read: 'read',
  'consent.granted': 'consent_granted',
  'consent.revoked': 'consent_revoked',
  'registration.claimed': 'registration_claimed',
  'registration.verified': 'registration_verified',
  'registration.rejected': 'registration_rejected',
  erasure: 'erasure',
  change: 'change',
} as const satisfies Record<AccessLogEntry['kind'], string>;

/** A change of the community's own record (its profile) reads apart from one of its people or roles. */
const entryKey = (entry: AccessLogEntry) => (entry.kind === 'change' && entry.resource === 'community' ? 'profile_change' : ENTRY_KEYS[entry.kind]);

/** Who acted, by capacity and (where the community may know it) name: "An official (Serik Akhmetov)". */
function actorText(t: TFunction, entry: AccessLogEntry): string {
  const role = ROLES.find((known) => known === entry.actorRole);
  const capacity = role ? t(`accessLog.actor.${role}`) : null;
  if (capacity && entry.actorName) return t('accessLog.actor.named', { role: capacity, name: entry.actorName });
  return capacity ?? entry.actorName ?? t('accessLog.actor.system');
}

/** What a read touched, in words: `resource` lists the records read ("participation.progress,participation.reviews"). */
function readText(t: TFunction, resource: string): string {
  const areas = new Set(resource.split(',').map((part) => part.split('.')[0]));
  return [...areas].map((area) => (isArea(area) ? t(`accessLog.area.${area}`) : area)).join('; ');
}

/** `/my-community/:communityId/access-log`: who read or changed the community's record and when (docs/domain.md, P8). */
export function AccessLogPage() {
  const { communityId = '' } = useParams();
  const { t } = useTranslation();
  const log = useAccessLog(communityId);
  const name = useMyCommunities().data?.find((community) => community.id === communityId)?.name;
  return (
    <section className="narrow-wide">
      <p className="breadcrumb">
        <Link to="/my-community">{t('myCommunity.title')}</Link>
      </p>
      <PageTitle subtitle={name}>{t('accessLog.title')}</PageTitle>
      <p className="lead">{t('accessLog.intro')}</p>
      <QueryState query={log}>
        {(data) => {
          const entries = data.pages.flatMap((page) => page.items);
          if (entries.length === 0) return <p className="empty">{t('accessLog.empty')}</p>;
          return (
            <>
              <ol className="timeline" aria-label={t('accessLog.title')}>
                {entries.map((entry) => (
                  <AccessLogItem key={entry.id} entry={entry} />
                ))}
              </ol>
              <MoreButton query={log} label={t('accessLog.showOlder')} data-testid="access-log-older" />
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

function AccessLogItem({ entry }: { entry: AccessLogEntry }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="timeline-event" data-testid="access-log-entry" data-kind={entry.kind}>
      <p className="timeline-action">
        {t(`accessLog.entry.${entryKey(entry)}`, { actor: actorText(t, entry) })} —{' '}
        <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt, i18n.language)}</time>
      </p>
      {entry.kind === 'read' && <p className="card-meta">{t('accessLog.read', { what: readText(t, entry.resource) })}</p>}
    </li>
  );
}
