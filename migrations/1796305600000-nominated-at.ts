import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a candidacy was (last) nominated, kept on the participation (issue 14): the officials' list of
 * candidacies computed it for every candidacy of the country by a subquery over the event history,
 * then sorted them all to show fifty (2.3 times slower at ten times the country). `nominated_at` is
 * the latest `created_at` of the participation's events to 'candidate' — exactly what the subquery
 * read — kept by triggers on participation_events in the writer's own transaction (a re-nomination
 * after a suspension moves it; it stays after the candidacy is decided, like the history it mirrors).
 * A partial index in the list's order (unknown time last, then id) lets a page stop at its limit.
 */
export class NominatedAt1796305600000 implements MigrationInterface {
  name = 'NominatedAt1796305600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE participations ADD COLUMN nominated_at timestamptz`);
    await queryRunner.query(`
      CREATE FUNCTION participation_nominated_at(p_id uuid) RETURNS void LANGUAGE sql AS $$
        UPDATE participations p
           SET nominated_at = (SELECT max(e.created_at) FROM participation_events e WHERE e.participation_id = p_id AND e.to_status = 'candidate')
         WHERE p.id = p_id
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION participation_nominated_at_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'DELETE' THEN PERFORM participation_nominated_at(NEW.participation_id); END IF;
        IF TG_OP <> 'INSERT' AND OLD.participation_id IS DISTINCT FROM NEW.participation_id THEN
          PERFORM participation_nominated_at(OLD.participation_id);
        END IF;
        RETURN NULL;
      END $$`);
    // Only events to or from 'candidate' can move the latest nomination.
    await queryRunner.query(`
      CREATE TRIGGER participation_nominated_at_insert AFTER INSERT ON participation_events
      FOR EACH ROW WHEN (NEW.to_status = 'candidate') EXECUTE FUNCTION participation_nominated_at_trigger()`);
    await queryRunner.query(`
      CREATE TRIGGER participation_nominated_at_update AFTER UPDATE OF participation_id, to_status, created_at ON participation_events
      FOR EACH ROW WHEN (OLD.to_status = 'candidate' OR NEW.to_status = 'candidate') EXECUTE FUNCTION participation_nominated_at_trigger()`);
    await queryRunner.query(`
      CREATE TRIGGER participation_nominated_at_delete AFTER DELETE ON participation_events
      FOR EACH ROW WHEN (OLD.to_status = 'candidate') EXECUTE FUNCTION participation_nominated_at_trigger()`);
    await queryRunner.query(RECOMPUTE_FUNCTION);
    await queryRunner.query(`SELECT recompute_nominated_at()`);
    await queryRunner.query(`
      CREATE INDEX participation_candidacy_order ON participations ((COALESCE(nominated_at, 'infinity'::timestamptz)), id)
      WHERE status = 'candidate'`);
    // The planner's statistics for the new column and expression (a server without autovacuum would plan blind).
    await queryRunner.query(`ANALYZE participations`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX participation_candidacy_order`);
    await queryRunner.query(`DROP TRIGGER participation_nominated_at_delete ON participation_events`);
    await queryRunner.query(`DROP TRIGGER participation_nominated_at_update ON participation_events`);
    await queryRunner.query(`DROP TRIGGER participation_nominated_at_insert ON participation_events`);
    await queryRunner.query(`DROP FUNCTION participation_nominated_at_trigger()`);
    await queryRunner.query(`DROP FUNCTION participation_nominated_at(uuid)`);
    await queryRunner.query(`DROP FUNCTION recompute_nominated_at()`);
    await queryRunner.query(`ALTER TABLE participations DROP COLUMN nominated_at`);
  }
}

/**
 * The backfill, and the repair after a bulk load that ran without triggers (the scale generator
 * loads with `session_replication_role = replica`): every participation's latest nomination, once.
 */
const RECOMPUTE_FUNCTION = `
  CREATE FUNCTION recompute_nominated_at() RETURNS void LANGUAGE sql AS $$
    UPDATE participations p SET nominated_at = n.at
      FROM (SELECT pp.id, (SELECT max(e.created_at) FROM participation_events e
                            WHERE e.participation_id = pp.id AND e.to_status = 'candidate') AS at
              FROM participations pp) n
     WHERE n.id = p.id AND p.nominated_at IS DISTINCT FROM n.at;
  $$`;
