import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795623603833 implements MigrationInterface {
  name = 'Init1795623603833';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"cities\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"slug\" text NOT NULL, \"name\" jsonb NOT NULL, \"region_code\" text NOT NULL, \"region\" jsonb NOT NULL, CONSTRAINT \"UQ_8ef722e770798e37b3205370bfd\" UNIQUE (\"slug\"), CONSTRAINT \"PK_4762ffb6e5d198cfec5606bc11e\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"clubs\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"name\" text NOT NULL, \"description\" text NOT NULL DEFAULT '', \"city_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_bb09bd0c8d5238aeaa8f86ee0d4\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"communities\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"name\" text NOT NULL, \"tradition\" text NOT NULL, \"registration_status\" text NOT NULL, \"registration_number\" text, \"registration_date\" date, \"description\" text NOT NULL DEFAULT '', \"leaders\" text NOT NULL DEFAULT '', \"meeting_place\" text NOT NULL DEFAULT '', \"approximate_size\" integer, \"activities\" text NOT NULL DEFAULT '', \"contact_email\" text, \"contact_phone\" text, \"is_public\" boolean NOT NULL DEFAULT false, \"official_consent_at\" TIMESTAMP WITH TIME ZONE, \"city_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"registration_details\" CHECK (registration_status <> 'registered' OR (registration_number IS NOT NULL AND registration_date IS NOT NULL)), CONSTRAINT \"registration_status\" CHECK (registration_status IN ('registered', 'not_registered', 'registration_pending')), CONSTRAINT \"PK_fea1fe83c86ccde9d0a089e7ea2\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"role_assignments\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"user_id\" uuid NOT NULL, \"role\" text NOT NULL, \"club_id\" uuid, \"community_id\" uuid, \"region\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"role_scope\" CHECK (\n  (role = 'administrator' AND club_id IS NULL AND community_id IS NULL AND region IS NULL) OR\n  (role = 'coordinator' AND club_id IS NOT NULL AND community_id IS NULL AND region IS NULL) OR\n  (role = 'representative' AND community_id IS NOT NULL AND club_id IS NULL AND region IS NULL) OR\n  (role = 'official' AND club_id IS NULL AND community_id IS NULL)), CONSTRAINT \"PK_fc2df9835ac1d2a34839f113783\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"role_assignment_unique\" ON \"role_assignments\"  (\"user_id\", \"role\", \"club_id\", \"community_id\", \"region\") ");
    await queryRunner.query("CREATE TABLE \"users\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"email\" text NOT NULL, \"password_hash\" text NOT NULL, \"display_name\" text NOT NULL, \"locale\" text NOT NULL DEFAULT 'ru', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_97672ac88f789774dd47f7c8be3\" UNIQUE (\"email\"), CONSTRAINT \"PK_a3ffb1c0c8416b9fc6f907b7433\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"sessions\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"user_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"revoked_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_3238ef96f18b355b671619111bc\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"login_attempts\" (\"key\" text NOT NULL, \"window_start\" TIMESTAMP WITH TIME ZONE NOT NULL, \"failures\" integer NOT NULL, CONSTRAINT \"PK_f90e70c50d5744e4d9f41dd397c\" PRIMARY KEY (\"key\"))");
    await queryRunner.query("CREATE TABLE \"sensitive_reads\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"reader_id\" uuid NOT NULL, \"community_id\" uuid NOT NULL, \"resource\" text NOT NULL, \"read_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_87b46712301608b234e33b5e110\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_ae65a85b4e6ede8e71e765beed\" ON \"sensitive_reads\"  (\"community_id\") ");
    await queryRunner.query("CREATE TABLE \"participation_events\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"participation_id\" uuid NOT NULL, \"sequence\" integer NOT NULL, \"action\" text NOT NULL, \"from_status\" text, \"to_status\" text NOT NULL, \"reason\" text, \"actor_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_53d6d011aff0cd28fd4c8fbd55c\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"participation_event_sequence\" ON \"participation_events\"  (\"participation_id\", \"sequence\") ");
    await queryRunner.query("CREATE TABLE \"participations\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"community_id\" uuid NOT NULL, \"club_id\" uuid NOT NULL, \"status\" text NOT NULL, \"suspended_from\" text, \"statement\" text NOT NULL, \"version\" integer NOT NULL DEFAULT '1', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"participation_suspended_from\" CHECK ((status = 'suspended') = (suspended_from IS NOT NULL)), CONSTRAINT \"participation_status\" CHECK (status IN ('applied','observer','candidate','member','declined','suspended','withdrawn')), CONSTRAINT \"PK_7aa63b8dcd3d6f8aef8a98bb14a\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_159b36b90ab8a786f12fd19198\" ON \"participations\"  (\"club_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"participation_one_live\" ON \"participations\"  (\"community_id\", \"club_id\") WHERE status NOT IN ('declined', 'withdrawn')");
    await queryRunner.query("ALTER TABLE \"clubs\" ADD CONSTRAINT \"FK_b19ced389f3d0663cac392c72af\" FOREIGN KEY (\"city_id\") REFERENCES \"cities\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"communities\" ADD CONSTRAINT \"FK_116cdb754e11a9443589ee67549\" FOREIGN KEY (\"city_id\") REFERENCES \"cities\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"role_assignments\" ADD CONSTRAINT \"FK_d91c8ac0c10fd8c6acdcc5ee946\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"role_assignments\" ADD CONSTRAINT \"FK_bb58e28bb33eb5ee7ae6bd0d7a3\" FOREIGN KEY (\"club_id\") REFERENCES \"clubs\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"role_assignments\" ADD CONSTRAINT \"FK_f7a7fab5e4be43f01aa2868d16b\" FOREIGN KEY (\"community_id\") REFERENCES \"communities\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"sessions\" ADD CONSTRAINT \"FK_085d540d9f418cfbdc7bd55bb19\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"sensitive_reads\" ADD CONSTRAINT \"FK_132804290d09caa5dbd0c871750\" FOREIGN KEY (\"reader_id\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"sensitive_reads\" ADD CONSTRAINT \"FK_ae65a85b4e6ede8e71e765beedc\" FOREIGN KEY (\"community_id\") REFERENCES \"communities\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"participation_events\" ADD CONSTRAINT \"FK_66ae40a327378035b2bbd9254bb\" FOREIGN KEY (\"participation_id\") REFERENCES \"participations\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"participation_events\" ADD CONSTRAINT \"FK_dd0944c612c326db9e708b4b179\" FOREIGN KEY (\"actor_id\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"participations\" ADD CONSTRAINT \"FK_4f67e5acaf1ddab12f94c45dab0\" FOREIGN KEY (\"community_id\") REFERENCES \"communities\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"participations\" ADD CONSTRAINT \"FK_159b36b90ab8a786f12fd191984\" FOREIGN KEY (\"club_id\") REFERENCES \"clubs\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"participations\" DROP CONSTRAINT \"FK_159b36b90ab8a786f12fd191984\"");
    await queryRunner.query("ALTER TABLE \"participations\" DROP CONSTRAINT \"FK_4f67e5acaf1ddab12f94c45dab0\"");
    await queryRunner.query("ALTER TABLE \"participation_events\" DROP CONSTRAINT \"FK_dd0944c612c326db9e708b4b179\"");
    await queryRunner.query("ALTER TABLE \"participation_events\" DROP CONSTRAINT \"FK_66ae40a327378035b2bbd9254bb\"");
    await queryRunner.query("ALTER TABLE \"sensitive_reads\" DROP CONSTRAINT \"FK_ae65a85b4e6ede8e71e765beedc\"");
    await queryRunner.query("ALTER TABLE \"sensitive_reads\" DROP CONSTRAINT \"FK_132804290d09caa5dbd0c871750\"");
    await queryRunner.query("ALTER TABLE \"sessions\" DROP CONSTRAINT \"FK_085d540d9f418cfbdc7bd55bb19\"");
    await queryRunner.query("ALTER TABLE \"role_assignments\" DROP CONSTRAINT \"FK_f7a7fab5e4be43f01aa2868d16b\"");
    await queryRunner.query("ALTER TABLE \"role_assignments\" DROP CONSTRAINT \"FK_bb58e28bb33eb5ee7ae6bd0d7a3\"");
    await queryRunner.query("ALTER TABLE \"role_assignments\" DROP CONSTRAINT \"FK_d91c8ac0c10fd8c6acdcc5ee946\"");
    await queryRunner.query("ALTER TABLE \"communities\" DROP CONSTRAINT \"FK_116cdb754e11a9443589ee67549\"");
    await queryRunner.query("ALTER TABLE \"clubs\" DROP CONSTRAINT \"FK_b19ced389f3d0663cac392c72af\"");
    await queryRunner.query("DROP INDEX \"public\".\"participation_one_live\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_159b36b90ab8a786f12fd19198\"");
    await queryRunner.query("DROP TABLE \"participations\"");
    await queryRunner.query("DROP INDEX \"public\".\"participation_event_sequence\"");
    await queryRunner.query("DROP TABLE \"participation_events\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_ae65a85b4e6ede8e71e765beed\"");
    await queryRunner.query("DROP TABLE \"sensitive_reads\"");
    await queryRunner.query("DROP TABLE \"login_attempts\"");
    await queryRunner.query("DROP TABLE \"sessions\"");
    await queryRunner.query("DROP TABLE \"users\"");
    await queryRunner.query("DROP INDEX \"public\".\"role_assignment_unique\"");
    await queryRunner.query("DROP TABLE \"role_assignments\"");
    await queryRunner.query("DROP TABLE \"communities\"");
    await queryRunner.query("DROP TABLE \"clubs\"");
    await queryRunner.query("DROP TABLE \"cities\"");
  }
}
