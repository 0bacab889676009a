import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Finding one among 20 000 (issue 14): `search_key(text)` folds case, Cyrillic and Kazakh letters
 * and Latin spellings into one form (the same folding as libs/domain `searchKey`; a test checks
 * they agree), and trigram indexes on it answer `LIKE '%…%'` searches of community names and of
 * people's names and email addresses. Written with replace/translate so that nothing beyond
 * pg_trgm is needed; `lower` under the "C" collation only folds ASCII, so the key never depends on
 * the database's locale (the Cyrillic capitals are mapped explicitly) and the function is truly immutable.
 */
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
    await queryRunner.query(`CREATE INDEX community_name_search ON communities USING gin (search_key(name) gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX user_name_search ON users USING gin (search_key(display_name) gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX user_email_search ON users USING gin (search_key(email) gin_trgm_ops)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX user_email_search`);
    await queryRunner.query(`DROP INDEX user_name_search`);
    await queryRunner.query(`DROP INDEX community_name_search`);
    await queryRunner.query(`DROP FUNCTION search_key(text)`);
  }
}
