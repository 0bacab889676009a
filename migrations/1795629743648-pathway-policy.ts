import { MigrationInterface, QueryRunner } from 'typeorm';

export class PathwayPolicy1795629743648 implements MigrationInterface {
  name = 'PathwayPolicy1795629743648';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"pathway_policies\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"club_id\" uuid, \"version\" integer NOT NULL, \"min_months_as_observer\" integer, \"min_meetings_attended\" integer, \"min_attendance_rate\" integer, \"min_joint_projects\" integer, \"transparency_fields\" text array NOT NULL, \"min_sponsors\" integer, \"no_open_concern\" boolean NOT NULL, \"created_by_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"pathway_policy_transparency\" CHECK (transparency_fields <@ ARRAY['leaders','meetingPlace','approximateSize','activities']::text[]), CONSTRAINT \"pathway_policy_sponsors\" CHECK (min_sponsors IS NULL OR min_sponsors BETWEEN 0 AND 50), CONSTRAINT \"pathway_policy_projects\" CHECK (min_joint_projects IS NULL OR min_joint_projects BETWEEN 0 AND 100), CONSTRAINT \"pathway_policy_rate\" CHECK (min_attendance_rate IS NULL OR min_attendance_rate BETWEEN 0 AND 100), CONSTRAINT \"pathway_policy_meetings\" CHECK (min_meetings_attended IS NULL OR min_meetings_attended BETWEEN 0 AND 500), CONSTRAINT \"pathway_policy_months\" CHECK (min_months_as_observer IS NULL OR min_months_as_observer BETWEEN 0 AND 120), CONSTRAINT \"pathway_policy_version\" CHECK (version >= 1), CONSTRAINT \"PK_f85b7b5fad3f6390595850cea2b\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"pathway_policy_club_version\" ON \"pathway_policies\"  (\"club_id\", \"version\") WHERE club_id IS NOT NULL");
    await queryRunner.query("CREATE UNIQUE INDEX \"pathway_policy_national_version\" ON \"pathway_policies\"  (\"version\") WHERE club_id IS NULL");
    await queryRunner.query("CREATE TABLE \"sponsorships\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"participation_id\" uuid NOT NULL, \"sponsor_community_id\" uuid NOT NULL, \"statement\" text NOT NULL, \"created_by_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"withdrawn_at\" TIMESTAMP WITH TIME ZONE, \"withdrawn_by_id\" uuid, CONSTRAINT \"sponsorship_withdrawn\" CHECK ((withdrawn_at IS NULL) = (withdrawn_by_id IS NULL)), CONSTRAINT \"PK_393571b62d6dd0f63c6d3eb154b\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_8a782812796a3d19bd8f12caa2\" ON \"sponsorships\"  (\"participation_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"sponsorship_one_live\" ON \"sponsorships\"  (\"participation_id\", \"sponsor_community_id\") WHERE withdrawn_at IS NULL");
    await queryRunner.query("ALTER TABLE \"pathway_policies\" ADD CONSTRAINT \"FK_10937847aebb0fd7a965461c64b\" FOREIGN KEY (\"club_id\") REFERENCES \"clubs\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"pathway_policies\" ADD CONSTRAINT \"FK_74bfe3854ad3d615755506a5d3a\" FOREIGN KEY (\"created_by_id\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"sponsorships\" ADD CONSTRAINT \"FK_8a782812796a3d19bd8f12caa29\" FOREIGN KEY (\"participation_id\") REFERENCES \"participations\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"sponsorships\" ADD CONSTRAINT \"FK_cfa4e52f3e781ab6cb463de8572\" FOREIGN KEY (\"sponsor_community_id\") REFERENCES \"communities\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"sponsorships\" ADD CONSTRAINT \"FK_8e1ab13595f0faf9eb6698341ff\" FOREIGN KEY (\"created_by_id\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"sponsorships\" ADD CONSTRAINT \"FK_c76bf92714e4bda0cf5d5f6f923\" FOREIGN KEY (\"withdrawn_by_id\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    // The national default (docs/domain.md, 3.5); the administrator changes it by adding versions.
    await queryRunner.query(
      `INSERT INTO pathway_policies (club_id, version, min_months_as_observer, min_meetings_attended, min_attendance_rate,
                                     min_joint_projects, transparency_fields, min_sponsors, no_open_concern)
       VALUES (NULL, 1, 6, 6, 75, 2, ARRAY['leaders','meetingPlace','approximateSize','activities'], 2, true)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"sponsorships\" DROP CONSTRAINT \"FK_c76bf92714e4bda0cf5d5f6f923\"");
    await queryRunner.query("ALTER TABLE \"sponsorships\" DROP CONSTRAINT \"FK_8e1ab13595f0faf9eb6698341ff\"");
    await queryRunner.query("ALTER TABLE \"sponsorships\" DROP CONSTRAINT \"FK_cfa4e52f3e781ab6cb463de8572\"");
    await queryRunner.query("ALTER TABLE \"sponsorships\" DROP CONSTRAINT \"FK_8a782812796a3d19bd8f12caa29\"");
    await queryRunner.query("ALTER TABLE \"pathway_policies\" DROP CONSTRAINT \"FK_74bfe3854ad3d615755506a5d3a\"");
    await queryRunner.query("ALTER TABLE \"pathway_policies\" DROP CONSTRAINT \"FK_10937847aebb0fd7a965461c64b\"");
    await queryRunner.query("DROP INDEX \"public\".\"sponsorship_one_live\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_8a782812796a3d19bd8f12caa2\"");
    await queryRunner.query("DROP TABLE \"sponsorships\"");
    await queryRunner.query("DROP INDEX \"public\".\"pathway_policy_national_version\"");
    await queryRunner.query("DROP INDEX \"public\".\"pathway_policy_club_version\"");
    await queryRunner.query("DROP TABLE \"pathway_policies\"");
  }
}
