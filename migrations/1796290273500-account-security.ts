import { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountSecurity1796290273500 implements MigrationInterface {
  name = 'AccountSecurity1796290273500';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"account_tokens\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"user_id\" uuid NOT NULL, \"purpose\" text NOT NULL, \"token_hash\" text NOT NULL, \"new_email\" text, \"attempts\" integer NOT NULL DEFAULT '0', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"used_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"account_token_purpose\" CHECK (purpose IN ('confirm-email', 'reset-password', 'change-email', 'second-factor')), CONSTRAINT \"PK_5e3640c493cc6206a44b885e6a9\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"account_token_hash\" ON \"account_tokens\"  (\"token_hash\") ");
    await queryRunner.query("CREATE INDEX \"account_token_user\" ON \"account_tokens\"  (\"user_id\", \"purpose\") ");
    await queryRunner.query("CREATE TABLE \"trusted_devices\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"user_id\" uuid NOT NULL, \"token_hash\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"last_used_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_bc545fd72c357ff2edc8bbc7deb\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"trusted_device_user\" ON \"trusted_devices\"  (\"user_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"trusted_device_hash\" ON \"trusted_devices\"  (\"token_hash\") ");
    await queryRunner.query("CREATE TABLE \"recovery_codes\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"user_id\" uuid NOT NULL, \"code_hash\" text NOT NULL, \"used_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_0723b9e53961e799027d7f7ba32\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"recovery_code_user\" ON \"recovery_codes\"  (\"user_id\") ");
    await queryRunner.query("ALTER TABLE \"sensitive_events\" ADD \"address\" text");
    await queryRunner.query("ALTER TABLE \"communities\" ADD \"version\" integer NOT NULL DEFAULT '1'");
    await queryRunner.query("ALTER TABLE \"users\" ADD \"email_confirmed_at\" TIMESTAMP WITH TIME ZONE DEFAULT now()");
    await queryRunner.query("ALTER TABLE \"users\" ADD \"totp_secret\" text");
    await queryRunner.query("ALTER TABLE \"users\" ADD \"totp_enabled_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"users\" ADD \"totp_pending_secret\" text");
    await queryRunner.query("ALTER TABLE \"users\" ADD \"totp_last_step\" bigint");
    await queryRunner.query("ALTER TABLE \"sessions\" ADD \"last_active_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()");
    await queryRunner.query("ALTER TABLE \"sessions\" ADD \"reauthenticated_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"sessions\" ADD \"user_agent\" text");
    await queryRunner.query("ALTER TABLE \"sessions\" ADD \"address\" text");
    await queryRunner.query("ALTER TABLE \"meetings\" ADD \"minutes_version\" integer NOT NULL DEFAULT '0'");
    await queryRunner.query("ALTER TABLE \"action_items\" ADD \"version\" integer NOT NULL DEFAULT '1'");
    await queryRunner.query("ALTER TABLE \"holidays\" ADD \"version\" integer NOT NULL DEFAULT '1'");
    await queryRunner.query("ALTER TABLE \"topics\" ADD \"version\" integer NOT NULL DEFAULT '1'");
    await queryRunner.query("CREATE INDEX \"sensitive_event_actor\" ON \"sensitive_events\"  (\"actor_id\", \"occurred_at\") ");
    await queryRunner.query("CREATE INDEX \"session_user_live\" ON \"sessions\"  (\"user_id\", \"expires_at\") ");
    await queryRunner.query("ALTER TABLE \"account_tokens\" ADD CONSTRAINT \"FK_1b5fea09efc20c7f63c4a09b3d6\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"trusted_devices\" ADD CONSTRAINT \"FK_d80738022e4cedca17a9fc25982\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"recovery_codes\" ADD CONSTRAINT \"FK_fb82b2ac740ca095b617afad031\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"recovery_codes\" DROP CONSTRAINT \"FK_fb82b2ac740ca095b617afad031\"");
    await queryRunner.query("ALTER TABLE \"trusted_devices\" DROP CONSTRAINT \"FK_d80738022e4cedca17a9fc25982\"");
    await queryRunner.query("ALTER TABLE \"account_tokens\" DROP CONSTRAINT \"FK_1b5fea09efc20c7f63c4a09b3d6\"");
    await queryRunner.query("DROP INDEX \"public\".\"session_user_live\"");
    await queryRunner.query("DROP INDEX \"public\".\"sensitive_event_actor\"");
    await queryRunner.query("ALTER TABLE \"topics\" DROP COLUMN \"version\"");
    await queryRunner.query("ALTER TABLE \"holidays\" DROP COLUMN \"version\"");
    await queryRunner.query("ALTER TABLE \"action_items\" DROP COLUMN \"version\"");
    await queryRunner.query("ALTER TABLE \"meetings\" DROP COLUMN \"minutes_version\"");
    await queryRunner.query("ALTER TABLE \"sessions\" DROP COLUMN \"address\"");
    await queryRunner.query("ALTER TABLE \"sessions\" DROP COLUMN \"user_agent\"");
    await queryRunner.query("ALTER TABLE \"sessions\" DROP COLUMN \"reauthenticated_at\"");
    await queryRunner.query("ALTER TABLE \"sessions\" DROP COLUMN \"last_active_at\"");
    await queryRunner.query("ALTER TABLE \"users\" DROP COLUMN \"totp_last_step\"");
    await queryRunner.query("ALTER TABLE \"users\" DROP COLUMN \"totp_pending_secret\"");
    await queryRunner.query("ALTER TABLE \"users\" DROP COLUMN \"totp_enabled_at\"");
    await queryRunner.query("ALTER TABLE \"users\" DROP COLUMN \"totp_secret\"");
    await queryRunner.query("ALTER TABLE \"users\" DROP COLUMN \"email_confirmed_at\"");
    await queryRunner.query("ALTER TABLE \"communities\" DROP COLUMN \"version\"");
    await queryRunner.query("ALTER TABLE \"sensitive_events\" DROP COLUMN \"address\"");
    await queryRunner.query("DROP INDEX \"public\".\"recovery_code_user\"");
    await queryRunner.query("DROP TABLE \"recovery_codes\"");
    await queryRunner.query("DROP INDEX \"public\".\"trusted_device_hash\"");
    await queryRunner.query("DROP INDEX \"public\".\"trusted_device_user\"");
    await queryRunner.query("DROP TABLE \"trusted_devices\"");
    await queryRunner.query("DROP INDEX \"public\".\"account_token_user\"");
    await queryRunner.query("DROP INDEX \"public\".\"account_token_hash\"");
    await queryRunner.query("DROP TABLE \"account_tokens\"");
  }
}
