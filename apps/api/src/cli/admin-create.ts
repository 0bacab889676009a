import 'reflect-metadata';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { SensitiveEventsService } from '../access/sensitive-events.service';
import { AccountMailService } from '../auth/account-mail.service';
import { AppError } from '../common/errors/app-error';
import { loadConfig } from '../config/app-config';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import { prepareDatabase } from '../database/prepare-database';
import { typeormOptions } from '../database/typeorm-options';
import { createRootLogger } from '../logger';
import { InvitationsService } from '../people/invitations.service';

/**
 * `npm run admin:create -- --email someone@example.kz`: invites the first administrator of a fresh
 * deployment (production has no default account) and prints the one-time link that sets the
 * password; the administrator sets up the second factor at the first sign-in. The same email goes
 * to the outbox (sent when SMTP_URL is set). Uses DATABASE_URL, or the embedded database of `npm start`.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { email: { type: 'string' } } });
  const email = values.email?.trim();
  if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    console.error('Usage: npm run admin:create -- --email someone@example.kz');
    process.exit(2);
  }
  const config = loadConfig();
  const logger = createRootLogger('warn');
  const embedded = config.DATABASE_URL
    ? null
    : await startEmbeddedPostgres({ dataDir: path.resolve(config.DATA_DIR, 'postgres'), database: 'dastarkhan', log: () => undefined });
  const url = config.DATABASE_URL ?? (embedded as { url: string }).url;
  try {
    await prepareDatabase(url, { demoData: false, logger });
    const db = await new DataSource(typeormOptions(url)).initialize();
    try {
      const invitations = new InvitationsService(db, new AccountMailService(config), new SensitiveEventsService(db), new AccessService(db));
      const { token } = await db.transaction((manager) => invitations.invite(manager, null, email, { role: 'administrator' }));
      console.log(`An invitation for ${email.toLowerCase()} as administrator, valid 7 days, once:`);
      console.log(`${config.PUBLIC_URL.replace(/\/+$/, '')}/accept-invitation#${token}`);
    } finally {
      await db.destroy();
    }
  } finally {
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`admin:create failed: ${error instanceof AppError || error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
