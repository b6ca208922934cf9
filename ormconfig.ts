import { loadConfig } from './src/config';
import { createDataSource } from './src/db/data-source';
import { createLogger } from './src/logger';

/** The DataSource for the TypeORM CLI (migration:generate, migration:run), from DATABASE_URL. */
const config = loadConfig();
export default createDataSource(config.database, createLogger(config.logLevel));
