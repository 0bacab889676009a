import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { loadDemoData } from './demo-data';
import { typeormOptions } from './typeorm-options';

/** Brings the schema up to date and, when asked, fills an empty database with the demo data. */
export async function prepareDatabase(url: string, options: { demoData: boolean; logger: Logger }): Promise<void> {
  const dataSource = await new DataSource(typeormOptions(url)).initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length) options.logger.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
    if (options.demoData) {
      const loaded = await loadDemoData(dataSource);
      if (loaded) options.logger.info('demo data loaded (logins are listed in README.md)');
    }
  } finally {
    await dataSource.destroy();
  }
}
