import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isSensitive, type CommunityAccess, type ViewerContext } from '@dastarkhan/domain';
import { AccessService, type NameableCommunity } from '../access/access.service';
import { changesOf } from '../access/audit';
import { clubCommunityCondition, visibleCommunityCondition } from '../access/community-visibility';
import { COMMUNITY_PRIVACY_JSON } from '../access/resource-loader';
import { SensitiveEventsService } from '../access/sensitive-events.service';
import { assertRecentlyAuthenticated } from '../auth/recent-authentication';
import type { Viewer } from '../auth/viewer';
import { AppError, notFound } from '../common/errors/app-error';
import { searchCondition } from '../common/search';
import { decodeNameCursor, encodeNameCursor } from '../common/cursor';
import { ValidationFailed } from '../common/validation';
import { CommunityDto, RegistrationClaimDto } from './dto/community.dto';
import { CommunityProfileDto, UpdateCommunityDto } from './dto/community-profile.dto';
import type { CommunitySearchPageDto, CommunitySearchQueryDto } from './dto/community-search.dto';
import { AccessLogEntryDto, AccessLogPageDto, AccessLogQueryDto } from './dto/registration-claim.dto';
import { Community } from './entities/community.entity';
import { AUDITED_PROFILE, PROTECTED_PROFILE } from './audited-profile';
import { ErasureService } from './erasure.service';

const CLAIM_COLUMNS = `
  id, community_id AS "communityId", status, registration_number AS "registrationNumber", to_char(registration_date, 'YYYY-MM-DD') AS "registrationDate",
         issuing_body AS "issuingBody", claimed_at AS "claimedAt", decided_at AS "decidedAt", rejection_reason AS "rejectionReason"`;

/**
 * Audit actions that repeat, in the same transaction, an event the access log already shows in its
 * own words (consent, registration, erasure): the community sees that event once.
 */
const SHOWN_AS_EVENTS = ['consent.granted', 'consent.revoked', 'registration.claimed', 'registration.verified', 'registration.rejected', 'community.erased'];

type ClaimRow = Omit<RegistrationClaimDto, 'claimedAt' | 'decidedAt'> & { claimedAt: Date; decidedAt: Date | null };

/** A community's profile, its consent for officials and its claim to be registered (docs/domain.md, P4, P6, P7). */
@Injectable()
export class CommunitiesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly events: SensitiveEventsService,
    private readonly erasure: ErasureService,
  ) {}

  /**
   * Used by sign-up inside its transaction. A community that says it is registered starts as not
   * registered with a claim an official verifies.
   */
  async create(manager: EntityManager, profile: CommunityProfileDto, creator: ViewerContext): Promise<Community> {
    const { registration, ...rest } = splitRegistration(profile, 'not_registered');
    const community = await manager.getRepository(Community).save({ ...rest, registrationNumber: null, registrationDate: null });
    await this.events.changeBetween(manager, {
      actor: creator,
      actorRole: 'representative',
      action: 'community.created',
      resource: 'community',
      recordId: community.id,
      communityIds: [community.id],
      before: null,
      after: community,
      fields: AUDITED_PROFILE,
      masked: PROTECTED_PROFILE,
    });
    if (registration) await this.claim(manager, community, registration, creator);
    return community;
  }

  /** The communities the caller represents, with everything (they are its own). */
  async mine(viewer: Viewer): Promise<CommunityDto[]> {
    const communities = await this.db
      .getRepository(Community)
      .createQueryBuilder('c')
      .innerJoin('role_assignments', 'r', `r.community_id = c.id AND r.role = 'representative' AND r.user_id = :userId`, {
        userId: viewer.userId,
      })
      .orderBy('c.name')
      .getMany();
    const claims = await this.latestClaims(this.db.manager, communities.map((c) => c.id));
    return communities.map((community) => toCommunityDto(community, 'contacts', claims.get(community.id) ?? null));
  }

  /**
   * A picker's search (issue 14): the communities the caller may see whose name holds every word
   * of the search, however spelled (trigram index on `search_key(name)`), by name, a page at a
   * time. With a club, only its communities as the club's page shows them to the caller.
   */
  async search(viewer: Viewer, query: CommunitySearchQueryDto): Promise<CommunitySearchPageDto> {
    const limit = query.limit ?? 20;
    const clubId = query.clubId ?? null;
    const params: unknown[] = [];
    const conditions = [searchCondition(['c.name_search'], query.search, params), visibleCommunityCondition(viewer, clubId, params)];
    if (clubId) conditions.push(clubCommunityCondition(viewer, clubId, query.participating ?? false, params));
    if (query.after) {
      params.push(...decodeNameCursor(query.after));
      conditions.push(`(c.name, c.id) > ($${params.length - 1}, $${params.length}::uuid)`);
    }
    params.push(limit + 1);
    const rows: Array<{ facts: NameableCommunity }> = await this.db.query(
      `SELECT (${COMMUNITY_PRIVACY_JSON}::jsonb || jsonb_build_object('name', c.name, 'tradition', c.tradition)) AS facts
         FROM communities c WHERE ${conditions.join(' AND ')} ORDER BY c.name, c.id LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, limit).map((row) => row.facts);
    // The naming rule has the last word (and notes the protected ones an official or administrator was shown, P8).
    const names = this.access.names(viewer, page, { resource: 'community.search', ...(clubId ? { clubId } : {}) });
    const last = page[page.length - 1];
    return {
      items: page.flatMap((community) => names.ref(community.communityId) ?? []),
      nextAfter: rows.length > limit ? encodeNameCursor(last.name, last.communityId) : null,
    };
  }

  /** A community as the caller may see it (the access guard answered 404 where it may not). */
  async get(viewer: Viewer | null, id: string): Promise<CommunityDto> {
    const community = await this.db.getRepository(Community).findOneBy({ id });
    if (!community) throw notFound('Community');
    const names = await this.access.communities(viewer, [id], { resource: 'community.profile' });
    names.ref(id);
    const access = names.access(id);
    if (access === 'hidden') throw notFound('Community');
    const claims = access === 'contacts' ? await this.latestClaims(this.db.manager, [id]) : new Map();
    return toCommunityDto(community, access, claims.get(id) ?? null);
  }

  /**
   * The representatives keep the profile. Consent changes and registration claims are recorded
   * as sensitive events in the same transaction; a claim of registration changes nothing until
   * it is verified.
   */
  async update(viewer: Viewer, id: string, changes: UpdateCommunityDto): Promise<CommunityDto> {
    return this.db.transaction(async (manager) => {
      const repository = manager.getRepository(Community);
      const community = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!community) throw notFound('Community');
      const { officialConsent, version, ...profile } = changes;
      if (version !== community.version) throw new AppError('COMMUNITY.STALE_VERSION', 'The profile changed meanwhile; reload and save again');
      const { registration, ...rest } = splitRegistration(
        { ...profile, registrationStatus: profile.registrationStatus ?? community.registrationStatus },
        community.registrationStatus,
      );
      const registrationChanged = rest.registrationStatus !== community.registrationStatus;
      const merged: Partial<Community> = { ...rest };
      // A verified registration leaves the record only when the community itself says it no longer holds.
      if (registrationChanged || rest.registrationStatus !== 'registered') {
        Object.assign(merged, { registrationNumber: null, registrationDate: null, registrationIssuingBody: null });
      }
      if (registration && !(community.registrationStatus === 'registered' && sameRegistration(community, registration))) {
        // Saving the profile again with the entry already waiting for verification changes nothing.
        const waiting = (await this.latestClaims(manager, [id])).get(id);
        const same =
          waiting?.status === 'pending' &&
          waiting.registrationNumber === registration.number &&
          waiting.registrationDate === registration.date &&
          waiting.issuingBody === registration.issuingBody;
        if (!same) await this.claim(manager, community, registration, viewer);
      }
      if (officialConsent !== undefined && officialConsent !== (community.officialConsentAt !== null)) {
        // Giving or withdrawing consent is consequential (ASVS V3.7.1): the session must have proved itself recently.
        assertRecentlyAuthenticated(viewer);
        merged.officialConsentAt = officialConsent ? new Date() : null;
        await this.events.record(
          {
            kind: officialConsent ? 'consent.granted' : 'consent.revoked',
            actor: viewer,
            actorRole: 'representative',
            communityIds: [id],
            resource: 'community.consent',
            details: { scope: 'officials' },
          },
          manager,
        );
        await this.events.change(manager, {
          actor: viewer,
          actorRole: 'representative',
          action: officialConsent ? 'consent.granted' : 'consent.revoked',
          resource: 'community',
          recordId: id,
          communityIds: [id],
          changes: changesOf({ officialConsent: !officialConsent }, { officialConsent }),
        });
      }
      const saved = await repository.save({ ...community, ...merged, version: community.version + 1 });
      await this.events.changeBetween(manager, {
        actor: viewer,
        actorRole: 'representative',
        action: 'community.updated',
        resource: 'community',
        recordId: id,
        communityIds: [id],
        before: community,
        after: saved,
        fields: AUDITED_PROFILE,
        masked: PROTECTED_PROFILE,
      });
      return toCommunityDto(saved, 'contacts', (await this.latestClaims(manager, [id])).get(id) ?? null);
    });
  }

  /** Who read or changed the community's record and when (P8): for its representatives, newest first. */
  async accessLog(viewer: Viewer, id: string, query: AccessLogQueryDto): Promise<AccessLogPageDto> {
    const limit = query.limit ?? 50;
    const rows: Array<Omit<AccessLogEntryDto, 'occurredAt' | 'actorName' | 'id'> & { id: string; occurredAt: Date; displayName: string | null }> =
      await this.db.query(
        `SELECT e.id, e.occurred_at AS "occurredAt", e.kind, e.actor_role AS "actorRole", e.resource,
                CASE WHEN e.kind = 'change' THEN e.details->>'action' END AS action,
                CASE WHEN u.erased_at IS NULL THEN u.display_name END AS "displayName"
           FROM sensitive_events e LEFT JOIN users u ON u.id = e.actor_id
          WHERE e.community_ids @> ARRAY[$1]::uuid[] AND ($2::bigint IS NULL OR e.id < $2)
            AND NOT (e.kind = 'change' AND e.details->>'action' = ANY($4))
          ORDER BY e.id DESC LIMIT $3`,
        [id, query.before ?? null, limit + 1, SHOWN_AS_EVENTS],
      );
    const names = await this.access.communities(viewer, [id], { resource: 'community.access-log' });
    const page = rows.slice(0, limit);
    return {
      items: page.map(({ displayName, occurredAt, ...row }) => ({
        ...row,
        id: Number(row.id),
        occurredAt: occurredAt.toISOString(),
        actorName: displayName === null ? null : names.person(displayName, row.actorRole === 'representative' ? id : null),
      })),
      nextBefore: rows.length > limit ? Number(page[page.length - 1].id) : null,
    };
  }

  /** A community that no longer takes part in any club asks for its personal data to be erased (P11). */
  async erase(viewer: Viewer, id: string): Promise<CommunityDto> {
    return this.db.transaction(async (manager) => {
      await this.erasure.erase(manager, id, viewer);
      const community = await manager.getRepository(Community).findOneByOrFail({ id });
      return toCommunityDto(community, 'contacts', (await this.latestClaims(manager, [id])).get(id) ?? null);
    });
  }

  /**
   * Files a claim of registration (one pending at a time): the record says who claimed what, never the values.
   * `actorRole`: the claimant's capacity — its representative, or whoever entered it on its behalf.
   */
  async claim(manager: EntityManager, community: Community, registration: Registration, claimant: ViewerContext, actorRole = 'representative'): Promise<void> {
    const [pending] = await manager.query(`SELECT 1 FROM registration_claims WHERE community_id = $1 AND status = 'pending'`, [community.id]);
    if (pending) throw new AppError('REGISTRATION.CLAIM_PENDING', 'A claim of registration is already waiting for verification');
    await this.fileClaims(manager, [{ communityId: community.id, registeredName: community.name, registration }], claimant, actorRole, false);
  }

  /**
   * Files pending registration claims and records each as `registration.claimed`, with one statement
   * however many (the roster import files hundreds). The caller checked none is pending already.
   * `onBehalf`: filed by a coordinator or the administrator, so the date and issuing body may be
   * missing (the verifying official enters them from the register).
   */
  async fileClaims(
    manager: EntityManager,
    claims: Array<{ communityId: string; registeredName: string; registration: Registration | OnBehalfRegistration }>,
    claimant: ViewerContext,
    actorRole: string,
    onBehalf: boolean,
  ): Promise<void> {
    if (claims.length === 0) return;
    const filed: Array<{ id: string; communityId: string }> = await manager.query(
      `WITH filed AS (
         INSERT INTO registration_claims (community_id, registered_name, registration_number, registration_date, issuing_body, claimed_by_id, on_behalf)
         SELECT community_id, registered_name, registration_number, registration_date, issuing_body, $6, $8
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::date[], $5::text[]) AS x(community_id, registered_name, registration_number, registration_date, issuing_body)
         RETURNING id, community_id),
       recorded AS (
         INSERT INTO sensitive_events (kind, actor_id, actor_role, community_ids, resource, details)
         SELECT 'registration.claimed', $6, $7, ARRAY[community_id], 'community.registration', jsonb_build_object('claimId', id) FROM filed)
       SELECT id, community_id AS "communityId" FROM filed`,
      [
        claims.map((claim) => claim.communityId),
        claims.map((claim) => claim.registeredName),
        claims.map((claim) => claim.registration.number),
        claims.map((claim) => claim.registration.date),
        claims.map((claim) => claim.registration.issuingBody),
        claimant.userId,
        actorRole,
        onBehalf,
      ],
    );
    // The audit log's entries (with the values claimed) for the administrator's search.
    const registrationOf = new Map(claims.map((claim) => [claim.communityId, claim.registration]));
    await this.events.changes(
      manager,
      filed.map(({ id, communityId }) => {
        const registration = registrationOf.get(communityId) as Registration | OnBehalfRegistration;
        return {
          actor: claimant,
          actorRole,
          action: 'registration.claimed',
          resource: 'registration-claim',
          recordId: id,
          communityIds: [communityId],
          changes: changesOf(null, { status: 'pending', registrationNumber: registration.number, registrationDate: registration.date, issuingBody: registration.issuingBody }),
        };
      }),
    );
  }

  private async latestClaims(manager: EntityManager, communityIds: string[]): Promise<Map<string, RegistrationClaimDto>> {
    if (communityIds.length === 0) return new Map();
    const rows: Array<ClaimRow & { communityId: string }> = await manager.query(
      `SELECT DISTINCT ON (community_id) ${CLAIM_COLUMNS}
         FROM registration_claims WHERE community_id = ANY($1) ORDER BY community_id, claimed_at DESC`,
      [communityIds],
    );
    return new Map(
      rows.map(({ communityId, claimedAt, decidedAt, ...claim }) => [
        communityId,
        { ...claim, claimedAt: claimedAt.toISOString(), decidedAt: decidedAt?.toISOString() ?? null },
      ]),
    );
  }
}

export interface Registration {
  number: string;
  date: string;
  issuingBody: string;
}

/** A registration entered on a community's behalf: the number; the date and issuing body if known. */
export interface OnBehalfRegistration {
  number: string;
  date: string | null;
  issuingBody: string | null;
}

/**
 * A profile's registration fields as what may be stored at once and what must be verified: a
 * "registered" status is a claim (the stored status stays `current`).
 */
function splitRegistration<T extends Partial<CommunityProfileDto>>(
  profile: T,
  current: Community['registrationStatus'],
): Omit<T, 'registrationNumber' | 'registrationDate' | 'registrationIssuingBody'> & { registration: Registration | null } {
  const { registrationNumber, registrationDate, registrationIssuingBody, ...rest } = profile;
  if (profile.registrationStatus !== 'registered') return { ...rest, registration: null };
  const missing = Object.entries({ registrationNumber, registrationDate, registrationIssuingBody }).filter(([, value]) => !value);
  if (missing.length) {
    throw new ValidationFailed(Object.fromEntries(missing.map(([field]) => [field, `${field} is required for a registered community`])));
  }
  return {
    ...rest,
    registrationStatus: current,
    registration: { number: registrationNumber as string, date: registrationDate as string, issuingBody: registrationIssuingBody as string },
  };
}

const sameRegistration = (community: Community, registration: Registration) =>
  community.registrationNumber === registration.number &&
  community.registrationDate === registration.date &&
  community.registrationIssuingBody === registration.issuingBody;

export function toCommunityDto(
  community: Community,
  access: Exclude<CommunityAccess, 'hidden'>,
  claim: RegistrationClaimDto | null,
): CommunityDto {
  const withContacts = access === 'contacts';
  // Who leads a non-registered community and where it meets can expose people (Art. 490; P4).
  const withPeople = withContacts || !isSensitive(community.registrationStatus);
  return {
    id: community.id,
    name: community.name,
    tradition: community.tradition,
    registrationStatus: community.registrationStatus,
    registrationNumber: community.registrationNumber,
    registrationDate: community.registrationDate,
    registrationIssuingBody: community.registrationIssuingBody,
    registrationClaim: withContacts ? claim : null,
    description: community.description,
    leaders: withPeople ? community.leaders : '',
    meetingPlace: withPeople ? community.meetingPlace : '',
    approximateSize: community.approximateSize,
    activities: community.activities,
    contactEmail: withContacts ? community.contactEmail : null,
    contactPhone: withContacts ? community.contactPhone : null,
    isPublic: community.isPublic,
    officialConsentAt: community.officialConsentAt?.toISOString() ?? null,
    cityId: community.cityId,
    erasedAt: community.contactErasedAt?.toISOString() ?? null,
    createdAt: community.createdAt.toISOString(),
    version: community.version,
  };
}
