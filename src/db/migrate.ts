import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config';
import { createLogger } from '../logger';
import { createDataSource } from './data-source';

/** `npm run migrate`: brings the database named by DATABASE_URL up to date. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'silent' ? 'silent' : 'info');
  const dataSource = createDataSource(config.database, logger);
  await dataSource.initialize();
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  process.stdout.write(`migrations applied: ${applied.length === 0 ? 'none (up to date)' : applied.map((m) => m.name).join(', ')}\n`);
  await dataSource.destroy();
}

main().catch((error: unknown) => {
  process.stderr.write(`migrate failed: ${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exit(1);
});
