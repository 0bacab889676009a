import { MigrationInterface, QueryRunner } from 'typeorm';

/** The club's names in every language, folded for searches (search_key, migration 1796305400000-search). */
export const CLUB_NAMES_SEARCH = `search_key(name || ' ' || COALESCE(names ->> 'kk', '') || ' ' || COALESCE(names ->> 'ru', ''))`;

/**
 * The clubs list a page at a time (issue 14): at ten times the country it answered every club at
 * once (207 at factor 10, four times slower than at factor 1). Keyset pages by (name, id), and a
 * search by a club's name in kk, ru or en, however spelled (trigram index on the stored key).
 */
export class ClubSearch1796305700000 implements MigrationInterface {
  name = 'ClubSearch1796305700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE clubs ADD COLUMN names_search text GENERATED ALWAYS AS (${CLUB_NAMES_SEARCH}) STORED`);
    await queryRunner.query(`CREATE INDEX clubs_names_search ON clubs USING gin (names_search gin_trgm_ops)`);
    await queryRunner.query(
      `INSERT INTO typeorm_metadata ("type", "database", "schema", "table", "name", "value")
       VALUES ('GENERATED_COLUMN', current_database(), current_schema(), 'clubs', 'names_search', $1)`,
      [CLUB_NAMES_SEARCH],
    );
    await queryRunner.query(`CREATE INDEX "club_name_page" ON "clubs" ("name", "id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."club_name_page"`);
    await queryRunner.query(`ALTER TABLE clubs DROP COLUMN names_search`);
    await queryRunner.query(`DELETE FROM typeorm_metadata WHERE "type" = 'GENERATED_COLUMN' AND "table" = 'clubs' AND "name" = 'names_search'`);
  }
}
