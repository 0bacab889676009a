import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { CommunityAccess, communityAccess, CommunityPrivacyFacts, isSensitive } from '@dastarkhan/domain';
import { AccessService } from '../access/access.service';
import { represents, representedCommunityIds, type Viewer } from '../auth/viewer';
import { notFound } from '../common/errors/app-error';
import { ValidationFailed } from '../common/validation';
import { CommunityDto } from './dto/community.dto';
import { CommunityProfileDto, UpdateCommunityDto } from './dto/community-profile.dto';
import { Community } from './entities/community.entity';
import { SensitiveRead } from './entities/sensitive-read.entity';

@Injectable()
export class CommunitiesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  /** Used by sign-up inside its transaction. */
  create(manager: EntityManager, profile: CommunityProfileDto): Promise<Community> {
    return manager.getRepository(Community).save(withRegistrationRules(profile));
  }

  async mine(viewer: Viewer): Promise<CommunityDto[]> {
    const ids = representedCommunityIds(viewer);
    if (ids.length === 0) return [];
    const communities = await this.db.getRepository(Community).find({ where: { id: In(ids) }, order: { name: 'ASC' } });
    return communities.map((community) => toCommunityDto(community, 'contacts'));
  }

  /** A community as the caller may see it; 404 when it may not (never revealing that it exists). */
  async get(viewer: Viewer | null, id: string): Promise<CommunityDto> {
    const community = await this.db.getRepository(Community).findOneBy({ id });
    if (!community) throw notFound('Community');
    const decision = communityAccess(await this.privacyFacts(community), await this.access.viewerFacts(viewer, id));
    if (decision.access === 'hidden') throw notFound('Community');
    if (decision.logOfficialRead) await this.logOfficialReads(viewer, [id], 'community.profile');
    return toCommunityDto(community, decision.access);
  }

  async update(viewer: Viewer, id: string, changes: UpdateCommunityDto): Promise<CommunityDto> {
    if (!represents(viewer, id)) throw notFound('Community');
    return this.db.transaction(async (manager) => {
      const repository = manager.getRepository(Community);
      const community = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!community) throw notFound('Community');
      const { officialConsent, ...profile } = changes;
      const merged = withRegistrationRules({ ...community, ...profile } as CommunityProfileDto);
      assertRegistrationDetails(merged);
      if (officialConsent !== undefined) {
        // Keep the date consent was first given; revoking clears it.
        merged.officialConsentAt = officialConsent ? (community.officialConsentAt ?? new Date()) : null;
      }
      const saved = await repository.save({ ...community, ...merged });
      return toCommunityDto(saved, 'contacts');
    });
  }

  /** One audit row per community an official was shown, written in a single statement. */
  async logOfficialReads(viewer: Viewer | null, communityIds: string[], resource: string): Promise<void> {
    if (!viewer || communityIds.length === 0) return;
    await this.db.getRepository(SensitiveRead).insert(communityIds.map((communityId) => ({ readerId: viewer.userId, communityId, resource })));
  }

  private async privacyFacts(community: Community): Promise<CommunityPrivacyFacts> {
    const participations = await this.db.query(
      `SELECT p.club_id AS "clubId", p.status, ci.region_code AS "regionCode"
         FROM participations p JOIN clubs cl ON cl.id = p.club_id JOIN cities ci ON ci.id = cl.city_id
        WHERE p.community_id = $1`,
      [community.id],
    );
    return {
      registrationStatus: community.registrationStatus,
      isPublic: community.isPublic,
      officialConsent: community.officialConsentAt !== null,
      participations,
    };
  }
}

/** A registered community names its registration (the database enforces it too; this makes it a 400). */
function assertRegistrationDetails(profile: Partial<CommunityProfileDto>): void {
  if (profile.registrationStatus !== 'registered') return;
  const missing = (['registrationNumber', 'registrationDate'] as const).filter((field) => !profile[field]);
  if (missing.length) {
    throw new ValidationFailed(Object.fromEntries(missing.map((field) => [field, `${field} is required for a registered community`])));
  }
}

/** A community that is not registered carries no registration number or date. */
function withRegistrationRules<T extends Partial<CommunityProfileDto>>(profile: T): T & Partial<Community> {
  const registered = profile.registrationStatus === 'registered';
  return {
    ...profile,
    registrationNumber: registered ? profile.registrationNumber : null,
    registrationDate: registered ? profile.registrationDate : null,
  };
}

export function toCommunityDto(community: Community, access: Exclude<CommunityAccess, 'hidden'>): CommunityDto {
  const withContacts = access === 'contacts';
  return {
    id: community.id,
    name: community.name,
    tradition: community.tradition,
    registrationStatus: community.registrationStatus,
    registrationNumber: community.registrationNumber,
    registrationDate: community.registrationDate,
    description: community.description,
    // Who leads a non-registered community and where it meets can expose people (Art. 490).
    leaders: withContacts || !isSensitive(community.registrationStatus) ? community.leaders : '',
    meetingPlace: withContacts || !isSensitive(community.registrationStatus) ? community.meetingPlace : '',
    approximateSize: community.approximateSize,
    activities: community.activities,
    contactEmail: withContacts ? community.contactEmail : null,
    contactPhone: withContacts ? community.contactPhone : null,
    isPublic: community.isPublic,
    officialConsentAt: community.officialConsentAt?.toISOString() ?? null,
    cityId: community.cityId,
    createdAt: community.createdAt.toISOString(),
  };
}
