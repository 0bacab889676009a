// Writes the API's OpenAPI document to the path given as argument, without a database:
// the module graph is built in preview mode. Used by libs/api-client/generate.mjs.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { buildOpenApiDocument, createApp } from './app';
import { loadConfig } from './config/app-config';
import { createRootLogger } from './logger';

async function exportDocument(target: string) {
  const config = loadConfig({ NODE_ENV: 'development', WEB_DIST: '' });
  const app = await createApp({ config, databaseUrl: 'postgres://unused', logger: createRootLogger('warn'), preview: true });
  writeFileSync(target, `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
  await app.close();
}

void exportDocument(process.argv[2] ?? 'openapi.json');
