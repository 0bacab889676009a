import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CommunityPrivacyFacts, RegistrationClaimResource } from '@dastarkhan/domain';
import { COMMUNITY_PRIVACY_JSON } from '../access/resource-loader';
import { AccessService } from '../access/access.service';
import { changesOf } from '../access/audit';
import { readLogs } from '../access/read-log';
import { SensitiveEventsService } from '../access/sensitive-events.service';
import type { Viewer } from '../auth/viewer';
import { AppError, notFound } from '../common/errors/app-error';
import { ValidationFailed } from '../common/validation';
import { RegistrationClaimCaseDto, RegistrationClaimDecisionDto, RegistrationClaimQueryDto } from './dto/registration-claim.dto';

/** The regions a claim belongs to: its community's city, and the clubs it applied to. */
const CLAIM_REGIONS = `
  (SELECT COALESCE(array_agg(DISTINCT region), '{}') FROM (
     SELECT ci.region_code AS region FROM cities ci WHERE ci.id = c.city_id
     UNION SELECT ci.region_code FROM participations p JOIN clubs cl ON cl.id = p.club_id JOIN cities ci ON ci.id = cl.city_id
            WHERE p.community_id = c.id) regions)`;

const CASE_SELECT = `
  SELECT rc.id, rc.community_id AS "communityId", rc.registered_name AS "registeredName", c.tradition, city.name AS "cityName",
         rc.registration_number AS "registrationNumber", to_char(rc.registration_date, 'YYYY-MM-DD') AS "registrationDate",
         rc.issuing_body AS "issuingBody", rc.status, rc.claimed_at AS "claimedAt", rc.decided_at AS "decidedAt",
         u.display_name AS "decidedByName", rc.rejection_reason AS "rejectionReason", ${CLAIM_REGIONS} AS "regionCodes",
         ${COMMUNITY_PRIVACY_JSON} AS community
    FROM registration_claims rc
    JOIN communities c ON c.id = rc.community_id
    LEFT JOIN cities city ON city.id = c.city_id
    LEFT JOIN users u ON u.id = rc.decided_by_id`;

type CaseRow = Omit<RegistrationClaimCaseDto, 'claimedAt' | 'decidedAt'> & {
  claimedAt: Date;
  decidedAt: Date | null;
  regionCodes: string[];
  community: CommunityPrivacyFacts;
};

/**
 * The verification queue of registration claims (docs/domain.md, P7): officials of the
 * community's region and the administrator check the entry against the state register and
 * verify it (the community then counts as registered) or reject it with a reason.
 */
@Injectable()
export class RegistrationClaimsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly events: SensitiveEventsService,
  ) {}

  /** The claims the caller may verify, oldest first; each listed claim is a recorded read. */
  async queue(viewer: Viewer, query: RegistrationClaimQueryDto): Promise<RegistrationClaimCaseDto[]> {
    const rows: CaseRow[] = await this.db.query(`${CASE_SELECT} WHERE rc.status = $1 ORDER BY rc.claimed_at, rc.id`, [
      query.status ?? 'pending',
    ]);
    const mine = rows.filter((row) => this.access.allows(viewer, 'registration.verify', toResource(row))).slice(0, query.limit ?? 50);
    readLogs.getStore()?.note(mine.map((row) => row.communityId), 'registration.claims');
    return mine.map(toDto);
  }

  /** Verifies or rejects a pending claim; of two decisions at once exactly one wins (the other: 409). */
  async decide(viewer: Viewer, claimId: string, input: RegistrationClaimDecisionDto): Promise<RegistrationClaimCaseDto> {
    if (input.outcome === 'rejected' && !input.reason) throw new ValidationFailed({ reason: 'required to reject a claim' });
    return this.db.transaction(async (manager) => {
      const [claim]: Array<{ status: string; communityId: string; registrationDate: string | null; issuingBody: string | null }> = await manager.query(
        `SELECT status, community_id AS "communityId", registration_date AS "registrationDate", issuing_body AS "issuingBody"
           FROM registration_claims WHERE id = $1 FOR UPDATE`,
        [claimId],
      );
      if (!claim) throw notFound('Registration claim');
      if (claim.status !== 'pending') throw new AppError('REGISTRATION.CLAIM_DECIDED', 'This claim was already decided');
      if (input.outcome === 'verified') assertDetails(claim, input);
      // A claim filed on its behalf may lack the date and issuing body: the verifier's, from the register, complete it.
      await manager.query(
        `UPDATE registration_claims SET status = $2, decided_by_id = $3, decided_at = now(), rejection_reason = $4,
                registration_date = COALESCE(registration_date, $5), issuing_body = COALESCE(issuing_body, $6)
          WHERE id = $1`,
        [
          claimId,
          input.outcome,
          viewer.userId,
          input.outcome === 'rejected' ? input.reason : null,
          input.outcome === 'verified' ? (input.registrationDate ?? null) : null,
          input.outcome === 'verified' ? (input.issuingBody ?? null) : null,
        ],
      );
      if (input.outcome === 'verified') {
        await manager.query(
          `UPDATE communities c SET version = c.version + 1, registration_status = 'registered', registration_number = rc.registration_number,
                  registration_date = rc.registration_date, registration_issuing_body = rc.issuing_body, updated_at = now()
             FROM registration_claims rc WHERE rc.id = $1 AND c.id = rc.community_id`,
          [claimId],
        );
      }
      await this.events.record(
        {
          kind: input.outcome === 'verified' ? 'registration.verified' : 'registration.rejected',
          actor: viewer,
          communityIds: [claim.communityId],
          resource: 'community.registration',
          details: { claimId },
        },
        manager,
      );
      await this.events.change(manager, {
        actor: viewer,
        action: `registration.${input.outcome}`,
        resource: 'registration-claim',
        recordId: claimId,
        communityIds: [claim.communityId],
        changes: changesOf({ status: 'pending', rejectionReason: null }, { status: input.outcome, rejectionReason: input.outcome === 'rejected' ? input.reason : null }),
      });
      const [row]: CaseRow[] = await manager.query(`${CASE_SELECT} WHERE rc.id = $1`, [claimId]);
      return toDto(row);
    });
  }
}

/**
 * To verify, the register entry must be complete: a claim filed on its behalf without the date or
 * issuing body needs the verifier's (422 naming each missing field); a claim that has them takes
 * none (422: the verifier does not overwrite what was claimed — reject it instead).
 */
function assertDetails(claim: { registrationDate: string | null; issuingBody: string | null }, input: RegistrationClaimDecisionDto): void {
  const fields: Record<string, string> = {};
  for (const [field, claimed] of [
    ['registrationDate', claim.registrationDate],
    ['issuingBody', claim.issuingBody],
  ] as const) {
    if (!claimed && !input[field]) fields[field] = 'required to verify a claim filed without it: enter it from the state register';
    if (claimed && input[field]) fields[field] = 'the claim states it already';
  }
  if (Object.keys(fields).length) {
    throw new AppError('REGISTRATION.DETAILS_REQUIRED', 'To verify, the register entry needs its registration date and issuing body, each given once', fields);
  }
}

const toResource = (row: CaseRow): RegistrationClaimResource => ({
  kind: 'registration-claim',
  claimId: row.id,
  communityId: row.communityId,
  regionCodes: row.regionCodes,
  community: row.community,
});

function toDto({ regionCodes: _regions, community: _community, claimedAt, decidedAt, ...row }: CaseRow): RegistrationClaimCaseDto {
  return { ...row, claimedAt: claimedAt.toISOString(), decidedAt: decidedAt?.toISOString() ?? null };
}
