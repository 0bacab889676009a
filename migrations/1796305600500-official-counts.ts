import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-club counters of participations by what an official may read of the community (issue 14): the
 * officials' list of candidacies counted the ones it may not name, per club, by reading every
 * candidacy of the country (27 ms of its 39 at ten times the country). `club_participation_counts`
 * cannot answer it: its 'open' class joins registered and public communities, and a public
 * community that did not consent is hidden from officials. `club_official_counts` holds, per club
 * and status, how many participations have a community officials may read (registered, or
 * consenting: 'named') and how many not ('hidden'); the access module subtracts the caller's own
 * clubs and communities (apps/api/src/access/access.service.ts officialHiddenCountsSql). Triggers
 * keep it in the writer's own transaction, as those of 1796305300000-club-counts keep theirs.
 */
export class OfficialCounts1796305600500 implements MigrationInterface {
  name = 'OfficialCounts1796305600500';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // libs/domain officialMayRead, for a community: not sensitive (registered), or consenting.
    await queryRunner.query(`
      CREATE FUNCTION community_official_class(registration_status text, official_consent_at timestamptz)
      RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN registration_status = 'registered' OR official_consent_at IS NOT NULL THEN 'named' ELSE 'hidden' END
      $$`);
    await queryRunner.query(`
      CREATE TABLE "club_official_counts" (
        "club_id" uuid NOT NULL REFERENCES clubs(id) ON DELETE CASCADE,
        "status" text NOT NULL,
        "official_class" text NOT NULL CHECK (official_class IN ('named', 'hidden')),
        "n" integer NOT NULL CHECK (n >= 0),
        PRIMARY KEY ("club_id", "status", "official_class"))`);
    await queryRunner.query(`
      CREATE FUNCTION official_count_add(p_club uuid, p_status text, p_class text, p_delta integer) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF p_delta < 0 THEN
          UPDATE club_official_counts SET n = n + p_delta WHERE club_id = p_club AND status = p_status AND official_class = p_class;
        ELSE
          INSERT INTO club_official_counts AS k (club_id, status, official_class, n) VALUES (p_club, p_status, p_class, p_delta)
          ON CONFLICT (club_id, status, official_class) DO UPDATE SET n = k.n + EXCLUDED.n;
        END IF;
      END $$`);
    // The two rows in key order, so that two opposite transitions at once wait for each other instead of deadlocking.
    await queryRunner.query(`
      CREATE FUNCTION official_count_move(old_club uuid, old_status text, old_class text, new_club uuid, new_status text, new_class text)
      RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF (old_club, old_status, old_class) IS NOT DISTINCT FROM (new_club, new_status, new_class) THEN RETURN; END IF;
        IF new_club IS NULL OR (old_club IS NOT NULL AND (old_club, old_status, old_class) < (new_club, new_status, new_class)) THEN
          PERFORM official_count_add(old_club, old_status, old_class, -1);
          IF new_club IS NOT NULL THEN PERFORM official_count_add(new_club, new_status, new_class, 1); END IF;
        ELSE
          PERFORM official_count_add(new_club, new_status, new_class, 1);
          IF old_club IS NOT NULL THEN PERFORM official_count_add(old_club, old_status, old_class, -1); END IF;
        END IF;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION participation_official_counts_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE old_class text; new_class text;
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          SELECT community_official_class(c.registration_status, c.official_consent_at) INTO old_class FROM communities c WHERE c.id = OLD.community_id;
        END IF;
        IF TG_OP = 'INSERT' THEN
          -- A new row is invisible to a concurrent change of the community's class: wait for that change instead.
          SELECT community_official_class(c.registration_status, c.official_consent_at) INTO new_class
            FROM communities c WHERE c.id = NEW.community_id FOR SHARE;
        ELSIF TG_OP = 'UPDATE' THEN
          SELECT community_official_class(c.registration_status, c.official_consent_at) INTO new_class FROM communities c WHERE c.id = NEW.community_id;
        END IF;
        IF TG_OP = 'INSERT' THEN
          PERFORM official_count_move(NULL, NULL, NULL, NEW.club_id, NEW.status, new_class);
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM official_count_move(OLD.club_id, OLD.status, old_class, NULL, NULL, NULL);
        ELSE
          PERFORM official_count_move(OLD.club_id, OLD.status, old_class, NEW.club_id, NEW.status, new_class);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER participation_official_counts AFTER INSERT OR DELETE OR UPDATE OF status, club_id, community_id ON participations
      FOR EACH ROW EXECUTE FUNCTION participation_official_counts_trigger()`);
    await queryRunner.query(`
      CREATE FUNCTION community_official_counts_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE old_class text := community_official_class(OLD.registration_status, OLD.official_consent_at);
              new_class text := community_official_class(NEW.registration_status, NEW.official_consent_at);
              p record;
      BEGIN
        IF old_class <> new_class THEN
          -- Locks the community's participations and reads their latest status (as community_counts_trigger does).
          FOR p IN WITH locked AS (UPDATE participations SET updated_at = updated_at WHERE community_id = NEW.id RETURNING club_id, status)
                   SELECT club_id, status FROM locked ORDER BY club_id, status LOOP
            PERFORM official_count_move(p.club_id, p.status, old_class, p.club_id, p.status, new_class);
          END LOOP;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER community_official_counts AFTER UPDATE OF registration_status, official_consent_at ON communities
      FOR EACH ROW EXECUTE FUNCTION community_official_counts_trigger()`);
    await queryRunner.query(RECOUNT_FUNCTION);
    await queryRunner.query(`SELECT recount_club_official_counts()`);
    // Statistics for the new table: never analyzed, the planner takes it for one row and joins it badly.
    await queryRunner.query(`ANALYZE club_official_counts`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER community_official_counts ON communities`);
    await queryRunner.query(`DROP TRIGGER participation_official_counts ON participations`);
    await queryRunner.query(`DROP FUNCTION community_official_counts_trigger()`);
    await queryRunner.query(`DROP FUNCTION participation_official_counts_trigger()`);
    await queryRunner.query(`DROP FUNCTION official_count_move(uuid, text, text, uuid, text, text)`);
    await queryRunner.query(`DROP FUNCTION official_count_add(uuid, text, text, integer)`);
    await queryRunner.query(`DROP FUNCTION recount_club_official_counts()`);
    await queryRunner.query(`DROP TABLE "club_official_counts"`);
    await queryRunner.query(`DROP FUNCTION community_official_class(text, timestamptz)`);
  }
}

/** The backfill, and the repair after a bulk load that ran without triggers (the scale generator's). */
const RECOUNT_FUNCTION = `
  CREATE FUNCTION recount_club_official_counts() RETURNS void LANGUAGE sql AS $$
    LOCK TABLE participations IN SHARE MODE;
    DELETE FROM club_official_counts;
    INSERT INTO club_official_counts (club_id, status, official_class, n)
    SELECT p.club_id, p.status, community_official_class(c.registration_status, c.official_consent_at), count(*)
      FROM participations p JOIN communities c ON c.id = p.community_id
     GROUP BY 1, 2, 3;
  $$`;
