import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A registration claim filed on a community's behalf (a coordinator or the administrator,
 * one by one or by a roster import) may give only the registration number: the verifying official
 * reads the date and issuing body off the state register and enters them when verifying. A claim
 * the community files itself still states them.
 */
export class ClaimsOnBehalf1796305000500 implements MigrationInterface {
  name = 'ClaimsOnBehalf1796305000500';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "registration_claims" ADD "on_behalf" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `UPDATE "registration_claims" rc SET "on_behalf" = true FROM "communities" c WHERE c.id = rc.community_id AND c.created_by_id = rc.claimed_by_id`,
    );
    await queryRunner.query(`ALTER TABLE "registration_claims" ALTER COLUMN "registration_date" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "registration_claims" ALTER COLUMN "issuing_body" DROP NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "registration_claims" ADD CONSTRAINT "registration_claim_details" CHECK (on_behalf OR (registration_date IS NOT NULL AND issuing_body IS NOT NULL))`,
    );
    // A verified claim always carries what the community's record was given.
    await queryRunner.query(
      `ALTER TABLE "registration_claims" ADD CONSTRAINT "registration_claim_verified_details" CHECK (status <> 'verified' OR (registration_date IS NOT NULL AND issuing_body IS NOT NULL))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "registration_claims" DROP CONSTRAINT "registration_claim_verified_details"`);
    await queryRunner.query(`ALTER TABLE "registration_claims" DROP CONSTRAINT "registration_claim_details"`);
    await queryRunner.query(`DELETE FROM "registration_claims" WHERE registration_date IS NULL OR issuing_body IS NULL`);
    await queryRunner.query(`ALTER TABLE "registration_claims" ALTER COLUMN "issuing_body" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "registration_claims" ALTER COLUMN "registration_date" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "registration_claims" DROP COLUMN "on_behalf"`);
  }
}
