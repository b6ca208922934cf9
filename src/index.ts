import 'reflect-metadata';
import { createServer } from 'node:http';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { createDataSource } from './db/data-source';
import { createApp } from './app';
import { rebuildRollupsIfMissing } from './modules/applications/rollups';
import { setScryptCost } from './auth/passwords';
import { isEmpty, seedDemoData } from '../seeds/seed';
import { Lifecycle } from './lifecycle';

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

  const lifecycle = new Lifecycle();
  const { app, stop, live } = await createApp({ config, dataSource, logger, lifecycle });
  const server = createServer(app);
  // GraphQL subscriptions (graphql-ws) upgrade on the same server and path.
  live.attach(server);
  // Once new requests are refused, subscriptions are closed with 1001 (clients reconnect to
  // another instance); the GraphQL server and the database pools stop once the last request has finished.
  lifecycle.onShutdown('subscriptions', () => live.close());
  lifecycle.onStopped('graphql', () => stop());
  lifecycle.onStopped('database', () => dataSource.destroy());
  server.listen(config.port, config.host, () => {
    logger.info(
      { port: config.port, host: config.host ?? 'every interface', database: config.database.type, replicas: config.database.type === 'mysql' ? (config.database.replicas?.length ?? 0) : 0, env: config.nodeEnv },
      `API ready at http://localhost:${config.port}/graphql`,
    );
  });

  // SIGTERM drains (src/lifecycle.ts): not ready at once, refuse new requests after the
  // drain delay, finish those in flight within the grace, close the pools, exit 0.
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    // A last bound, should a step hang: the grace, the delay, and ten seconds for the steps.
    setTimeout(() => process.exit(1), config.drainDelayMs + config.shutdownGraceMs + 10_000).unref();
    void lifecycle
      .shutdown(server, { drainDelayMs: config.drainDelayMs, graceMs: config.shutdownGraceMs, logger })
      .then((code) => process.exit(code), (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
