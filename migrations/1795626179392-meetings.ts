import { MigrationInterface, QueryRunner } from 'typeorm';

export class Meetings1795626179392 implements MigrationInterface {
  name = 'Meetings1795626179392';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"meeting_series\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"club_id\" uuid NOT NULL, \"rrule\" text NOT NULL, \"first_starts_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"duration_minutes\" integer NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_4eca052972681e25409955b1774\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"meetings\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"club_id\" uuid NOT NULL, \"series_id\" uuid, \"detached\" boolean NOT NULL DEFAULT false, \"title\" text NOT NULL, \"description\" text NOT NULL DEFAULT '', \"starts_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"ends_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"format\" text NOT NULL DEFAULT 'in_person', \"online_link\" text, \"venue\" text, \"venue_community_id\" uuid, \"visibility\" text NOT NULL DEFAULT 'club', \"status\" text NOT NULL DEFAULT 'scheduled', \"cancel_reason\" text, \"check_in_code\" text NOT NULL, \"minutes\" text NOT NULL DEFAULT '', \"minutes_published_at\" TIMESTAMP WITH TIME ZONE, \"created_by_id\" uuid NOT NULL, \"version\" integer NOT NULL DEFAULT '1', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"meeting_status\" CHECK (status IN ('scheduled', 'cancelled')), CONSTRAINT \"meeting_visibility\" CHECK (visibility IN ('public', 'club')), CONSTRAINT \"meeting_format\" CHECK (format IN ('in_person', 'online', 'hybrid')), CONSTRAINT \"meeting_times\" CHECK (ends_at > starts_at), CONSTRAINT \"PK_aa73be861afa77eb4ed31f3ed57\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"meeting_club_time\" ON \"meetings\"  (\"club_id\", \"starts_at\") ");
    await queryRunner.query("CREATE TABLE \"action_items\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"club_id\" uuid NOT NULL, \"meeting_id\" uuid NOT NULL, \"title\" text NOT NULL, \"owner_community_id\" uuid, \"owner_name\" text, \"due_date\" date NOT NULL, \"status\" text NOT NULL DEFAULT 'open', \"done_at\" TIMESTAMP WITH TIME ZONE, \"created_by_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"action_item_owner\" CHECK (owner_community_id IS NOT NULL OR owner_name IS NOT NULL), CONSTRAINT \"action_item_status\" CHECK (status IN ('open', 'done')), CONSTRAINT \"PK_5a84b168b001636b379312104ab\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"action_item_club_status\" ON \"action_items\"  (\"club_id\", \"status\") ");
    await queryRunner.query("CREATE TABLE \"attendance\" (\"meeting_id\" uuid NOT NULL, \"community_id\" uuid NOT NULL, \"status\" text NOT NULL, \"role\" text NOT NULL, \"method\" text NOT NULL, \"recorded_by_id\" uuid NOT NULL, \"version\" integer NOT NULL DEFAULT '1', \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"attendance_role\" CHECK (role IN ('member', 'observer')), CONSTRAINT \"attendance_status\" CHECK (status IN ('present', 'absent', 'excused')), CONSTRAINT \"PK_255323e2d1013046f468f015a05\" PRIMARY KEY (\"meeting_id\", \"community_id\"))");
    await queryRunner.query("CREATE TABLE \"attendance_events\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"meeting_id\" uuid NOT NULL, \"community_id\" uuid NOT NULL, \"from_status\" text, \"to_status\" text NOT NULL, \"role\" text NOT NULL, \"method\" text NOT NULL, \"actor_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_8d7140035888f869932307395ad\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"attendance_event_meeting\" ON \"attendance_events\"  (\"meeting_id\", \"community_id\") ");
    await queryRunner.query("CREATE TABLE \"calendar_tokens\" (\"token_hash\" text NOT NULL, \"club_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"revoked_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_f82866d34868ccae6c8307bd2dd\" PRIMARY KEY (\"token_hash\"))");
    await queryRunner.query("CREATE TABLE \"holidays\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"code\" text NOT NULL, \"tradition\" text, \"date\" date NOT NULL, \"days\" integer NOT NULL DEFAULT '1', \"name\" jsonb NOT NULL, CONSTRAINT \"PK_3646bdd4c3817d954d830881dfe\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_40dfddee0c0d7125c767d8962b\" ON \"holidays\"  (\"date\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"holiday_unique\" ON \"holidays\"  (\"tradition\", \"date\", \"code\") ");
    await queryRunner.query("CREATE TABLE \"topics\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"code\" text NOT NULL, \"name\" jsonb NOT NULL, \"archived\" boolean NOT NULL DEFAULT false, CONSTRAINT \"UQ_928bc2d3805e0e6a7519f57ba00\" UNIQUE (\"code\"), CONSTRAINT \"PK_e4aa99a3fa60ec3a37d1fc4e853\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"meeting_topics\" (\"meeting_id\" uuid NOT NULL, \"topic_id\" uuid NOT NULL, CONSTRAINT \"PK_9bcf9897c41f661ae4bd1b3e265\" PRIMARY KEY (\"meeting_id\", \"topic_id\"))");
    await queryRunner.query("CREATE TABLE \"agenda_items\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"meeting_id\" uuid NOT NULL, \"position\" integer NOT NULL, \"title\" text NOT NULL, \"presenter\" text NOT NULL DEFAULT '', CONSTRAINT \"PK_7274c40301175b4b4b347820d0c\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"agenda_item_position\" ON \"agenda_items\"  (\"meeting_id\", \"position\") ");
    await queryRunner.query("CREATE TABLE \"meeting_decisions\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"meeting_id\" uuid NOT NULL, \"position\" integer NOT NULL, \"text\" text NOT NULL, CONSTRAINT \"PK_c0b1f30eb05f77cd5b817f7c7d5\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"meeting_decision_position\" ON \"meeting_decisions\"  (\"meeting_id\", \"position\") ");
    await queryRunner.query("CREATE TABLE \"rsvps\" (\"meeting_id\" uuid NOT NULL, \"community_id\" uuid NOT NULL, \"answer\" text NOT NULL, \"attendees\" integer NOT NULL DEFAULT '1', \"responded_by_id\" uuid NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"rsvp_attendees\" CHECK (attendees >= 0 AND attendees <= 500), CONSTRAINT \"rsvp_answer\" CHECK (answer IN ('yes', 'no', 'maybe')), CONSTRAINT \"PK_565c5f32c79e750b57cd39d21e7\" PRIMARY KEY (\"meeting_id\", \"community_id\"))");
    await queryRunner.query("ALTER TABLE \"meeting_series\" ADD CONSTRAINT \"FK_4d34dcea884f3151caa096835e6\" FOREIGN KEY (\"club_id\") REFERENCES \"clubs\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"meetings\" ADD CONSTRAINT \"FK_86cdfb64429095d317bf46ee506\" FOREIGN KEY (\"club_id\") REFERENCES \"clubs\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"meetings\" ADD CONSTRAINT \"FK_ad1752d12df66b9099906f268f3\" FOREIGN KEY (\"series_id\") REFERENCES \"meeting_series\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"meetings\" ADD CONSTRAINT \"FK_290ee1ce78aa03c4b94b5bd0394\" FOREIGN KEY (\"venue_community_id\") REFERENCES \"communities\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"meetings\" ADD CONSTRAINT \"FK_6cd493a238ec7f06c3c1554e3aa\" FOREIGN KEY (\"created_by_id\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"action_items\" ADD CONSTRAINT \"FK_583c60945d60bb55c3e75654d40\" FOREIGN KEY (\"club_id\") REFERENCES \"clubs\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"action_items\" ADD CONSTRAINT \"FK_8f5712e4d1a50ebf15896257021\" FOREIGN KEY (\"meeting_id\") REFERENCES \"meetings\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"action_items\" ADD CONSTRAINT \"FK_a7d72370884c0ea37dcd452cf3b\" FOREIGN KEY (\"owner_community_id\") REFERENCES \"communities\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"action_items\" ADD CONSTRAINT \"FK_4ba8249e75966b91319c432ec31\" FOREIGN KEY (\"created_by_id\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"attendance\" ADD CONSTRAINT \"FK_fedd75244556b90cd6a92b7c149\" FOREIGN KEY (\"meeting_id\") REFERENCES \"meetings\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"attendance\" ADD CONSTRAINT \"FK_ed527015204997eac4a9875eac1\" FOREIGN KEY (\"community_id\") REFERENCES \"communities\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"attendance\" ADD CONSTRAINT \"FK_17bb15a4c1188987b0e9d7bc33b\" FOREIGN KEY (\"recorded_by_id\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"attendance_events\" ADD CONSTRAINT \"FK_feb86572bb7985a3808e72e0441\" FOREIGN KEY (\"meeting_id\") REFERENCES \"meetings\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"attendance_events\" ADD CONSTRAINT \"FK_abddf9d980124c18b6ebe0b04b7\" FOREIGN KEY (\"community_id\") REFERENCES \"communities\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"attendance_events\" ADD CONSTRAINT \"FK_b130300d8c6f7452bb7298b2355\" FOREIGN KEY (\"actor_id\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"calendar_tokens\" ADD CONSTRAINT \"FK_2fac16c4dfc3f19d998a4e4c8e1\" FOREIGN KEY (\"club_id\") REFERENCES \"clubs\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"calendar_tokens\" ADD CONSTRAINT \"FK_b72b4c7c65d3753a2b4fd1bb02a\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"meeting_topics\" ADD CONSTRAINT \"FK_7dace15518831f4d3935c8e7ff9\" FOREIGN KEY (\"meeting_id\") REFERENCES \"meetings\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"meeting_topics\" ADD CONSTRAINT \"FK_361f73e3fa545d7175076b38f6b\" FOREIGN KEY (\"topic_id\") REFERENCES \"topics\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"agenda_items\" ADD CONSTRAINT \"FK_c58f166b8bff4fd19c5353cd310\" FOREIGN KEY (\"meeting_id\") REFERENCES \"meetings\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"meeting_decisions\" ADD CONSTRAINT \"FK_fef9ecaae955c88fb316a11a5fa\" FOREIGN KEY (\"meeting_id\") REFERENCES \"meetings\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"rsvps\" ADD CONSTRAINT \"FK_bbdd15c41b52ffc309af79fe341\" FOREIGN KEY (\"meeting_id\") REFERENCES \"meetings\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"rsvps\" ADD CONSTRAINT \"FK_936180079e42585e33209ddd7ca\" FOREIGN KEY (\"community_id\") REFERENCES \"communities\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"rsvps\" ADD CONSTRAINT \"FK_066b32b1da99f57df755b33c47c\" FOREIGN KEY (\"responded_by_id\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"rsvps\" DROP CONSTRAINT \"FK_066b32b1da99f57df755b33c47c\"");
    await queryRunner.query("ALTER TABLE \"rsvps\" DROP CONSTRAINT \"FK_936180079e42585e33209ddd7ca\"");
    await queryRunner.query("ALTER TABLE \"rsvps\" DROP CONSTRAINT \"FK_bbdd15c41b52ffc309af79fe341\"");
    await queryRunner.query("ALTER TABLE \"meeting_decisions\" DROP CONSTRAINT \"FK_fef9ecaae955c88fb316a11a5fa\"");
    await queryRunner.query("ALTER TABLE \"agenda_items\" DROP CONSTRAINT \"FK_c58f166b8bff4fd19c5353cd310\"");
    await queryRunner.query("ALTER TABLE \"meeting_topics\" DROP CONSTRAINT \"FK_361f73e3fa545d7175076b38f6b\"");
    await queryRunner.query("ALTER TABLE \"meeting_topics\" DROP CONSTRAINT \"FK_7dace15518831f4d3935c8e7ff9\"");
    await queryRunner.query("ALTER TABLE \"calendar_tokens\" DROP CONSTRAINT \"FK_b72b4c7c65d3753a2b4fd1bb02a\"");
    await queryRunner.query("ALTER TABLE \"calendar_tokens\" DROP CONSTRAINT \"FK_2fac16c4dfc3f19d998a4e4c8e1\"");
    await queryRunner.query("ALTER TABLE \"attendance_events\" DROP CONSTRAINT \"FK_b130300d8c6f7452bb7298b2355\"");
    await queryRunner.query("ALTER TABLE \"attendance_events\" DROP CONSTRAINT \"FK_abddf9d980124c18b6ebe0b04b7\"");
    await queryRunner.query("ALTER TABLE \"attendance_events\" DROP CONSTRAINT \"FK_feb86572bb7985a3808e72e0441\"");
    await queryRunner.query("ALTER TABLE \"attendance\" DROP CONSTRAINT \"FK_17bb15a4c1188987b0e9d7bc33b\"");
    await queryRunner.query("ALTER TABLE \"attendance\" DROP CONSTRAINT \"FK_ed527015204997eac4a9875eac1\"");
    await queryRunner.query("ALTER TABLE \"attendance\" DROP CONSTRAINT \"FK_fedd75244556b90cd6a92b7c149\"");
    await queryRunner.query("ALTER TABLE \"action_items\" DROP CONSTRAINT \"FK_4ba8249e75966b91319c432ec31\"");
    await queryRunner.query("ALTER TABLE \"action_items\" DROP CONSTRAINT \"FK_a7d72370884c0ea37dcd452cf3b\"");
    await queryRunner.query("ALTER TABLE \"action_items\" DROP CONSTRAINT \"FK_8f5712e4d1a50ebf15896257021\"");
    await queryRunner.query("ALTER TABLE \"action_items\" DROP CONSTRAINT \"FK_583c60945d60bb55c3e75654d40\"");
    await queryRunner.query("ALTER TABLE \"meetings\" DROP CONSTRAINT \"FK_6cd493a238ec7f06c3c1554e3aa\"");
    await queryRunner.query("ALTER TABLE \"meetings\" DROP CONSTRAINT \"FK_290ee1ce78aa03c4b94b5bd0394\"");
    await queryRunner.query("ALTER TABLE \"meetings\" DROP CONSTRAINT \"FK_ad1752d12df66b9099906f268f3\"");
    await queryRunner.query("ALTER TABLE \"meetings\" DROP CONSTRAINT \"FK_86cdfb64429095d317bf46ee506\"");
    await queryRunner.query("ALTER TABLE \"meeting_series\" DROP CONSTRAINT \"FK_4d34dcea884f3151caa096835e6\"");
    await queryRunner.query("DROP TABLE \"rsvps\"");
    await queryRunner.query("DROP INDEX \"public\".\"meeting_decision_position\"");
    await queryRunner.query("DROP TABLE \"meeting_decisions\"");
    await queryRunner.query("DROP INDEX \"public\".\"agenda_item_position\"");
    await queryRunner.query("DROP TABLE \"agenda_items\"");
    await queryRunner.query("DROP TABLE \"meeting_topics\"");
    await queryRunner.query("DROP TABLE \"topics\"");
    await queryRunner.query("DROP INDEX \"public\".\"holiday_unique\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_40dfddee0c0d7125c767d8962b\"");
    await queryRunner.query("DROP TABLE \"holidays\"");
    await queryRunner.query("DROP TABLE \"calendar_tokens\"");
    await queryRunner.query("DROP INDEX \"public\".\"attendance_event_meeting\"");
    await queryRunner.query("DROP TABLE \"attendance_events\"");
    await queryRunner.query("DROP TABLE \"attendance\"");
    await queryRunner.query("DROP INDEX \"public\".\"action_item_club_status\"");
    await queryRunner.query("DROP TABLE \"action_items\"");
    await queryRunner.query("DROP INDEX \"public\".\"meeting_club_time\"");
    await queryRunner.query("DROP TABLE \"meetings\"");
    await queryRunner.query("DROP TABLE \"meeting_series\"");
  }
}
