import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `csv_field(value, separator)`: one CSV field, the same rule as `csvField` in
 * apps/api/src/reports/csv.ts (a test checks they agree): text a spreadsheet would run as a formula
 * is defused with a leading apostrophe, and a field holding the separator, a quote or a line break is
 * quoted. Long exports (the audit log's) have PostgreSQL write their lines with it. One SQL expression,
 * neither STRICT nor with a FROM, so that the planner inlines it; NULL is the empty field.
 */
export class CsvField1796305500000 implements MigrationInterface {
  name = 'CsvField1796305500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION csv_field(value text, separator text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN strpos(value, separator) > 0 OR strpos(value, '"') > 0 OR strpos(value, E'\\n') > 0 OR strpos(value, E'\\r') > 0
                    THEN '"' || replace(CASE WHEN left(value, 1) IN ('=', '+', '-', '@', E'\\t', E'\\r') AND value !~ '^-?[0-9]' THEN '''' || value ELSE value END, '"', '""') || '"'
                    WHEN left(value, 1) IN ('=', '+', '-', '@', E'\\t', E'\\r') AND value !~ '^-?[0-9]' THEN '''' || value
                    ELSE COALESCE(value, '') END
      $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION csv_field(text, text)`);
  }
}
