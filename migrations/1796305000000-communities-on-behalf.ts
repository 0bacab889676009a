import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Communities created on their behalf (issue 12, item 4): by whom, and through which club — that
 * club's coordinators may then invite its representatives and keep its contacts.
 */
export class CommunitiesOnBehalf1796305000000 implements MigrationInterface {
  name = 'CommunitiesOnBehalf1796305000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"communities\" ADD \"created_via_club_id\" uuid");
    await queryRunner.query("ALTER TABLE \"communities\" ADD \"created_by_id\" uuid");
    await queryRunner.query("ALTER TABLE \"communities\" ADD CONSTRAINT \"FK_f7c4ddeed1356147f865743ff0a\" FOREIGN KEY (\"created_via_club_id\") REFERENCES \"clubs\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"communities\" ADD CONSTRAINT \"FK_ffb5612932f4373ca8ad0bdb530\" FOREIGN KEY (\"created_by_id\") REFERENCES \"users\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"communities\" DROP CONSTRAINT \"FK_ffb5612932f4373ca8ad0bdb530\"");
    await queryRunner.query("ALTER TABLE \"communities\" DROP CONSTRAINT \"FK_f7c4ddeed1356147f865743ff0a\"");
    await queryRunner.query("ALTER TABLE \"communities\" DROP COLUMN \"created_by_id\"");
    await queryRunner.query("ALTER TABLE \"communities\" DROP COLUMN \"created_via_club_id\"");
  }
}
