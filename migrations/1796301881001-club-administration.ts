import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cities and clubs run from the browser (issue 12): a club's name and public description in kk/ru/en
 * (`name`/`description` keep the English text every list and report already prints), its usual
 * meeting place, a version against lost updates, and archiving (the club keeps its history, read-only).
 * The record of sensitive events becomes the audit log too (kind `change`): the changed record, its
 * club and the session it came from, searchable.
 */
export class ClubAdministration1796301881001 implements MigrationInterface {
  name = 'ClubAdministration1796301881001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "clubs" ADD "names" jsonb`);
    await queryRunner.query(`ALTER TABLE "clubs" ADD "descriptions" jsonb`);
    await queryRunner.query(`ALTER TABLE "clubs" ADD "meeting_place" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "clubs" ADD "archived_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "clubs" ADD "archive_reason" text`);
    await queryRunner.query(`ALTER TABLE "clubs" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "cities" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "sensitive_events" ADD "record_id" uuid`);
    await queryRunner.query(`ALTER TABLE "sensitive_events" ADD "club_id" uuid`);
    await queryRunner.query(`ALTER TABLE "sensitive_events" ADD "session_id" uuid`);
    await queryRunner.query(`CREATE INDEX "sensitive_event_record" ON "sensitive_events" ("record_id", "occurred_at")`);
    await queryRunner.query(`CREATE INDEX "sensitive_event_club" ON "sensitive_events" ("club_id", "occurred_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."sensitive_event_club"`);
    await queryRunner.query(`DROP INDEX "public"."sensitive_event_record"`);
    await queryRunner.query(`ALTER TABLE "sensitive_events" DROP COLUMN "session_id"`);
    await queryRunner.query(`ALTER TABLE "sensitive_events" DROP COLUMN "club_id"`);
    await queryRunner.query(`ALTER TABLE "sensitive_events" DROP COLUMN "record_id"`);
    await queryRunner.query(`ALTER TABLE "cities" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "clubs" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "clubs" DROP COLUMN "archive_reason"`);
    await queryRunner.query(`ALTER TABLE "clubs" DROP COLUMN "archived_at"`);
    await queryRunner.query(`ALTER TABLE "clubs" DROP COLUMN "meeting_place"`);
    await queryRunner.query(`ALTER TABLE "clubs" DROP COLUMN "descriptions"`);
    await queryRunner.query(`ALTER TABLE "clubs" DROP COLUMN "names"`);
  }
}
