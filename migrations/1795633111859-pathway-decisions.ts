import { MigrationInterface, QueryRunner } from 'typeorm';

export class PathwayDecisions1795633111859 implements MigrationInterface {
  name = 'PathwayDecisions1795633111859';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"participation_decisions\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"participation_id\" uuid NOT NULL, \"event_sequence\" integer NOT NULL, \"outcome\" text NOT NULL, \"from_status\" text NOT NULL, \"reason_code\" text NOT NULL, \"reason_text\" text NOT NULL, \"override_reason\" text, \"milestone_snapshot\" jsonb NOT NULL, \"earliest_reapply_on\" date, \"decider_id\" uuid NOT NULL, \"decided_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"decision_reapply\" CHECK ((outcome = 'admit') = (earliest_reapply_on IS NULL)), CONSTRAINT \"decision_outcome\" CHECK (outcome IN ('admit', 'defer', 'decline')), CONSTRAINT \"PK_7adb32ae231d275a52d76887024\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"participation_decision_event\" ON \"participation_decisions\"  (\"participation_id\", \"event_sequence\") ");
    await queryRunner.query("CREATE TABLE \"decision_appeals\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"decision_id\" uuid NOT NULL, \"appellant_id\" uuid NOT NULL, \"text\" text NOT NULL, \"status\" text NOT NULL DEFAULT 'open', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"resolved_at\" TIMESTAMP WITH TIME ZONE, \"resolved_by_id\" uuid, \"resolution\" text, CONSTRAINT \"appeal_resolution\" CHECK ((status = 'open') = (resolved_at IS NULL) AND (resolved_at IS NULL) = (resolved_by_id IS NULL) AND (resolved_at IS NULL) = (resolution IS NULL)), CONSTRAINT \"appeal_status\" CHECK (status IN ('open', 'upheld', 'overturned')), CONSTRAINT \"PK_dc1fe123a46570e2e94c20a10fe\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_358dd54ed80b8a5033439498f0\" ON \"decision_appeals\"  (\"status\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"decision_appeal_once\" ON \"decision_appeals\"  (\"decision_id\") ");
    await queryRunner.query("CREATE TABLE \"notifications\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"user_id\" uuid NOT NULL, \"kind\" text NOT NULL, \"params\" jsonb NOT NULL DEFAULT '{}', \"link\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"read_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_6a72c3c0f683f6462415e653c3a\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"notification_inbox\" ON \"notifications\"  (\"user_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"email_outbox\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"to_address\" text NOT NULL, \"subject\" text NOT NULL, \"body\" text NOT NULL, \"status\" text NOT NULL DEFAULT 'pending', \"attempts\" integer NOT NULL DEFAULT '0', \"next_attempt_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"last_error\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"sent_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"email_outbox_status\" CHECK (status IN ('pending', 'sent', 'failed')), CONSTRAINT \"PK_b6fbfc201f705fbf1ac87bd7197\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"email_outbox_due\" ON \"email_outbox\"  (\"status\", \"next_attempt_at\") ");
    await queryRunner.query("CREATE TABLE \"participation_reviews\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"participation_id\" uuid NOT NULL, \"official_id\" uuid NOT NULL, \"verdict\" text NOT NULL, \"text\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"resolved_at\" TIMESTAMP WITH TIME ZONE, \"resolved_by_id\" uuid, \"resolution\" text, CONSTRAINT \"review_resolves_concerns_only\" CHECK (resolved_at IS NULL OR verdict = 'concern'), CONSTRAINT \"review_resolution\" CHECK ((resolved_at IS NULL) = (resolved_by_id IS NULL) AND (resolved_at IS NULL) = (resolution IS NULL)), CONSTRAINT \"review_verdict\" CHECK (verdict IN ('no_objection', 'concern')), CONSTRAINT \"PK_e5cde8428e9f861d2fd945732d1\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_ab067c739cdbe6348dabc38462\" ON \"participation_reviews\"  (\"participation_id\") ");
    await queryRunner.query("CREATE TABLE \"review_responses\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"review_id\" uuid NOT NULL, \"author_id\" uuid NOT NULL, \"author_role\" text NOT NULL, \"text\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"review_response_author_role\" CHECK (author_role IN ('coordinator', 'community')), CONSTRAINT \"PK_22e536591de245e6d51965ea5a0\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_545198b2a08f4ca06fdaddd275\" ON \"review_responses\"  (\"review_id\") ");
    await queryRunner.query("ALTER TABLE \"communities\" ADD \"contact_erased_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"participation_decisions\" ADD CONSTRAINT \"FK_29ff6c3370b8c86ce3f9ce65be5\" FOREIGN KEY (\"participation_id\") REFERENCES \"participations\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"participation_decisions\" ADD CONSTRAINT \"FK_1ea674f208f9277374fcf11d78e\" FOREIGN KEY (\"decider_id\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"decision_appeals\" ADD CONSTRAINT \"FK_d7a56ae729ec6428f5850e220b4\" FOREIGN KEY (\"decision_id\") REFERENCES \"participation_decisions\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"decision_appeals\" ADD CONSTRAINT \"FK_2c918345fa9f3afb07cce682480\" FOREIGN KEY (\"appellant_id\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"decision_appeals\" ADD CONSTRAINT \"FK_4211ae7500eab39e716fad5b064\" FOREIGN KEY (\"resolved_by_id\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"notifications\" ADD CONSTRAINT \"FK_9a8a82462cab47c73d25f49261f\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"participation_reviews\" ADD CONSTRAINT \"FK_ab067c739cdbe6348dabc384624\" FOREIGN KEY (\"participation_id\") REFERENCES \"participations\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"participation_reviews\" ADD CONSTRAINT \"FK_b142f6d4acda2c9cc898d6a029c\" FOREIGN KEY (\"official_id\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"participation_reviews\" ADD CONSTRAINT \"FK_684d829612227983b306c785b36\" FOREIGN KEY (\"resolved_by_id\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"review_responses\" ADD CONSTRAINT \"FK_545198b2a08f4ca06fdaddd2754\" FOREIGN KEY (\"review_id\") REFERENCES \"participation_reviews\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"review_responses\" ADD CONSTRAINT \"FK_5eda95a4722f2cb144541c52f57\" FOREIGN KEY (\"author_id\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"review_responses\" DROP CONSTRAINT \"FK_5eda95a4722f2cb144541c52f57\"");
    await queryRunner.query("ALTER TABLE \"review_responses\" DROP CONSTRAINT \"FK_545198b2a08f4ca06fdaddd2754\"");
    await queryRunner.query("ALTER TABLE \"participation_reviews\" DROP CONSTRAINT \"FK_684d829612227983b306c785b36\"");
    await queryRunner.query("ALTER TABLE \"participation_reviews\" DROP CONSTRAINT \"FK_b142f6d4acda2c9cc898d6a029c\"");
    await queryRunner.query("ALTER TABLE \"participation_reviews\" DROP CONSTRAINT \"FK_ab067c739cdbe6348dabc384624\"");
    await queryRunner.query("ALTER TABLE \"notifications\" DROP CONSTRAINT \"FK_9a8a82462cab47c73d25f49261f\"");
    await queryRunner.query("ALTER TABLE \"decision_appeals\" DROP CONSTRAINT \"FK_4211ae7500eab39e716fad5b064\"");
    await queryRunner.query("ALTER TABLE \"decision_appeals\" DROP CONSTRAINT \"FK_2c918345fa9f3afb07cce682480\"");
    await queryRunner.query("ALTER TABLE \"decision_appeals\" DROP CONSTRAINT \"FK_d7a56ae729ec6428f5850e220b4\"");
    await queryRunner.query("ALTER TABLE \"participation_decisions\" DROP CONSTRAINT \"FK_1ea674f208f9277374fcf11d78e\"");
    await queryRunner.query("ALTER TABLE \"participation_decisions\" DROP CONSTRAINT \"FK_29ff6c3370b8c86ce3f9ce65be5\"");
    await queryRunner.query("ALTER TABLE \"communities\" DROP COLUMN \"contact_erased_at\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_545198b2a08f4ca06fdaddd275\"");
    await queryRunner.query("DROP TABLE \"review_responses\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_ab067c739cdbe6348dabc38462\"");
    await queryRunner.query("DROP TABLE \"participation_reviews\"");
    await queryRunner.query("DROP INDEX \"public\".\"email_outbox_due\"");
    await queryRunner.query("DROP TABLE \"email_outbox\"");
    await queryRunner.query("DROP INDEX \"public\".\"notification_inbox\"");
    await queryRunner.query("DROP TABLE \"notifications\"");
    await queryRunner.query("DROP INDEX \"public\".\"decision_appeal_once\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_358dd54ed80b8a5033439498f0\"");
    await queryRunner.query("DROP TABLE \"decision_appeals\"");
    await queryRunner.query("DROP INDEX \"public\".\"participation_decision_event\"");
    await queryRunner.query("DROP TABLE \"participation_decisions\"");
  }
}
