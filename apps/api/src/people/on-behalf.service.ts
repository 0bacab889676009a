import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { normaliseRegistrationNumber, type Tradition } from '@dastarkhan/domain';
import { AccessService } from '../access/access.service';
import { changesOf } from '../access/audit';
import { capacityOf, SensitiveEventsService } from '../access/sensitive-events.service';
import type { Viewer } from '../auth/viewer';
import { AppError, notFound } from '../common/errors/app-error';
import { CommunitiesService, type OnBehalfRegistration } from '../communities/communities.service';
import type { ClubCreatedCommunityDto, OnBehalfCommunityCreatedDto, OnBehalfCommunityDto } from './dto/on-behalf.dto';
import { InvitationsService } from './invitations.service';

/** A registration number as compared: without spaces, upper case (as `normaliseRegistrationNumber`). */
const NORMALISED = (column: string) => `upper(regexp_replace(${column}, '\\s+', '', 'g'))`;

/** A community entered on its behalf, once its entry was checked (the roster import passes its rows as these). */
export interface OnBehalfEntry {
  name: string;
  tradition: Tradition;
  registration: OnBehalfRegistration;
  contactEmail: string | null;
  representativeEmail: string | null;
}

/** Where the community is created: through a club (its coordinators keep it), or by the administrator alone. */
export interface OnBehalfPlace {
  clubId: string | null;
  cityId: string | null;
}

/**
 * Registered communities with no account yet, created on their behalf by the administrator or a
 * club's coordinators (issue 12, item 4). P7 holds: the community starts `registration_pending`
 * with a registration claim filed by its creator, in the officials' verification queue like any
 * claim, and counts as registered only once verified. A non-registered community is never created
 * on its behalf: it is invited, signs up, enters its own data and consents itself.
 */
@Injectable()
export class OnBehalfService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly communities: CommunitiesService,
    private readonly invitations: InvitationsService,
    private readonly events: SensitiveEventsService,
    private readonly access: AccessService,
  ) {}

  /** `POST /clubs/{clubId}/communities` and `POST /communities`: one community, its claim and (optionally) its representative's invitation. */
  async createOne(actor: Viewer, input: OnBehalfCommunityDto & { cityId?: string }, clubId: string | null): Promise<OnBehalfCommunityCreatedDto> {
    if (input.registrationStatus !== 'registered') {
      throw new AppError(
        'COMMUNITY.ON_BEHALF_REGISTERED_ONLY',
        'Only a registered community is created on its behalf; invite a community that is not registered to sign up and enter its own data',
        { registrationStatus: 'must be registered' },
      );
    }
    const entry: OnBehalfEntry = {
      name: input.name,
      tradition: input.tradition,
      registration: { number: input.registrationNumber as string, date: input.registrationDate ?? null, issuingBody: input.registrationIssuingBody ?? null },
      contactEmail: input.contactEmail?.trim().toLowerCase() ?? null,
      representativeEmail: input.representativeEmail ?? null,
    };
    return this.db.transaction(async (manager) => {
      const place = await this.placeOf(manager, clubId, input.cityId ?? null);
      await this.lockRegistrationNumbers(manager);
      if ((await this.takenNumbers(manager, [entry.registration.number])).size > 0) {
        // No name: the holder may be a community the caller may not see.
        throw new AppError('COMMUNITY.REGISTRATION_NUMBER_TAKEN', 'A community with this registration number is already on the platform or waiting for verification', {
          registrationNumber: 'already on the platform',
        });
      }
      const id = await this.create(manager, actor, entry, place);
      return { id, name: entry.name, registrationStatus: 'registration_pending', invitationSent: !!entry.representativeEmail };
    });
  }

  /** The club's city for a creation through a club (404 when the club does not exist), or the administrator's choice. */
  async placeOf(manager: EntityManager, clubId: string | null, cityId: string | null): Promise<OnBehalfPlace> {
    if (!clubId) {
      if (cityId && !(await manager.query(`SELECT 1 FROM cities WHERE id = $1`, [cityId])).length) throw new AppError('NOT_FOUND', 'City not found', { cityId: 'no such city' });
      return { clubId: null, cityId };
    }
    const [club] = await manager.query(`SELECT city_id AS "cityId" FROM clubs WHERE id = $1`, [clubId]);
    if (!club) throw notFound('Club');
    return { clubId, cityId: club.cityId };
  }

  /**
   * Serialises creations on behalf (one at a time, nationally: they are rare), so two coordinators
   * entering the same registration number at once cannot both succeed.
   */
  async lockRegistrationNumbers(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('communities.registration-number'))`);
  }

  /**
   * Of the given registration numbers (normalised), those held by a registered community or claimed
   * by a pending claim, each with its registered holder (null: only claimed).
   */
  async takenNumbers(manager: EntityManager, numbers: string[]): Promise<Map<string, string | null>> {
    const normalised = numbers.map(normaliseRegistrationNumber);
    const rows: Array<{ number: string; communityId: string; registered: boolean }> = await manager.query(
      `SELECT ${NORMALISED('c.registration_number')} AS number, c.id AS "communityId", true AS registered
         FROM communities c WHERE c.registration_status = 'registered' AND ${NORMALISED('c.registration_number')} = ANY($1)
       UNION ALL
       SELECT ${NORMALISED('rc.registration_number')}, rc.community_id, false
         FROM registration_claims rc WHERE rc.status = 'pending' AND ${NORMALISED('rc.registration_number')} = ANY($1)`,
      [normalised],
    );
    const taken = new Map<string, string | null>();
    for (const row of rows) if (row.registered || !taken.has(row.number)) taken.set(row.number, row.registered ? row.communityId : null);
    return taken;
  }

  /** Creates the community with its pending claim, records the change, and invites its representative. */
  private async create(manager: EntityManager, actor: Viewer, entry: OnBehalfEntry, place: OnBehalfPlace): Promise<string> {
    const [id] = await this.createCommunities(manager, actor, [entry], place);
    if (entry.representativeEmail) {
      await this.invitations.invite(manager, actor, entry.representativeEmail, { role: 'representative', communityId: id }, place.clubId);
    }
    return id;
  }

  /**
   * Creates the communities `registration_pending` with a pending claim each, filed by the actor,
   * and records each creation: three statements however many (the roster import creates up to
   * 2 000 at once). Returns their ids in the entries' order (chosen here, so no order of RETURNING
   * rows is relied on).
   */
  async createCommunities(manager: EntityManager, actor: Viewer, entries: OnBehalfEntry[], place: OnBehalfPlace): Promise<string[]> {
    if (entries.length === 0) return [];
    const ids = entries.map(() => randomUUID());
    await manager.query(
      `INSERT INTO communities (id, name, tradition, registration_status, contact_email, city_id, created_via_club_id, created_by_id)
       SELECT id, name, tradition, 'registration_pending', contact_email, $5, $6, $7
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS x(id, name, tradition, contact_email)`,
      [ids, entries.map((entry) => entry.name), entries.map((entry) => entry.tradition), entries.map((entry) => entry.contactEmail), place.cityId, place.clubId, actor.userId],
    );
    await this.communities.fileClaims(
      manager,
      entries.map((entry, i) => ({ communityId: ids[i], registeredName: entry.name, registration: entry.registration })),
      actor,
      capacityOf(actor) ?? 'coordinator',
      true,
    );
    await this.events.changes(
      manager,
      entries.map((entry, i) => ({
        actor,
        action: 'community.created-on-behalf',
        resource: 'community',
        recordId: ids[i],
        clubId: place.clubId,
        communityIds: [ids[i]],
        // Not verified yet, so protected: its name and contact are masked like any protected value.
        changes: changesOf(null, { name: entry.name, tradition: entry.tradition, registrationStatus: 'registration_pending', contactEmail: entry.contactEmail }, [
          'name',
          'contactEmail',
        ]),
        details: { registrationClaim: 'pending' },
      })),
    );
    return ids;
  }

  /** The communities created through the club on their behalf, for its coordinators (they keep them like a club's applicants). */
  async createdVia(viewer: Viewer, clubId: string): Promise<ClubCreatedCommunityDto[]> {
    const rows: Array<{ id: string }> = await this.db.query(`SELECT id FROM communities WHERE created_via_club_id = $1 ORDER BY name, id`, [clubId]);
    const names = await this.access.communities(viewer, rows.map((row) => row.id), { resource: 'people.communities', clubId });
    return rows.flatMap(({ id }) => {
      const ref = names.ref(id);
      return ref ? [{ id, name: ref.name, registrationStatus: ref.registrationStatus }] : [];
    });
  }
}
