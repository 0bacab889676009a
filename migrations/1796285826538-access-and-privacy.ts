import { MigrationInterface, QueryRunner } from 'typeorm';

export class AccessAndPrivacy1796285826538 implements MigrationInterface {
  name = 'AccessAndPrivacy1796285826538';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"sensitive_events\" (\"id\" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, \"occurred_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"kind\" text NOT NULL, \"actor_id\" uuid, \"actor_role\" text, \"community_ids\" uuid array NOT NULL DEFAULT '{}', \"resource\" text NOT NULL, \"details\" jsonb NOT NULL DEFAULT '{}', \"request_id\" text, CONSTRAINT \"PK_da10bb6822dc789eec94ddf3740\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"sensitive_event_time\" ON \"sensitive_events\"  (\"occurred_at\") ");
    await queryRunner.query("CREATE INDEX \"sensitive_event_communities\" ON \"sensitive_events\" USING gin (\"community_ids\") ");
    await queryRunner.query("CREATE TABLE \"registration_claims\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"community_id\" uuid NOT NULL, \"registered_name\" text NOT NULL, \"registration_number\" text NOT NULL, \"registration_date\" date NOT NULL, \"issuing_body\" text NOT NULL, \"status\" text NOT NULL DEFAULT 'pending', \"claimed_by_id\" uuid NOT NULL, \"claimed_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"decided_by_id\" uuid, \"decided_at\" TIMESTAMP WITH TIME ZONE, \"rejection_reason\" text, CONSTRAINT \"registration_claim_decided\" CHECK ((status = 'pending') = (decided_at IS NULL)), CONSTRAINT \"registration_claim_status\" CHECK (status IN ('pending', 'verified', 'rejected')), CONSTRAINT \"PK_8c1976ccc264b25530e9ae2f1ed\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"registration_claim_pending\" ON \"registration_claims\"  (\"community_id\") WHERE status = 'pending'");
    await queryRunner.query("ALTER TABLE \"communities\" ADD \"registration_issuing_body\" text");
    await queryRunner.query("ALTER TABLE \"users\" ADD \"erased_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"agenda_items\" ADD \"presenter_community_id\" uuid");
    await queryRunner.query("ALTER TABLE \"email_outbox\" ADD \"kind\" text");
    await queryRunner.query("ALTER TABLE \"email_outbox\" ADD \"community_id\" uuid");
    await queryRunner.query("ALTER TABLE \"registration_claims\" ADD CONSTRAINT \"FK_6bedc652c3c34281c02d6656496\" FOREIGN KEY (\"community_id\") REFERENCES \"communities\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"registration_claims\" ADD CONSTRAINT \"FK_c2f0b32fd4090b76f682600e0d8\" FOREIGN KEY (\"claimed_by_id\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"registration_claims\" ADD CONSTRAINT \"FK_13779d997e26f4638b2e1297193\" FOREIGN KEY (\"decided_by_id\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"agenda_items\" ADD CONSTRAINT \"FK_eabe3d5c5f60dc2e5b7aa7f0b18\" FOREIGN KEY (\"presenter_community_id\") REFERENCES \"communities\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");

    // The record of sensitive events replaces the official-reads table: each old row becomes a read event.
    await queryRunner.query(`INSERT INTO sensitive_events (occurred_at, kind, actor_id, actor_role, community_ids, resource)
      SELECT read_at, 'read', reader_id, 'official', ARRAY[community_id], resource FROM sensitive_reads ORDER BY read_at`);
    await queryRunner.query(`DROP TABLE "sensitive_reads"`);
    await queryRunner.query(`CREATE FUNCTION sensitive_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'sensitive_events is append-only'; END $$`);
    await queryRunner.query(`CREATE TRIGGER sensitive_events_append_only BEFORE UPDATE OR DELETE ON sensitive_events
      FOR EACH STATEMENT EXECUTE FUNCTION sensitive_events_append_only()`);
    // Registrations entered before claims existed were the secretariat's pre-launch data: recorded as verified by this migration (docs/domain.md, P7).
    await queryRunner.query(`INSERT INTO sensitive_events (kind, community_ids, resource, details)
      SELECT 'registration.verified', ARRAY[id], 'community.registration', '{"source":"migration"}'::jsonb
        FROM communities WHERE registration_status = 'registered'`);
    // A free-text presenter that names one of the club's communities becomes that community (P10).
    await queryRunner.query(`UPDATE agenda_items a SET presenter_community_id = c.id, presenter = ''
       FROM meetings m, participations p, communities c
      WHERE m.id = a.meeting_id AND p.club_id = m.club_id AND c.id = p.community_id
        AND a.presenter <> '' AND lower(a.presenter) LIKE '%' || lower(c.name) || '%'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER sensitive_events_append_only ON sensitive_events`);
    await queryRunner.query(`DROP FUNCTION sensitive_events_append_only()`);
    await queryRunner.query(`UPDATE agenda_items a SET presenter = c.name FROM communities c WHERE c.id = a.presenter_community_id`);
    await queryRunner.query("CREATE TABLE \"sensitive_reads\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"reader_id\" uuid NOT NULL, \"community_id\" uuid NOT NULL, \"resource\" text NOT NULL, \"read_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_87b46712301608b234e33b5e110\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_ae65a85b4e6ede8e71e765beed\" ON \"sensitive_reads\"  (\"community_id\") ");
    await queryRunner.query(`INSERT INTO sensitive_reads (reader_id, community_id, resource, read_at)
      SELECT e.actor_id, c.id, e.resource, e.occurred_at FROM sensitive_events e
        CROSS JOIN LATERAL unnest(e.community_ids) AS ids(id) JOIN communities c ON c.id = ids.id
        JOIN users u ON u.id = e.actor_id WHERE e.kind = 'read'`);
    await queryRunner.query("ALTER TABLE \"sensitive_reads\" ADD CONSTRAINT \"FK_132804290d09caa5dbd0c871750\" FOREIGN KEY (\"reader_id\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"sensitive_reads\" ADD CONSTRAINT \"FK_ae65a85b4e6ede8e71e765beedc\" FOREIGN KEY (\"community_id\") REFERENCES \"communities\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"agenda_items\" DROP CONSTRAINT \"FK_eabe3d5c5f60dc2e5b7aa7f0b18\"");
    await queryRunner.query("ALTER TABLE \"registration_claims\" DROP CONSTRAINT \"FK_13779d997e26f4638b2e1297193\"");
    await queryRunner.query("ALTER TABLE \"registration_claims\" DROP CONSTRAINT \"FK_c2f0b32fd4090b76f682600e0d8\"");
    await queryRunner.query("ALTER TABLE \"registration_claims\" DROP CONSTRAINT \"FK_6bedc652c3c34281c02d6656496\"");
    await queryRunner.query("ALTER TABLE \"email_outbox\" DROP COLUMN \"community_id\"");
    await queryRunner.query("ALTER TABLE \"email_outbox\" DROP COLUMN \"kind\"");
    await queryRunner.query("ALTER TABLE \"agenda_items\" DROP COLUMN \"presenter_community_id\"");
    await queryRunner.query("ALTER TABLE \"users\" DROP COLUMN \"erased_at\"");
    await queryRunner.query("ALTER TABLE \"communities\" DROP COLUMN \"registration_issuing_body\"");
    await queryRunner.query("DROP INDEX \"public\".\"registration_claim_pending\"");
    await queryRunner.query("DROP TABLE \"registration_claims\"");
    await queryRunner.query("DROP INDEX \"public\".\"sensitive_event_communities\"");
    await queryRunner.query("DROP INDEX \"public\".\"sensitive_event_time\"");
    await queryRunner.query("DROP TABLE \"sensitive_events\"");
  }
}
