import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LIVE_STATUSES, type ViewerContext } from '@dastarkhan/domain';
import { SensitiveEventsService } from '../access/sensitive-events.service';
import { AppError } from '../common/errors/app-error';
import { AppConfig } from '../config/app-config';
import { PROTECTED_PROFILE } from './audited-profile';
import { ErasureLedger } from './erasure-ledger';

type ErasedFields = Record<(typeof PROTECTED_PROFILE)[number], string | null>;

/** What an erased representative's account keeps: a placeholder name and an address that cannot receive mail. */
export const ERASED_NAME = '—';

/**
 * The right to be forgotten (docs/domain.md, P11): removes a community's personal data everywhere
 * it was copied — contact details, leaders, meeting place, statements and texts its people wrote,
 * sponsors' statements about it, the names and reasons in notifications and emails, and its
 * representatives' accounts. Its name and the aggregate history (events, attendance,
 * contributions) stay, so every club's figures stay true. The record of sensitive events holds no
 * values (masked at write time), so it is not touched.
 */
@Injectable()
export class ErasureService {
  private readonly ledger: ErasureLedger;

  constructor(
    private readonly events: SensitiveEventsService,
    config: AppConfig,
  ) {
    this.ledger = new ErasureLedger(config.ERASURE_LEDGER);
  }

  /**
   * Refused while the community still takes part in (or applied to) a club: its coordinators need the contacts.
   * `reapply`: after a restore, an erasure the ledger lists is made again whatever the restored
   * participations say (the community had withdrawn by then), by no one in particular.
   */
  async erase(manager: EntityManager, communityId: string, actor: ViewerContext | null, { reapply = false } = {}): Promise<void> {
    const [before]: ErasedFields[] = await manager.query(
      `SELECT contact_email AS "contactEmail", contact_phone AS "contactPhone", leaders, meeting_place AS "meetingPlace" FROM communities WHERE id = $1 FOR UPDATE`,
      [communityId],
    );
    const [live] = await manager.query(`SELECT 1 FROM participations WHERE community_id = $1 AND status = ANY($2) LIMIT 1`, [
      communityId,
      LIVE_STATUSES,
    ]);
    if (live && !reapply) {
      throw new AppError('COMMUNITY.HAS_LIVE_PARTICIPATIONS', 'The community still takes part in a club; withdraw there first');
    }
    await manager.query(
      `UPDATE communities SET version = version + 1, contact_email = NULL, contact_phone = NULL, leaders = '', meeting_place = '',
              contact_erased_at = now(), updated_at = now()
        WHERE id = $1`,
      [communityId],
    );
    const participations = `SELECT id FROM participations WHERE community_id = $1`;
    await manager.query(`UPDATE participations SET statement = '' WHERE community_id = $1`, [communityId]);
    await manager.query(`UPDATE sponsorships SET statement = '' WHERE participation_id IN (${participations})`, [communityId]);
    await manager.query(
      `UPDATE review_responses SET text = '' WHERE author_role = 'community'
          AND review_id IN (SELECT id FROM participation_reviews WHERE participation_id IN (${participations}))`,
      [communityId],
    );
    await manager.query(
      `UPDATE decision_appeals SET text = '' WHERE decision_id IN
         (SELECT id FROM participation_decisions WHERE participation_id IN (${participations}))`,
      [communityId],
    );
    // Other people's notifications keep the event, not the name or the reasons.
    await manager.query(
      `UPDATE notifications SET params = params - 'communityName' - 'reason'
        WHERE params->>'participationId' IN (SELECT id::text FROM participations WHERE community_id = $1)`,
      [communityId],
    );
    await manager.query(`UPDATE email_outbox SET subject = '', body = '' WHERE community_id = $1`, [communityId]);

    // Its representatives (who speak for no other community) lose their personal data and their sessions.
    const people: Array<{ id: string }> = await manager.query(
      `SELECT r.user_id AS id FROM role_assignments r WHERE r.role = 'representative' AND r.community_id = $1
          AND NOT EXISTS (SELECT 1 FROM role_assignments o WHERE o.user_id = r.user_id AND o.id <> r.id)`,
      [communityId],
    );
    const ids = people.map((p) => p.id);
    if (ids.length) {
      await manager.query(`UPDATE email_outbox SET to_address = 'erased@erased.invalid', subject = '', body = ''
                            WHERE to_address IN (SELECT email FROM users WHERE id = ANY($1))`, [ids]);
      await manager.query(`DELETE FROM notifications WHERE user_id = ANY($1)`, [ids]);
      await manager.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = ANY($1) AND revoked_at IS NULL`, [ids]);
      await manager.query(`DELETE FROM calendar_tokens WHERE user_id = ANY($1)`, [ids]);
      await manager.query(
        `UPDATE users SET display_name = $2, email = 'erased-' || id || '@erased.invalid', password_hash = '', erased_at = now()
          WHERE id = ANY($1)`,
        [ids, ERASED_NAME],
      );
    }
    await this.events.record(
      {
        kind: 'erasure',
        actor,
        actorRole: reapply ? 'system' : 'representative',
        communityIds: [communityId],
        resource: 'community',
        details: { accounts: ids.length, ...(reapply ? { reapplied: true } : {}) },
      },
      manager,
    );
    await this.events.changeBetween(manager, {
      actor,
      actorRole: reapply ? 'system' : 'representative',
      action: 'community.erased',
      resource: 'community',
      recordId: communityId,
      communityIds: [communityId],
      before,
      after: { contactEmail: null, contactPhone: null, leaders: '', meetingPlace: '' },
      fields: PROTECTED_PROFILE,
      masked: PROTECTED_PROFILE,
      details: { accounts: ids.length },
    });
    if (!reapply) this.ledger.note(communityId);
  }
}
