import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createApp } from './app';
import { AppConfig, ConfigError, loadConfig } from './config/app-config';
import { prepareDatabase } from './database/prepare-database';
import { startEmbeddedPostgres } from './database/embedded-postgres';
import { DrainState } from './health/drain-state';
import { createRootLogger } from './logger';

async function main() {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const logger = createRootLogger(config.LOG_LEVEL);

  const embedded = config.DATABASE_URL
    ? null
    : await startEmbeddedPostgres({
        dataDir: path.resolve(config.DATA_DIR, 'postgres'),
        database: 'dastarkhan',
        log: (message) => logger.info({ context: 'embedded-postgres' }, message),
      });
  const databaseUrl = config.DATABASE_URL ?? (embedded as { url: string }).url;

  let app: NestFastifyApplication | undefined;
  let stopping = false;
  /**
   * SIGTERM (an orchestrator's stop, a rolling restart): readiness answers 503 first and requests are
   * still served for SHUTDOWN_DRAIN_SECONDS, until the load balancer has taken the replica out; then
   * close() stops listening, lets the requests in flight finish, hands unsent outbox emails back and
   * closes the database pool. SIGINT (Ctrl-C at a terminal) skips the wait.
   */
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // A request that never ends must not keep the replica alive forever.
    setTimeout(() => {
      logger.error('shutdown did not finish within 30 s; exiting');
      process.exit(1);
    }, (config.SHUTDOWN_DRAIN_SECONDS + 30) * 1000).unref();
    if (app && signal === 'SIGTERM') {
      app.get(DrainState).draining = true;
      await sleep(config.SHUTDOWN_DRAIN_SECONDS * 1000);
    }
    await app?.close().catch((error) => logger.error(error, 'error while closing the app'));
    await embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  try {
    // Demo data carries a published password: never in production unless DEMO_DATA=true says so.
    const demoData = config.DEMO_DATA ?? (embedded !== null && config.NODE_ENV !== 'production');
    if (demoData && config.NODE_ENV === 'production') logger.warn('DEMO_DATA=true: loading the demo data (published passwords) into a production start');
    if (!demoData && embedded !== null) logger.info('demo data not loaded (NODE_ENV=production; set DEMO_DATA=true to load it)');
    await prepareDatabase(databaseUrl, { demoData, logger });
    app = await createApp({ config, databaseUrl, logger });
    await app.listen({ port: config.PORT, host: '0.0.0.0' });
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  logger.info(`Dastarkhan is ready on http://localhost:${config.PORT} (API docs: /api/docs)`);
}

main().catch((error: unknown) => {
  // One sentence, not a stack trace, for failures a user can act on.
  console.error(`Dastarkhan could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
