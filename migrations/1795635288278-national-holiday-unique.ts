import { MigrationInterface, QueryRunner } from 'typeorm';

export class NationalHolidayUnique1795635288278 implements MigrationInterface {
  name = 'NationalHolidayUnique1795635288278';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE UNIQUE INDEX \"holiday_national_unique\" ON \"holidays\"  (\"date\", \"code\") WHERE tradition IS NULL");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"holiday_national_unique\"");
  }
}
