/** `npm run rebuild-rollups`: recounts the 数据统计 rollups from the cases (idempotent; safe while the API runs). */
import 'reflect-metadata';
import { ConfigError, loadConfig } from '../../config';
import { createLogger } from '../../logger';
import { createDataSource } from '../../db/data-source';
import { rebuildRollups } from './rollups';

async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = createDataSource(config.database, createLogger(config.logLevel));
  await dataSource.initialize();
  try {
    if (await dataSource.showMigrations()) throw new Error('the schema is behind the code: run `npm run migrate` first');
    const started = Date.now();
    const { tenants, rows } = await rebuildRollups(dataSource);
    process.stdout.write(`rollups rebuilt: ${rows} rows for ${tenants} tenants in ${Date.now() - started} ms\n`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`rebuild-rollups failed: ${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
