import 'reflect-metadata';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { createDataSource } from '../src/db/data-source';
import { seedDemoData } from './seed';
import { setScryptCost } from '../src/auth/passwords';

/** `npm run seed`: writes the demo data into DATABASE_URL (migrating the embedded database first). */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.seedDemo || !config.seedPassword) {
    throw new Error('demo data is written only in development, or with SEED_DEMO=1 and a SEED_PASSWORD of its own');
  }
  setScryptCost(config.scryptLog2N);
  const dataSource = createDataSource(config.database, createLogger(config.logLevel));
  await dataSource.initialize();
  if (config.database.type === 'sqlite') await dataSource.runMigrations({ transaction: 'each' });
  const before = await counts(dataSource);
  await seedDemoData(dataSource, { password: config.seedPassword });
  const after = await counts(dataSource);
  process.stdout.write(`demo data: ${after} (before: ${before})\n`);
  await dataSource.destroy();
}

async function counts(dataSource: import('typeorm').DataSource): Promise<string> {
  const [tenants, departments, users] = await Promise.all(
    ['tenant', 'department', 'user'].map(async (table) => {
      const [row] = await dataSource.query(`SELECT COUNT(*) AS n FROM ${dataSource.driver.escape(table)}`);
      return Number(row.n);
    }),
  );
  return `${tenants} tenants, ${departments} departments, ${users} users`;
}

main().catch((error: unknown) => {
  process.stderr.write(`seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
