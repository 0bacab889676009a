import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Finding one among 20 000 (issue 14): `search_key(text)` folds case, Cyrillic and Kazakh letters
 * and Latin spellings into one form (the same folding as libs/domain `searchKey`; a test checks
 * they agree), and trigram indexes on the stored keys answer `LIKE '%…%'` searches of community names and of
 * people's names and email addresses. Written with replace/translate so that nothing beyond
 * pg_trgm is needed; `lower` under the "C" collation only folds ASCII, so the key never depends on
 * the database's locale (the Cyrillic capitals are mapped explicitly) and the function is truly immutable.
 */
/** [table, column, its stored search key]. */
const SEARCH_KEYS = [
  ['communities', 'name', 'name_search'],
  ['users', 'display_name', 'display_name_search'],
  ['users', 'email', 'email_search'],
] as const;

export class Search1796305400000 implements MigrationInterface {
  name = 'Search1796305400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`
      CREATE FUNCTION search_key(value text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT replace(replace(translate(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
          lower(value COLLATE "C"), 'щ', 'shch'), 'Щ', 'shch'), 'ш', 'sh'), 'Ш', 'sh'), 'ş', 'sh'), 'Ş', 'sh'), 'ч', 'ch'), 'Ч', 'ch'), 'ç', 'ch'), 'Ç', 'ch'),
          'ж', 'zh'), 'Ж', 'zh'), 'ю', 'yu'), 'Ю', 'yu'), 'я', 'ya'), 'Я', 'ya'), 'ц', 'ts'), 'Ц', 'ts'), 'х', 'kh'), 'Х', 'kh'),
          'абвгдеёзийклмнопрстуфыэәғқңөұүһіАБВГДЕЁЗИЙКЛМНОПРСТУФЫЭӘҒҚҢӨҰҮҺІäöüğıñūàáâãåèéêëìíîïòóôõùúûýÿÄÖÜĞİÑŪÀÁÂÃÅÈÉÊËÌÍÎÏÒÓÔÕÙÚÛÝŸyqъьЪЬ',
          'abvgdeeziiklmnoprstufieagknouuhiabvgdeeziiklmnoprstufieagknouuhiaouginuaaaaaeeeeiiiioooouuuiiaouginuaaaaaeeeeiiiioooouuuiiik'),
          'zh', 'j'), 'kh', 'h')
      $$`);
    // Stored, not only indexed: the heap recheck of a broad match (every "community") then reads a column instead of
    // folding 20 000 names again (1.3 s → a few ms at ×10), and the planner has statistics for the column.
    // TypeORM keeps a generated column's expression in its own table typeorm_metadata (which its migration runner
    // creates once an entity has a generated column; created here too so the migration stands alone).
    await queryRunner.query(
      `CREATE TABLE IF NOT EXISTS typeorm_metadata ("type" varchar NOT NULL, "database" varchar, "schema" varchar, "table" varchar, "name" varchar, "value" text)`,
    );
    for (const [table, column, key] of SEARCH_KEYS) {
      await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN ${key} text GENERATED ALWAYS AS (search_key(${column})) STORED`);
      await queryRunner.query(`CREATE INDEX ${table}_${key} ON ${table} USING gin (${key} gin_trgm_ops)`);
      await queryRunner.query(
        `INSERT INTO typeorm_metadata ("type", "database", "schema", "table", "name", "value")
         VALUES ('GENERATED_COLUMN', current_database(), current_schema(), $1, $2, $3)`,
        [table, key, `search_key(${column})`],
      );
    }
    // The grants of the people a search lists (people.service.ts withGrants) were read by a scan of every grant.
    await queryRunner.query(`CREATE INDEX role_grant_user ON role_grants (user_id)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX role_grant_user`);
    for (const [table, , key] of [...SEARCH_KEYS].reverse()) {
      await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN ${key}`);
      await queryRunner.query(`DELETE FROM typeorm_metadata WHERE "type" = 'GENERATED_COLUMN' AND "table" = $1 AND "name" = $2`, [table, key]);
    }
    await queryRunner.query(`DROP FUNCTION search_key(text)`);
  }
}
