import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  communityAccess,
  coordinatedClubIds,
  decide,
  invitedCommunityIds,
  projectActors,
  represents,
  representedCommunityIds,
  type ProjectActor,
  type ProjectResource,
  personName,
  resourceKindOf,
  showsOnClubPage,
  type CommunityAccess,
  type NamedCommunity,
  type ParticipationStatus,
  type Permission,
  type RegistrationStatus,
  type Resource,
  type ResourceFor,
  type ResourceKind,
  type ResourceOf,
  type Tradition,
  type ViewerContext,
} from '@dastarkhan/domain';
import { AppError, notFound } from '../common/errors/app-error';
import { readLogs } from './read-log';
import { COMMUNITY_PRIVACY_GROUPED_FROM, COMMUNITY_PRIVACY_GROUPED_JSON, loadResource, RESOURCE_NOUNS } from './resource-loader';

/** A community as lists print it (the shape of CommunityRefDto). */
export interface CommunityRef {
  id: string;
  name: string;
  tradition: Tradition;
  registrationStatus: RegistrationStatus;
}

/** A community's name, tradition and the facts the naming rule reads. */
export interface NameableCommunity extends NamedCommunity {
  tradition: Tradition;
}

/**
 * The access module (docs/domain.md, P13 and P14): every question "may this caller see or do
 * this?" is answered here from libs/domain's permission table, and every community or person
 * name the API prints goes through `CommunityNames` (the naming rule), which also notes the
 * protected records an official or administrator was shown for the request's sensitive event.
 */
@Injectable()
export class AccessService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The record's facts, or 404 when it does not exist. */
  async load<K extends ResourceKind>(kind: K, id: string, manager: EntityManager = this.db.manager): Promise<ResourceOf<K>> {
    const resource = await loadResource(manager, kind, id);
    if (!resource) throw notFound(RESOURCE_NOUNS[kind]);
    return resource;
  }

  /** Loads the record the permission is about and answers for the caller; the record's facts when allowed. */
  async require<P extends Permission>(
    viewer: ViewerContext | null,
    permission: P,
    id?: string,
    manager: EntityManager = this.db.manager,
  ): Promise<ResourceFor<P>> {
    const kind = resourceKindOf(permission);
    const resource = (kind === 'global' ? { kind } : await this.load(kind, id ?? '', manager)) as ResourceFor<P>;
    this.assert(viewer, permission, resource);
    return resource;
  }

  /** Throws 401 / 404 / 403 as the permission's rule answers for this caller and record. */
  assert<P extends Permission>(viewer: ViewerContext | null, permission: P, resource: ResourceFor<P>): void {
    switch (decide(permission, viewer, resource)) {
      case 'allow':
        return;
      case 'unauthenticated':
        throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
      case 'hidden':
        throw notFound(RESOURCE_NOUNS[resource.kind]);
      case 'forbidden':
        throw new AppError('FORBIDDEN', `You may not do this (${permission})`);
      case 'read-only':
        throw new AppError('CLUB.ARCHIVED', 'This club is archived: its records are kept, read-only');
    }
  }

  allows<P extends Permission>(viewer: ViewerContext | null, permission: P, resource: ResourceFor<P>): boolean {
    return decide(permission, viewer, resource) === 'allow';
  }

  /**
   * Notes, for the request's record of sensitive events, a read of a protected community's record
   * (a community, or a participation and what hangs on it) by someone who sees it only as an
   * official or administrator (P8).
   */
  noteRecordRead(viewer: ViewerContext | null, resource: Resource, permission: Permission): void {
    const community =
      resource.kind === 'community'
        ? resource.community
        : resource.kind === 'participation'
          ? resource.community
          : resource.kind === 'review' || resource.kind === 'decision' || resource.kind === 'appeal'
            ? resource.participation.community
            : null;
    if (community && communityAccess(community, viewer).recordRead) {
      readLogs.getStore()?.note([community.communityId], permission);
    }
  }

  /** The capacities in which the caller acts on a project's status: coordinator, proposer (the lead community). */
  projectActors(viewer: ViewerContext | null, project: ProjectResource): ProjectActor[] {
    return projectActors(viewer, project);
  }

  /**
   * `participation.read` as SQL, for an official's list of participations `p` (community `c`)
   * already narrowed to the official's regions: the community is registered or consents
   * (officialMayRead), or the caller is a party of it. It lets such a list page and count in SQL;
   * every row it lists is still checked with `allows`. `$n` is the first of its two parameters.
   */
  officialReadsSql(viewer: ViewerContext | null, n: number): { sql: string; params: [string[], string[]] } {
    return {
      sql: `(c.registration_status = 'registered' OR c.official_consent_at IS NOT NULL
             OR p.club_id = ANY($${n}::uuid[]) OR p.community_id = ANY($${n + 1}::uuid[]))`,
      params: [coordinatedClubIds(viewer), representedCommunityIds(viewer)],
    };
  }

  /**
   * An official's regions as SQL, for a list of records whose club's city is aliased `ci`: the
   * official `userParam` (a placeholder such as `$1`) holds a national role or one for the city's region.
   */
  officialRegionsSql(userParam: string): string {
    return `EXISTS (SELECT 1 FROM role_assignments ra WHERE ra.user_id = ${userParam} AND ra.role = 'official'
                       AND (ra.region IS NULL OR ra.region = ci.region_code))`;
  }

  /**
   * Per club of the official's regions, how many participations in `statusSql` (a SQL text value)
   * `participation.read` hides from the caller — the complement of officialReadsSql, from the
   * counters `club_official_counts` (migration 1796305600500) instead of every row: a club's
   * communities that are neither registered nor consenting, none in a club the caller coordinates,
   * less those the caller represents. Rows `(club_id, n)`, n > 0 only; `$n`, `$n + 1` are officialReadsSql's
   * parameters, `userParam` the official's id.
   */
  officialHiddenCountsSql(userParam: string, statusSql: string, n: number): string {
    return `
      SELECT hk.club_id, hk.n FROM (
        SELECT k.club_id, (k.n - (SELECT count(*) FROM participations rp JOIN communities rc ON rc.id = rp.community_id
                                   WHERE rp.club_id = k.club_id AND rp.status = k.status AND rp.community_id = ANY($${n + 1}::uuid[])
                                     AND community_official_class(rc.registration_status, rc.official_consent_at) = 'hidden'))::int AS n
          FROM club_official_counts k JOIN clubs cl ON cl.id = k.club_id JOIN cities ci ON ci.id = cl.city_id
         WHERE k.status = ${statusSql} AND k.official_class = 'hidden' AND k.n > 0 AND NOT (k.club_id = ANY($${n}::uuid[]))
           AND ${this.officialRegionsSql(userParam)}) hk
       WHERE hk.n > 0`;
  }

  /** The caller represents the community (speaks for it in its requests). */
  speaksFor(viewer: ViewerContext | null, communityId: string): boolean {
    return represents(viewer, communityId);
  }

  /** The caller speaks for `communityId`, and that community is invited to the club's meetings (RSVP, check-in). */
  assertInvitedCommunity(viewer: ViewerContext | null, clubId: string, communityId: string): void {
    if (!invitedCommunityIds(viewer, clubId).includes(communityId)) {
      throw new AppError('FORBIDDEN', 'Only the representative of an invited community may answer for it');
    }
  }

  /** The communities named by `ids`, ready to be printed for `viewer` by the naming rule (one query). */
  async communities(
    viewer: ViewerContext | null,
    ids: Iterable<string | null | undefined>,
    options: { resource: string; clubId?: string; manager?: EntityManager },
  ): Promise<CommunityNames> {
    const unique = [...new Set([...ids].filter((id): id is string => !!id))];
    const rows: Array<{ facts: NameableCommunity }> = unique.length
      ? await (options.manager ?? this.db.manager).query(
          `SELECT (${COMMUNITY_PRIVACY_GROUPED_JSON}::jsonb || jsonb_build_object('name', c.name, 'tradition', c.tradition)) AS facts
             FROM ${COMMUNITY_PRIVACY_GROUPED_FROM}`,
          [unique],
        )
      : [];
    return new CommunityNames(new Map(rows.map((row) => [row.facts.communityId, row.facts])), viewer, options);
  }

  /** Names for communities whose facts the caller already read (e.g. in its own list query). */
  names(viewer: ViewerContext | null, communities: Iterable<NameableCommunity>, options: { resource: string; clubId?: string }): CommunityNames {
    return new CommunityNames(new Map([...communities].map((c) => [c.communityId, c])), viewer, options);
  }
}

/**
 * The naming rule applied for one reader over a set of communities. Printing a protected
 * community to an official or an administrator notes the read for the request's record.
 */
export class CommunityNames {
  constructor(
    private readonly facts: ReadonlyMap<string, NameableCommunity>,
    private readonly viewer: ViewerContext | null,
    private readonly options: { resource: string; clubId?: string },
  ) {}

  /** What the reader may see of the community (hidden for an unknown id). */
  access(id: string): CommunityAccess {
    const community = this.facts.get(id);
    return community ? communityAccess(community, this.viewer, this.options.clubId).access : 'hidden';
  }

  /** The community as a list prints it, or null ("a community") where the reader may not see it. */
  ref(id: string | null | undefined): CommunityRef | null {
    const community = id ? this.facts.get(id) : undefined;
    if (!community) return null;
    const decision = communityAccess(community, this.viewer, this.options.clubId);
    if (decision.access === 'hidden') return null;
    if (decision.recordRead) readLogs.getStore()?.note([community.communityId], this.options.resource);
    return { id: community.communityId, name: community.name, tradition: community.tradition, registrationStatus: community.registrationStatus };
  }

  /** A participation row on the club's page: pending applications only for its coordinators and the applicant, closed ones never. */
  onClubPage(id: string, status: ParticipationStatus): CommunityRef | null {
    const community = this.facts.get(id);
    if (!community || !this.options.clubId) return null;
    return showsOnClubPage(status, community, this.viewer, this.options.clubId).access === 'hidden' ? null : this.ref(id);
  }

  name(id: string | null | undefined): string | null {
    return this.ref(id)?.name ?? null;
  }

  /** The name to print for a person who acted, representing `representativeOf` (null: staff). */
  person(displayName: string, representativeOf: string | null | undefined): string | null {
    if (!representativeOf) return displayName;
    const community = this.facts.get(representativeOf);
    if (!community) return null;
    const name = personName({ displayName, representativeOf: community }, this.viewer, this.options.clubId);
    if (name !== null) this.ref(representativeOf);
    return name;
  }

  /** Ids the reader may see, in the given order. */
  visible(ids: Iterable<string>): string[] {
    return [...ids].filter((id) => this.access(id) !== 'hidden');
  }
}
