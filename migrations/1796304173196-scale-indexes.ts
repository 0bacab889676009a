import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes the plans at ten times the country asked for (test/bench/README.md has the plans before
 * and after): a community's participations in every status (the naming facts of every list), the
 * candidacies by status, the outbox page in its order, and the unread count over unread rows only.
 */
export class ScaleIndexes1796304173196 implements MigrationInterface {
  name = 'ScaleIndexes1796304173196';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX participation_community ON participations (community_id)`);
    await queryRunner.query(`CREATE INDEX participation_status_club ON participations (status, club_id)`);
    await queryRunner.query(`CREATE INDEX email_outbox_newest ON email_outbox (created_at, id)`);
    await queryRunner.query(`CREATE INDEX notification_unread ON notifications (user_id) WHERE read_at IS NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX notification_unread`);
    await queryRunner.query(`DROP INDEX email_outbox_newest`);
    await queryRunner.query(`DROP INDEX participation_status_club`);
    await queryRunner.query(`DROP INDEX participation_community`);
  }
}
