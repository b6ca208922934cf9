import 'reflect-metadata';
import { createServer } from 'node:http';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { createDataSource } from './db/data-source';
import { createApp } from './app';
import { rebuildRollupsIfMissing } from './modules/applications/rollups';
import { setScryptCost } from './auth/passwords';
import { isEmpty, seedDemoData } from '../seeds/seed';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  setScryptCost(config.scryptLog2N);
  const dataSource = createDataSource(config.database, logger);
  await dataSource.initialize();

  if (config.database.type === 'sqlite') {
    // The embedded database creates and upgrades itself; in development it starts with demo data.
    await dataSource.runMigrations({ transaction: 'each' });
    if (config.seedDemo && config.seedPassword && (await isEmpty(dataSource))) {
      await seedDemoData(dataSource, { password: config.seedPassword });
      logger.info('demo data written to the new embedded database (password: SEED_PASSWORD, default demo-2026 outside production)');
    }
  } else if (await dataSource.showMigrations()) {
    logger.fatal('the MySQL schema is behind the code: run `npm run migrate` first');
    process.exit(1);
  }

  // A database migrated from before the 数据统计 rollups gets them at its first start.
  if (await rebuildRollupsIfMissing(dataSource)) logger.info('statistics rollups rebuilt from the cases');

  const { app, stop, live } = await createApp({ config, dataSource, logger });
  const server = createServer(app);
  // GraphQL subscriptions (graphql-ws) upgrade on the same server and path.
  live.attach(server);
  server.listen(config.port, () => {
    logger.info(
      { port: config.port, database: config.database.type, env: config.nodeEnv },
      `API ready at http://localhost:${config.port}/graphql`,
    );
  });

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    // WebSocket connections would hold server.close open: they are told to reconnect elsewhere first.
    void live.close();
    server.close(() => {
      void stop()
        .then(() => dataSource.destroy())
        .then(() => process.exit(0));
    });
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
