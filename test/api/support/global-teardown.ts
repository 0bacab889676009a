import { Client } from 'pg';
import { quoteIdent, takeState } from './test-database';

/** Drops the run's database and stops the embedded PostgreSQL if the setup started one. */
export default async function globalTeardown(): Promise<void> {
  const state = takeState();
  if (!state) return;
  try {
    const admin = new Client({ connectionString: state.maintenanceUrl });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(state.database)} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  } finally {
    await state.embedded?.stop();
  }
}
