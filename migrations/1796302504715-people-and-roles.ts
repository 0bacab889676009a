import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People and roles without SQL (issue 12). Role assignments get dates and a reason and are never
 * deleted: the table becomes `role_grants` (the whole history) and `role_assignments` is a view of
 * the grants in force today (Almaty calendar day) of people not deactivated — so every rule that
 * reads roles keeps reading `role_assignments` and sees only what is in force. Invitations by
 * email (single-use link, 7 days) and deactivated people.
 */
export class PeopleAndRoles1796302504715 implements MigrationInterface {
  name = 'PeopleAndRoles1796302504715';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "deactivated_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "role_assignments" RENAME TO "role_grants"`);
    await queryRunner.query(`DROP INDEX "public"."role_assignment_unique"`);
    // Constraint names follow the table's name (TypeORM's naming strategy).
    await queryRunner.query(`ALTER TABLE "role_grants" RENAME CONSTRAINT "PK_fc2df9835ac1d2a34839f113783" TO "PK_f7cf33da46b9f884f2d459e0eff"`);
    await queryRunner.query(`ALTER TABLE "role_grants" RENAME CONSTRAINT "FK_d91c8ac0c10fd8c6acdcc5ee946" TO "FK_2b1c3c28ffbc09b85170c655d4b"`);
    await queryRunner.query(`ALTER TABLE "role_grants" RENAME CONSTRAINT "FK_bb58e28bb33eb5ee7ae6bd0d7a3" TO "FK_30d87891e19831fc98fe0a026b4"`);
    await queryRunner.query(`ALTER TABLE "role_grants" RENAME CONSTRAINT "FK_f7a7fab5e4be43f01aa2868d16b" TO "FK_5ba1e35f38e656c0820bc228851"`);
    // Day-based rules count Almaty calendar days (docs/domain.md § 3.1).
    await queryRunner.query(`CREATE FUNCTION almaty_today() RETURNS date LANGUAGE sql STABLE AS $$ SELECT (now() AT TIME ZONE 'Asia/Almaty')::date $$`);
    await queryRunner.query(`ALTER TABLE "role_grants" ADD "starts_on" date NOT NULL DEFAULT almaty_today()`);
    await queryRunner.query(`ALTER TABLE "role_grants" ADD "ends_on" date`);
    await queryRunner.query(`ALTER TABLE "role_grants" ADD "reason" text`);
    await queryRunner.query(`ALTER TABLE "role_grants" ADD "end_reason" text`);
    await queryRunner.query(`ALTER TABLE "role_grants" ADD "granted_by" uuid`);
    await queryRunner.query(`ALTER TABLE "role_grants" ADD "ended_by" uuid`);
    await queryRunner.query(`ALTER TABLE "role_grants" ADD CONSTRAINT "role_grant_dates" CHECK (ends_on IS NULL OR ends_on >= starts_on)`);
    // One open grant of the same role and scope per person (NULLS NOT DISTINCT: administrators and national officials too).
    await queryRunner.query(
      `CREATE UNIQUE INDEX "role_grant_open" ON "role_grants" ("user_id", "role", "club_id", "community_id", "region") NULLS NOT DISTINCT WHERE ends_on IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX "role_grant_club" ON "role_grants" ("club_id")`);
    await queryRunner.query(`CREATE VIEW "role_assignments" AS
      SELECT id, user_id, role, club_id, community_id, region, created_at, starts_on, ends_on
        FROM role_grants g
       WHERE g.starts_on <= almaty_today() AND (g.ends_on IS NULL OR g.ends_on > almaty_today())
         AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = g.user_id AND u.deactivated_at IS NOT NULL)`);
    await queryRunner.query(`CREATE TABLE "invitations" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "email" text NOT NULL, "role" text NOT NULL, "club_id" uuid, "community_id" uuid, "region" text, "token_hash" text NOT NULL, "invited_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "accepted_at" TIMESTAMP WITH TIME ZONE, "accepted_by" uuid, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "invitation_scope" CHECK (
  (role = 'administrator' AND club_id IS NULL AND community_id IS NULL AND region IS NULL) OR
  (role = 'coordinator' AND club_id IS NOT NULL AND community_id IS NULL AND region IS NULL) OR
  (role = 'representative' AND community_id IS NOT NULL AND region IS NULL) OR
  (role = 'official' AND club_id IS NULL AND community_id IS NULL)), CONSTRAINT "PK_5dec98cfdfd562e4ad3648bbb07" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "invitation_token" ON "invitations" ("token_hash")`);
    await queryRunner.query(`CREATE INDEX "invitation_club" ON "invitations" ("club_id")`);
    await queryRunner.query(`ALTER TABLE "invitations" ADD CONSTRAINT "FK_54dca5b29a692647e49a40d9754" FOREIGN KEY ("club_id") REFERENCES "clubs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invitations" ADD CONSTRAINT "FK_a8e5485256adf225dbb00a570b6" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "invitations"`);
    await queryRunner.query(`DROP VIEW "role_assignments"`);
    await queryRunner.query(`DROP INDEX "public"."role_grant_club"`);
    await queryRunner.query(`DROP INDEX "public"."role_grant_open"`);
    // Ended grants go with the dates: the table holds only what was in force, as before.
    await queryRunner.query(`DELETE FROM "role_grants" WHERE ends_on IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "role_grants" DROP CONSTRAINT "role_grant_dates"`);
    for (const column of ['ended_by', 'granted_by', 'end_reason', 'reason', 'ends_on', 'starts_on']) {
      await queryRunner.query(`ALTER TABLE "role_grants" DROP COLUMN "${column}"`);
    }
    await queryRunner.query(`ALTER TABLE "role_grants" RENAME CONSTRAINT "FK_5ba1e35f38e656c0820bc228851" TO "FK_f7a7fab5e4be43f01aa2868d16b"`);
    await queryRunner.query(`ALTER TABLE "role_grants" RENAME CONSTRAINT "FK_30d87891e19831fc98fe0a026b4" TO "FK_bb58e28bb33eb5ee7ae6bd0d7a3"`);
    await queryRunner.query(`ALTER TABLE "role_grants" RENAME CONSTRAINT "FK_2b1c3c28ffbc09b85170c655d4b" TO "FK_d91c8ac0c10fd8c6acdcc5ee946"`);
    await queryRunner.query(`ALTER TABLE "role_grants" RENAME CONSTRAINT "PK_f7cf33da46b9f884f2d459e0eff" TO "PK_fc2df9835ac1d2a34839f113783"`);
    await queryRunner.query(`ALTER TABLE "role_grants" RENAME TO "role_assignments"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "role_assignment_unique" ON "role_assignments" ("user_id", "role", "club_id", "community_id", "region")`);
    await queryRunner.query(`DROP FUNCTION almaty_today()`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "deactivated_at"`);
  }
}
