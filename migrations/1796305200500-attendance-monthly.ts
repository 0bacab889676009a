import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attendance summed per club × month × community (issue 14): the officials' dashboard scanned every
 * attendance record of the country (2.17 M at ten times the country) and grouped the period's on each
 * call. `attendance_monthly` holds, for the scheduled meetings only, per club, month and community:
 * how many attendance records (`n`), present ones and counted ones (not excused). Two months are kept
 * because the dashboard selects meetings by the period's instants (whole months at UTC+5, `bucket`)
 * but labels them with the Asia/Almaty month (`month`), which differs before March 2024 (UTC+6).
 * Triggers keep it in the writer's own transaction by increments and decrements — an attendance record
 * written, corrected or removed, a meeting moved, cancelled or deleted — touching rows in key order.
 */
export class AttendanceMonthly1796305200500 implements MigrationInterface {
  name = 'AttendanceMonthly1796305200500';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "attendance_monthly" (
        "club_id" uuid NOT NULL REFERENCES clubs(id) ON DELETE CASCADE,
        "bucket" text NOT NULL,
        "month" text NOT NULL,
        "community_id" uuid NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
        "n" integer NOT NULL CHECK (n >= 0),
        "present" integer NOT NULL CHECK (present >= 0),
        "records" integer NOT NULL CHECK (records >= 0),
        PRIMARY KEY ("club_id", "bucket", "month", "community_id"))`);
    // A decrement (or a change within one record) updates; an increment of records upserts.
    await queryRunner.query(`
      CREATE FUNCTION attendance_monthly_add(p_club uuid, p_bucket text, p_month text, p_community uuid, p_n integer, p_present integer, p_records integer)
      RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF p_n <= 0 THEN
          UPDATE attendance_monthly SET n = n + p_n, present = present + p_present, records = records + p_records
           WHERE club_id = p_club AND bucket = p_bucket AND month = p_month AND community_id = p_community;
        ELSE
          INSERT INTO attendance_monthly AS k (club_id, bucket, month, community_id, n, present, records)
          VALUES (p_club, p_bucket, p_month, p_community, p_n, p_present, p_records)
          ON CONFLICT (club_id, bucket, month, community_id)
          DO UPDATE SET n = k.n + EXCLUDED.n, present = k.present + EXCLUDED.present, records = k.records + EXCLUDED.records;
        END IF;
      END $$`);
    // Where a meeting's records are counted: NULL for a cancelled (or missing) meeting.
    await queryRunner.query(`
      CREATE FUNCTION attendance_monthly_key(p_club uuid, p_starts_at timestamptz, p_status text, OUT club_id uuid, OUT bucket text, OUT month text)
      LANGUAGE sql STABLE AS $$
        SELECT CASE WHEN p_status = 'scheduled' THEN p_club END,
               CASE WHEN p_status = 'scheduled' THEN to_char((p_starts_at AT TIME ZONE 'UTC') + interval '5 hours', 'YYYY-MM') END,
               CASE WHEN p_status = 'scheduled' THEN to_char(p_starts_at AT TIME ZONE 'Asia/Almaty', 'YYYY-MM') END
      $$`);
    // Moves one attendance record's contribution; the two rows are touched in key order so that two
    // opposite moves at once wait for each other instead of deadlocking.
    await queryRunner.query(`
      CREATE FUNCTION attendance_monthly_move(
        o_club uuid, o_bucket text, o_month text, o_community uuid, o_status text,
        n_club uuid, n_bucket text, n_month text, n_community uuid, n_status text) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE o_present integer := (o_status = 'present')::int; o_records integer := (o_status <> 'excused')::int;
              n_present integer := (n_status = 'present')::int; n_records integer := (n_status <> 'excused')::int;
      BEGIN
        IF o_club IS NOT NULL AND (o_club, o_bucket, o_month, o_community) = (n_club, n_bucket, n_month, n_community) THEN
          IF o_status <> n_status THEN
            PERFORM attendance_monthly_add(o_club, o_bucket, o_month, o_community, 0, n_present - o_present, n_records - o_records);
          END IF;
        ELSIF n_club IS NULL OR (o_club IS NOT NULL AND (o_club, o_bucket, o_month, o_community) < (n_club, n_bucket, n_month, n_community)) THEN
          IF o_club IS NOT NULL THEN PERFORM attendance_monthly_add(o_club, o_bucket, o_month, o_community, -1, -o_present, -o_records); END IF;
          IF n_club IS NOT NULL THEN PERFORM attendance_monthly_add(n_club, n_bucket, n_month, n_community, 1, n_present, n_records); END IF;
        ELSE
          PERFORM attendance_monthly_add(n_club, n_bucket, n_month, n_community, 1, n_present, n_records);
          IF o_club IS NOT NULL THEN PERFORM attendance_monthly_add(o_club, o_bucket, o_month, o_community, -1, -o_present, -o_records); END IF;
        END IF;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION attendance_monthly_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE old_key record; new_key record;
      BEGIN
        -- A record's meeting is read as of now: a meeting deleted in this transaction has already taken
        -- its records out (meeting_attendance_monthly_trigger), so they are not taken out twice.
        IF TG_OP <> 'INSERT' THEN
          SELECT k.* INTO old_key FROM meetings m, attendance_monthly_key(m.club_id, m.starts_at, m.status) k WHERE m.id = OLD.meeting_id;
        END IF;
        IF TG_OP <> 'DELETE' THEN
          -- A new or corrected record is invisible to a concurrent move of its meeting: wait for that move instead.
          SELECT k.* INTO new_key FROM (SELECT * FROM meetings WHERE id = NEW.meeting_id FOR SHARE) m, attendance_monthly_key(m.club_id, m.starts_at, m.status) k;
        END IF;
        IF TG_OP = 'INSERT' THEN
          PERFORM attendance_monthly_move(NULL, NULL, NULL, NULL, NULL, new_key.club_id, new_key.bucket, new_key.month, NEW.community_id, NEW.status);
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM attendance_monthly_move(old_key.club_id, old_key.bucket, old_key.month, OLD.community_id, OLD.status, NULL, NULL, NULL, NULL, NULL);
        ELSE
          PERFORM attendance_monthly_move(old_key.club_id, old_key.bucket, old_key.month, OLD.community_id, OLD.status, new_key.club_id, new_key.bucket, new_key.month, NEW.community_id, NEW.status);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER attendance_monthly AFTER INSERT OR DELETE OR UPDATE OF status, meeting_id, community_id ON attendance
      FOR EACH ROW EXECUTE FUNCTION attendance_monthly_trigger()`);
    // A meeting moved (start, club) or cancelled moves its records; a deleted one takes them out before
    // the cascade removes them. Its records are locked, and their latest status read: a correction
    // running meanwhile either committed first (read here) or waits and then reads the moved meeting.
    await queryRunner.query(`
      CREATE FUNCTION meeting_attendance_monthly_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE from_key record; to_key record; op record;
      BEGIN
        SELECT * INTO from_key FROM attendance_monthly_key(OLD.club_id, OLD.starts_at, OLD.status);
        IF TG_OP = 'DELETE' THEN
          SELECT NULL::uuid AS club_id, NULL::text AS bucket, NULL::text AS month INTO to_key;
        ELSE
          SELECT * INTO to_key FROM attendance_monthly_key(NEW.club_id, NEW.starts_at, NEW.status);
        END IF;
        IF (from_key.club_id, from_key.bucket, from_key.month) IS DISTINCT FROM (to_key.club_id, to_key.bucket, to_key.month) THEN
          FOR op IN
            WITH locked AS (SELECT a.community_id, a.status FROM attendance a WHERE a.meeting_id = OLD.id FOR UPDATE),
                 per AS (SELECT l.community_id, count(*)::int AS cnt, count(*) FILTER (WHERE l.status = 'present')::int AS pres,
                                count(*) FILTER (WHERE l.status <> 'excused')::int AS recs FROM locked l GROUP BY 1)
            SELECT * FROM (SELECT from_key.club_id AS club, from_key.bucket AS bkt, from_key.month AS mon, community_id AS community, -cnt AS cnt, -pres AS pres, -recs AS recs
                             FROM per WHERE from_key.club_id IS NOT NULL
                           UNION ALL
                           SELECT to_key.club_id, to_key.bucket, to_key.month, community_id, cnt, pres, recs FROM per WHERE to_key.club_id IS NOT NULL) ops
             ORDER BY club, bkt, mon, community LOOP
            PERFORM attendance_monthly_add(op.club, op.bkt, op.mon, op.community, op.cnt, op.pres, op.recs);
          END LOOP;
        END IF;
        -- Before a deletion, NULL would cancel it.
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER meeting_attendance_monthly AFTER UPDATE OF status, starts_at, club_id ON meetings
      FOR EACH ROW EXECUTE FUNCTION meeting_attendance_monthly_trigger()`);
    await queryRunner.query(`
      CREATE TRIGGER meeting_attendance_monthly_delete BEFORE DELETE ON meetings
      FOR EACH ROW EXECUTE FUNCTION meeting_attendance_monthly_trigger()`);
    await queryRunner.query(RECOUNT_FUNCTION);
    await queryRunner.query(`SELECT recount_attendance_monthly()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER meeting_attendance_monthly_delete ON meetings`);
    await queryRunner.query(`DROP TRIGGER meeting_attendance_monthly ON meetings`);
    await queryRunner.query(`DROP TRIGGER attendance_monthly ON attendance`);
    await queryRunner.query(`DROP FUNCTION meeting_attendance_monthly_trigger()`);
    await queryRunner.query(`DROP FUNCTION attendance_monthly_trigger()`);
    await queryRunner.query(`DROP FUNCTION attendance_monthly_move(uuid, text, text, uuid, text, uuid, text, text, uuid, text)`);
    await queryRunner.query(`DROP FUNCTION attendance_monthly_key(uuid, timestamptz, text)`);
    await queryRunner.query(`DROP FUNCTION attendance_monthly_add(uuid, text, text, uuid, integer, integer, integer)`);
    await queryRunner.query(`DROP FUNCTION recount_attendance_monthly()`);
    await queryRunner.query(`DROP TABLE "attendance_monthly"`);
  }
}

/**
 * The backfill, and the repair after a bulk load that ran without triggers (the scale generator
 * loads with `session_replication_role = replica`): sums everything once, under locks that keep
 * writers out meanwhile.
 */
const RECOUNT_FUNCTION = `
  CREATE FUNCTION recount_attendance_monthly() RETURNS void LANGUAGE sql AS $$
    LOCK TABLE meetings, attendance IN SHARE MODE;
    DELETE FROM attendance_monthly;
    INSERT INTO attendance_monthly (club_id, bucket, month, community_id, n, present, records)
    SELECT k.club_id, k.bucket, k.month, a.community_id, count(*),
           count(*) FILTER (WHERE a.status = 'present'), count(*) FILTER (WHERE a.status <> 'excused')
      FROM meetings m CROSS JOIN LATERAL attendance_monthly_key(m.club_id, m.starts_at, m.status) k
      JOIN attendance a ON a.meeting_id = m.id
     WHERE k.club_id IS NOT NULL
     GROUP BY 1, 2, 3, 4;
  $$`;
