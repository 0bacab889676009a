import type { EntityManager } from 'typeorm';
import { appealDeadline, appealRefusal, type DecisionOutcome, type ParticipationResource } from '@dastarkhan/domain';
import type { AccessService } from '../access/access.service';
import { PARTICIPATION_FROM, PARTICIPATION_JSON } from '../access/resource-loader';
import type { Viewer } from '../auth/viewer';
import { evidenceCommunities, nameEvidence } from '../pathway/pathway-progress.service';
import { AppealDto, DecisionRecordDto } from './dto/decision.dto';

const RECORD_SELECT = `
  SELECT d.id, d.participation_id AS "participationId", d.event_sequence AS "eventSequence", d.outcome,
         d.from_status AS "fromStatus", d.reason_code AS "reasonCode", d.reason_text AS "reasonText",
         d.override_reason AS "overrideReason", to_char(d.earliest_reapply_on, 'YYYY-MM-DD') AS "earliestReapplyOn",
         d.milestone_snapshot AS "milestoneSnapshot", u.display_name AS "deciderName", d.decided_at AS "decidedAt",
         p.version AS "participationVersion", p.community_id AS "communityId", ${PARTICIPATION_JSON} AS participation,
         CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object(
           'id', a.id, 'status', a.status, 'text', a.text, 'appellantName', au.display_name,
           'appellantRepresents', EXISTS (SELECT 1 FROM role_assignments r WHERE r.user_id = a.appellant_id
                                            AND r.role = 'representative' AND r.community_id = p.community_id),
           'createdAt', a.created_at,
           'resolution', a.resolution, 'resolvedAt', a.resolved_at, 'resolvedByName', ru.display_name) END AS appeal
    FROM participation_decisions d
    JOIN ${PARTICIPATION_FROM} ON p.id = d.participation_id
    JOIN users u ON u.id = d.decider_id
    LEFT JOIN decision_appeals a ON a.decision_id = d.id
    LEFT JOIN users au ON au.id = a.appellant_id
    LEFT JOIN users ru ON ru.id = a.resolved_by_id`;

type RecordRow = Omit<DecisionRecordDto, 'appealDeadline' | 'canAppeal' | 'decidedAt' | 'appeal'> & {
  decidedAt: Date;
  participationVersion: number;
  communityId: string;
  participation: ParticipationResource;
  appeal: (Omit<AppealDto, 'appellantName'> & { appellantName: string; appellantRepresents: boolean }) | null;
};

/**
 * Decision records as `viewer` sees them (no access check: callers check first), the appellant
 * named by the naming rule. `canAppeal` holds for the community's representatives while
 * libs/domain's appeal rules allow it.
 */
export async function readDecisions(
  manager: EntityManager,
  access: AccessService,
  viewer: Viewer,
  where: { participationId: string } | { decisionIds: string[] },
): Promise<DecisionRecordDto[]> {
  const [condition, param] =
    'participationId' in where ? ['d.participation_id = $1', where.participationId] : ['d.id = ANY($1)', where.decisionIds];
  const rows: RecordRow[] = await manager.query(`${RECORD_SELECT} WHERE ${condition} ORDER BY d.event_sequence`, [param]);
  const names = await access.communities(
    viewer,
    rows.flatMap((r) => [r.communityId, ...evidenceCommunities(r.milestoneSnapshot)]),
    { resource: 'participation.decisions', manager },
  );
  const now = new Date();
  return rows.map(({ participationVersion, communityId, participation, decidedAt, appeal, ...record }) => ({
    ...record,
    milestoneSnapshot: nameEvidence(record.milestoneSnapshot, names),
    appeal: appeal && {
      ...withoutKey(appeal, 'appellantRepresents'),
      appellantName: names.person(appeal.appellantName, appeal.appellantRepresents ? communityId : null),
    },
    decidedAt: decidedAt.toISOString(),
    appealDeadline: record.outcome === 'admit' ? null : appealDeadline(decidedAt),
    canAppeal:
      access.allows(viewer, 'decision.appeal', { kind: 'decision', decisionId: record.id, participation }) &&
      appealRefusal(
        { outcome: record.outcome, decidedAt, alreadyAppealed: !!appeal, isLatestStep: participationVersion === record.eventSequence },
        now,
      ) === null,
  }));
}

/**
 * The earliest re-apply date of the community's latest standing `outcome` decision in the club
 * (an overturned one no longer counts), or null: what a new application or nomination request waits for.
 */
export async function latestReapplyDate(
  manager: EntityManager,
  communityId: string,
  clubId: string,
  outcome: Exclude<DecisionOutcome, 'admit'>,
): Promise<string | null> {
  const [latest]: Array<{ earliestReapplyOn: string }> = await manager.query(
    `SELECT to_char(d.earliest_reapply_on, 'YYYY-MM-DD') AS "earliestReapplyOn"
       FROM participation_decisions d JOIN participations p ON p.id = d.participation_id
      WHERE p.community_id = $1 AND p.club_id = $2 AND d.outcome = $3
        AND NOT EXISTS (SELECT 1 FROM decision_appeals a WHERE a.decision_id = d.id AND a.status = 'overturned')
      ORDER BY d.decided_at DESC LIMIT 1`,
    [communityId, clubId, outcome],
  );
  return latest?.earliestReapplyOn ?? null;
}

function withoutKey<T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> {
  const { [key]: _dropped, ...rest } = value;
  return rest;
}
