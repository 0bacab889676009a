import { MigrationInterface, QueryRunner } from 'typeorm';

export class Projects1795628004447 implements MigrationInterface {
  name = 'Projects1795628004447';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"projects\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"club_id\" uuid NOT NULL, \"title\" text NOT NULL, \"description\" text NOT NULL, \"category\" text NOT NULL, \"lead_community_id\" uuid NOT NULL, \"proposed_by_id\" uuid NOT NULL, \"starts_on\" date NOT NULL, \"ends_on\" date, \"status\" text NOT NULL DEFAULT 'proposed', \"visibility\" text NOT NULL DEFAULT 'public', \"decision_reason\" text, \"outcome_summary\" text, \"outcome_figures\" jsonb NOT NULL, \"outcome_photo_links\" jsonb NOT NULL, \"completed_at\" TIMESTAMP WITH TIME ZONE, \"version\" integer NOT NULL DEFAULT '1', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"project_decision_reason\" CHECK (status NOT IN ('declined', 'cancelled') OR decision_reason IS NOT NULL), CONSTRAINT \"project_outcome\" CHECK ((status = 'completed') = (outcome_summary IS NOT NULL AND completed_at IS NOT NULL)), CONSTRAINT \"project_dates\" CHECK (ends_on IS NULL OR ends_on >= starts_on), CONSTRAINT \"project_visibility\" CHECK (visibility IN ('public', 'club')), CONSTRAINT \"project_category\" CHECK (category IN ('cleanup', 'sports', 'visit', 'charity', 'education', 'other')), CONSTRAINT \"project_status\" CHECK (status IN ('proposed', 'active', 'completed', 'declined', 'cancelled')), CONSTRAINT \"PK_6271df0a7aed1d6c0691ce6ac50\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_c9afb68b93b0f0f0ca7daf4fdd\" ON \"projects\"  (\"lead_community_id\") ");
    await queryRunner.query("CREATE INDEX \"project_club_status\" ON \"projects\"  (\"club_id\", \"status\") ");
    await queryRunner.query("CREATE TABLE \"project_contributions\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"project_id\" uuid NOT NULL, \"community_id\" uuid NOT NULL, \"version\" integer NOT NULL DEFAULT '1', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_e21ad66dd95af90564a228fded4\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_235d39435d69000a60a48f0cc2\" ON \"project_contributions\"  (\"community_id\") ");
    await queryRunner.query("CREATE INDEX \"project_contribution_project\" ON \"project_contributions\"  (\"project_id\") ");
    await queryRunner.query("CREATE TABLE \"project_contribution_revisions\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"contribution_id\" uuid NOT NULL, \"revision\" integer NOT NULL, \"role\" text NOT NULL, \"volunteers\" integer NOT NULL, \"hours\" numeric(10,2) NOT NULL, \"in_kind\" text, \"status\" text NOT NULL, \"review_reason\" text, \"entered_by_id\" uuid NOT NULL, \"entered_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"reviewed_by_id\" uuid, \"reviewed_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"contribution_revision_reject_reason\" CHECK (status <> 'rejected' OR review_reason IS NOT NULL), CONSTRAINT \"contribution_revision_reviewed\" CHECK ((status IN ('confirmed', 'rejected')) = (reviewed_at IS NOT NULL AND reviewed_by_id IS NOT NULL)), CONSTRAINT \"contribution_revision_figures\" CHECK (volunteers >= 0 AND hours >= 0), CONSTRAINT \"contribution_revision_status\" CHECK (status IN ('pending', 'confirmed', 'rejected', 'superseded')), CONSTRAINT \"contribution_revision_role\" CHECK (role IN ('lead', 'partner')), CONSTRAINT \"contribution_revision_number\" CHECK (revision >= 1), CONSTRAINT \"PK_804c13474e65f951c455d205a93\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"contribution_revision_one_pending\" ON \"project_contribution_revisions\"  (\"contribution_id\") WHERE status = 'pending'");
    await queryRunner.query("CREATE UNIQUE INDEX \"contribution_revision_sequence\" ON \"project_contribution_revisions\"  (\"contribution_id\", \"revision\") ");
    await queryRunner.query("CREATE TABLE \"project_events\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"project_id\" uuid NOT NULL, \"sequence\" integer NOT NULL, \"action\" text NOT NULL, \"from_status\" text, \"to_status\" text NOT NULL, \"reason\" text, \"actor_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_4a8f4006922953e0fc56b38afe3\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"project_event_sequence\" ON \"project_events\"  (\"project_id\", \"sequence\") ");
    await queryRunner.query("CREATE TABLE \"project_milestones\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"project_id\" uuid NOT NULL, \"position\" integer NOT NULL, \"title\" text NOT NULL, \"due_on\" date, \"done\" boolean NOT NULL DEFAULT false, \"done_at\" TIMESTAMP WITH TIME ZONE, \"version\" integer NOT NULL DEFAULT '1', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"project_milestone_done\" CHECK (done = (done_at IS NOT NULL)), CONSTRAINT \"PK_0c561300a12c6ba3ad793dff4b8\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"project_milestone_position\" ON \"project_milestones\"  (\"project_id\", \"position\") ");
    await queryRunner.query("CREATE TABLE \"project_partners\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"project_id\" uuid NOT NULL, \"community_id\" uuid NOT NULL, \"role\" text NOT NULL, \"status\" text NOT NULL, \"decision_reason\" text, \"requested_by_id\" uuid NOT NULL, \"decided_by_id\" uuid, \"decided_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"project_partner_decline_reason\" CHECK (status <> 'declined' OR decision_reason IS NOT NULL), CONSTRAINT \"project_partner_decided\" CHECK ((status = 'requested') = (decided_at IS NULL)), CONSTRAINT \"project_partner_status\" CHECK (status IN ('requested', 'confirmed', 'declined')), CONSTRAINT \"project_partner_role\" CHECK (role IN ('lead', 'partner')), CONSTRAINT \"PK_729fc4affe7ccdd99b26d049253\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_4a6ab3c5ba911eee6423d20c03\" ON \"project_partners\"  (\"community_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"project_partner_one_lead\" ON \"project_partners\"  (\"project_id\") WHERE role = 'lead'");
    await queryRunner.query("CREATE UNIQUE INDEX \"project_partner_once\" ON \"project_partners\"  (\"project_id\", \"community_id\") ");
    await queryRunner.query("ALTER TABLE \"projects\" ADD CONSTRAINT \"FK_ff084841a9ff6c25ef5061bd833\" FOREIGN KEY (\"club_id\") REFERENCES \"clubs\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"projects\" ADD CONSTRAINT \"FK_c9afb68b93b0f0f0ca7daf4fdd4\" FOREIGN KEY (\"lead_community_id\") REFERENCES \"communities\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"projects\" ADD CONSTRAINT \"FK_39209aa294100d5a9d89e32ea07\" FOREIGN KEY (\"proposed_by_id\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"project_contributions\" ADD CONSTRAINT \"FK_3691acc37e9d3f00534685ee78f\" FOREIGN KEY (\"project_id\") REFERENCES \"projects\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"project_contributions\" ADD CONSTRAINT \"FK_235d39435d69000a60a48f0cc25\" FOREIGN KEY (\"community_id\") REFERENCES \"communities\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"project_contribution_revisions\" ADD CONSTRAINT \"FK_660b727e397daac2a0552200578\" FOREIGN KEY (\"contribution_id\") REFERENCES \"project_contributions\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"project_contribution_revisions\" ADD CONSTRAINT \"FK_76171061b3f8e0aa0aad4ffa392\" FOREIGN KEY (\"entered_by_id\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"project_contribution_revisions\" ADD CONSTRAINT \"FK_30e69108cf78e3e34c5f26db3b7\" FOREIGN KEY (\"reviewed_by_id\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"project_events\" ADD CONSTRAINT \"FK_57e7a002ae5a49b9c671da889e1\" FOREIGN KEY (\"project_id\") REFERENCES \"projects\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"project_events\" ADD CONSTRAINT \"FK_68b35dcc41dcb61fe8ecede9deb\" FOREIGN KEY (\"actor_id\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"project_milestones\" ADD CONSTRAINT \"FK_4072d2ff8e9ee23e9e03e5f6721\" FOREIGN KEY (\"project_id\") REFERENCES \"projects\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"project_partners\" ADD CONSTRAINT \"FK_b15493c0811d6f7acbb42064177\" FOREIGN KEY (\"project_id\") REFERENCES \"projects\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"project_partners\" ADD CONSTRAINT \"FK_4a6ab3c5ba911eee6423d20c032\" FOREIGN KEY (\"community_id\") REFERENCES \"communities\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"project_partners\" ADD CONSTRAINT \"FK_49ef09466a7618294a696826493\" FOREIGN KEY (\"requested_by_id\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"project_partners\" ADD CONSTRAINT \"FK_9f289ec51d899508899e47d5242\" FOREIGN KEY (\"decided_by_id\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"project_partners\" DROP CONSTRAINT \"FK_9f289ec51d899508899e47d5242\"");
    await queryRunner.query("ALTER TABLE \"project_partners\" DROP CONSTRAINT \"FK_49ef09466a7618294a696826493\"");
    await queryRunner.query("ALTER TABLE \"project_partners\" DROP CONSTRAINT \"FK_4a6ab3c5ba911eee6423d20c032\"");
    await queryRunner.query("ALTER TABLE \"project_partners\" DROP CONSTRAINT \"FK_b15493c0811d6f7acbb42064177\"");
    await queryRunner.query("ALTER TABLE \"project_milestones\" DROP CONSTRAINT \"FK_4072d2ff8e9ee23e9e03e5f6721\"");
    await queryRunner.query("ALTER TABLE \"project_events\" DROP CONSTRAINT \"FK_68b35dcc41dcb61fe8ecede9deb\"");
    await queryRunner.query("ALTER TABLE \"project_events\" DROP CONSTRAINT \"FK_57e7a002ae5a49b9c671da889e1\"");
    await queryRunner.query("ALTER TABLE \"project_contribution_revisions\" DROP CONSTRAINT \"FK_30e69108cf78e3e34c5f26db3b7\"");
    await queryRunner.query("ALTER TABLE \"project_contribution_revisions\" DROP CONSTRAINT \"FK_76171061b3f8e0aa0aad4ffa392\"");
    await queryRunner.query("ALTER TABLE \"project_contribution_revisions\" DROP CONSTRAINT \"FK_660b727e397daac2a0552200578\"");
    await queryRunner.query("ALTER TABLE \"project_contributions\" DROP CONSTRAINT \"FK_235d39435d69000a60a48f0cc25\"");
    await queryRunner.query("ALTER TABLE \"project_contributions\" DROP CONSTRAINT \"FK_3691acc37e9d3f00534685ee78f\"");
    await queryRunner.query("ALTER TABLE \"projects\" DROP CONSTRAINT \"FK_39209aa294100d5a9d89e32ea07\"");
    await queryRunner.query("ALTER TABLE \"projects\" DROP CONSTRAINT \"FK_c9afb68b93b0f0f0ca7daf4fdd4\"");
    await queryRunner.query("ALTER TABLE \"projects\" DROP CONSTRAINT \"FK_ff084841a9ff6c25ef5061bd833\"");
    await queryRunner.query("DROP INDEX \"public\".\"project_partner_once\"");
    await queryRunner.query("DROP INDEX \"public\".\"project_partner_one_lead\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_4a6ab3c5ba911eee6423d20c03\"");
    await queryRunner.query("DROP TABLE \"project_partners\"");
    await queryRunner.query("DROP INDEX \"public\".\"project_milestone_position\"");
    await queryRunner.query("DROP TABLE \"project_milestones\"");
    await queryRunner.query("DROP INDEX \"public\".\"project_event_sequence\"");
    await queryRunner.query("DROP TABLE \"project_events\"");
    await queryRunner.query("DROP INDEX \"public\".\"contribution_revision_sequence\"");
    await queryRunner.query("DROP INDEX \"public\".\"contribution_revision_one_pending\"");
    await queryRunner.query("DROP TABLE \"project_contribution_revisions\"");
    await queryRunner.query("DROP INDEX \"public\".\"project_contribution_project\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_235d39435d69000a60a48f0cc2\"");
    await queryRunner.query("DROP TABLE \"project_contributions\"");
    await queryRunner.query("DROP INDEX \"public\".\"project_club_status\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_c9afb68b93b0f0f0ca7daf4fdd\"");
    await queryRunner.query("DROP TABLE \"projects\"");
  }
}
