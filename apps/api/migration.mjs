// npm run migration:generate -- <Name> | migration:run | migration:revert
// Works on DATABASE_URL, or on the embedded PostgreSQL in DATA_DIR (default .data) when it is unset.
// `generate` diffs the entities against the migrated schema and writes migrations/<timestamp>-<name>.ts
// (up and down), then lists it in migrations/index.ts.
import { createRequire } from 'node:module';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const dist = (file) => require(path.join(root, 'dist/api/apps/api/src', file));
require('reflect-metadata');
const { DataSource } = require('typeorm');
const { typeormOptions } = dist('database/typeorm-options.js');
const { startEmbeddedPostgres } = dist('database/embedded-postgres.js');

const [command, name] = process.argv.slice(2);
if (!['generate', 'run', 'revert'].includes(command) || (command === 'generate' && !/^[A-Za-z][A-Za-z0-9]*$/.test(name ?? ''))) {
  console.error('usage: node apps/api/migration.mjs generate <PascalCaseName> | run | revert');
  process.exit(2);
}

const embedded = process.env.DATABASE_URL
  ? null
  : await startEmbeddedPostgres({ dataDir: path.resolve(process.env.DATA_DIR ?? '.data', 'postgres'), database: 'dastarkhan', log: () => {} });
const dataSource = await new DataSource(typeormOptions(process.env.DATABASE_URL ?? embedded.url)).initialize();
try {
  if (command === 'run') {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    console.log(applied.length ? `applied: ${applied.map((m) => m.name).join(', ')}` : 'schema is up to date');
  } else if (command === 'revert') {
    await dataSource.undoLastMigration({ transaction: 'each' });
    console.log('reverted the last migration');
  } else {
    await dataSource.runMigrations({ transaction: 'each' });
    const { upQueries, downQueries } = await dataSource.driver.createSchemaBuilder().log();
    if (upQueries.length === 0) {
      console.log('no changes: the entities match the schema');
    } else {
      await writeMigration(name, upQueries, downQueries.reverse());
    }
  }
} finally {
  await dataSource.destroy();
  await embedded?.stop();
}

async function writeMigration(name, upQueries, downQueries) {
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const fileBase = `${timestamp}-${name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}`;
  const sql = (queries) =>
    queries.map((q) => `    await queryRunner.query(${JSON.stringify(q.query)}${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`).join('\n');
  const source = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${sql(upQueries)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${sql(downQueries)}
  }
}
`;
  await writeFile(path.join(root, 'migrations', `${fileBase}.ts`), source);
  const indexPath = path.join(root, 'migrations/index.ts');
  const index = await readFile(indexPath, 'utf8');
  const updated = index
    .replace(/\nexport const MIGRATIONS/, `\nimport { ${className} } from './${fileBase}';\nexport const MIGRATIONS`)
    .replace(/export const MIGRATIONS: Function\[\] = \[([^\]]*)\];/, (_m, list) => {
      const entries = list.split(',').map((s) => s.trim()).filter(Boolean);
      return `export const MIGRATIONS: Function[] = [${[...entries, className].join(', ')}];`;
    });
  await writeFile(indexPath, updated);
  console.log(`wrote migrations/${fileBase}.ts (${upQueries.length} statements) and listed it in migrations/index.ts`);
}
