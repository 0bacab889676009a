import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-club participation counters (issue 14): the clubs list aggregated every participation of the
 * country on each call (481 ms at ten times the country). `club_participation_counts` holds, per
 * club, status and privacy class of the community (libs/domain ClubCommunityCounts: open = registered
 * or public, consenting = protected with officials' consent, closed = the rest), how many
 * participations there are. Triggers keep it in the writer's own transaction by increments and
 * decrements — a participation changing status, or a community changing what decides its class —
 * so concurrent transitions serialize on the counter rows they touch and never recount.
 */
export class ClubCounts1796305300000 implements MigrationInterface {
  name = 'ClubCounts1796305300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION community_privacy_class(registration_status text, is_public boolean, official_consent_at timestamptz)
      RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN registration_status = 'registered' OR is_public THEN 'open'
                    WHEN official_consent_at IS NOT NULL THEN 'consenting'
                    ELSE 'closed' END
      $$`);
    await queryRunner.query(`
      CREATE TABLE "club_participation_counts" (
        "club_id" uuid NOT NULL REFERENCES clubs(id) ON DELETE CASCADE,
        "status" text NOT NULL,
        "privacy_class" text NOT NULL CHECK (privacy_class IN ('open', 'consenting', 'closed')),
        "n" integer NOT NULL CHECK (n >= 0),
        PRIMARY KEY ("club_id", "status", "privacy_class"))`);
    // A decrement updates (the CHECK would refuse an upsert's proposed row of -1); an increment upserts.
    await queryRunner.query(`
      CREATE FUNCTION club_count_add(p_club uuid, p_status text, p_class text, p_delta integer) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF p_delta < 0 THEN
          UPDATE club_participation_counts SET n = n + p_delta WHERE club_id = p_club AND status = p_status AND privacy_class = p_class;
        ELSE
          INSERT INTO club_participation_counts AS k (club_id, status, privacy_class, n) VALUES (p_club, p_status, p_class, p_delta)
          ON CONFLICT (club_id, status, privacy_class) DO UPDATE SET n = k.n + EXCLUDED.n;
        END IF;
      END $$`);
    // Moves one participation from one counter to another; the two rows are touched in key order so
    // that two opposite transitions at once wait for each other instead of deadlocking.
    await queryRunner.query(`
      CREATE FUNCTION club_count_move(old_club uuid, old_status text, old_class text, new_club uuid, new_status text, new_class text)
      RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF (old_club, old_status, old_class) IS NOT DISTINCT FROM (new_club, new_status, new_class) THEN RETURN; END IF;
        IF new_club IS NULL OR (old_club IS NOT NULL AND (old_club, old_status, old_class) < (new_club, new_status, new_class)) THEN
          PERFORM club_count_add(old_club, old_status, old_class, -1);
          IF new_club IS NOT NULL THEN PERFORM club_count_add(new_club, new_status, new_class, 1); END IF;
        ELSE
          PERFORM club_count_add(new_club, new_status, new_class, 1);
          IF old_club IS NOT NULL THEN PERFORM club_count_add(old_club, old_status, old_class, -1); END IF;
        END IF;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION participation_counts_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE old_class text; new_class text;
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          SELECT community_privacy_class(c.registration_status, c.is_public, c.official_consent_at) INTO old_class
            FROM communities c WHERE c.id = OLD.community_id;
        END IF;
        IF TG_OP = 'INSERT' THEN
          -- A new row is invisible to a concurrent change of the community's class: wait for that change instead.
          SELECT community_privacy_class(c.registration_status, c.is_public, c.official_consent_at) INTO new_class
            FROM communities c WHERE c.id = NEW.community_id FOR SHARE;
        ELSIF TG_OP = 'UPDATE' THEN
          SELECT community_privacy_class(c.registration_status, c.is_public, c.official_consent_at) INTO new_class
            FROM communities c WHERE c.id = NEW.community_id;
        END IF;
        IF TG_OP = 'INSERT' THEN
          PERFORM club_count_move(NULL, NULL, NULL, NEW.club_id, NEW.status, new_class);
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM club_count_move(OLD.club_id, OLD.status, old_class, NULL, NULL, NULL);
        ELSE
          PERFORM club_count_move(OLD.club_id, OLD.status, old_class, NEW.club_id, NEW.status, new_class);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER participation_counts AFTER INSERT OR DELETE OR UPDATE OF status, club_id, community_id ON participations
      FOR EACH ROW EXECUTE FUNCTION participation_counts_trigger()`);
    await queryRunner.query(`
      CREATE FUNCTION community_counts_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE old_class text := community_privacy_class(OLD.registration_status, OLD.is_public, OLD.official_consent_at);
              new_class text := community_privacy_class(NEW.registration_status, NEW.is_public, NEW.official_consent_at);
              p record;
      BEGIN
        IF old_class <> new_class THEN
          -- Locks the community's participations and reads their latest status: a transition running meanwhile
          -- either committed first (its status is read here) or waits and then reads the new class.
          FOR p IN WITH locked AS (UPDATE participations SET updated_at = updated_at WHERE community_id = NEW.id RETURNING club_id, status)
                   SELECT club_id, status FROM locked ORDER BY club_id, status LOOP
            PERFORM club_count_move(p.club_id, p.status, old_class, p.club_id, p.status, new_class);
          END LOOP;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER community_counts AFTER UPDATE OF registration_status, is_public, official_consent_at ON communities
      FOR EACH ROW EXECUTE FUNCTION community_counts_trigger()`);
    await queryRunner.query(RECOUNT_FUNCTION);
    await queryRunner.query(`SELECT recount_club_participations()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER community_counts ON communities`);
    await queryRunner.query(`DROP TRIGGER participation_counts ON participations`);
    await queryRunner.query(`DROP FUNCTION community_counts_trigger()`);
    await queryRunner.query(`DROP FUNCTION participation_counts_trigger()`);
    await queryRunner.query(`DROP FUNCTION club_count_move(uuid, text, text, uuid, text, text)`);
    await queryRunner.query(`DROP FUNCTION club_count_add(uuid, text, text, integer)`);
    await queryRunner.query(`DROP FUNCTION recount_club_participations()`);
    await queryRunner.query(`DROP TABLE "club_participation_counts"`);
    await queryRunner.query(`DROP FUNCTION community_privacy_class(text, boolean, timestamptz)`);
  }
}

/**
 * The backfill, and the repair after a bulk load that ran without triggers (the scale generator
 * loads with `session_replication_role = replica`): counts everything once, under a lock that
 * keeps transitions out meanwhile.
 */
const RECOUNT_FUNCTION = `
  CREATE FUNCTION recount_club_participations() RETURNS void LANGUAGE sql AS $$
    LOCK TABLE participations IN SHARE MODE;
    DELETE FROM club_participation_counts;
    INSERT INTO club_participation_counts (club_id, status, privacy_class, n)
    SELECT p.club_id, p.status, community_privacy_class(c.registration_status, c.is_public, c.official_consent_at), count(*)
      FROM participations p JOIN communities c ON c.id = p.community_id
     GROUP BY 1, 2, 3;
  $$`;
