import { DataSource, EntityManager } from 'typeorm';
import type { MysqlDriver } from 'typeorm/driver/mysql/MysqlDriver';
import { Logger } from '../logger';

/**
 * Read replicas (DATABASE_REPLICA_URLS, README "Deployment: replicas, several instances,
 * drain"). TypeORM's `replication` option puts the primary and the replicas in one mysql2
 * pool cluster. Its default sends every SELECT to a replica; here the default is the
 * primary (`defaultMode: 'master'`), so migrations, commands, authentication, jobs and
 * every mutation request read what they wrote, and only a GraphQL query request reads
 * through `replicaManager` below.
 */

/** After a replica refuses a connection, it is left alone this long (mysql2's restoreNodeTimeout). */
export const REPLICA_RETRY_MS = 5_000;
/** A fallback to the primary is logged at most this often. */
const FALLBACK_LOG_MS = 10_000;

function mysqlDriverOf(dataSource: DataSource): MysqlDriver | null {
  const driver = dataSource.driver as Partial<MysqlDriver>;
  return driver.isReplicated === true && typeof driver.obtainSlaveConnection === 'function' ? (driver as MysqlDriver) : null;
}

export function hasReplicas(dataSource: DataSource): boolean {
  return mysqlDriverOf(dataSource) !== null;
}

/**
 * TypeORM does not fall back by itself: when no replica can give a connection, the read
 * fails ("Pool does not exist"). Here it is read from the primary instead, and logged.
 * (A replica that fails once is skipped for REPLICA_RETRY_MS, so the reads meanwhile pay
 * no connection attempt; a query already running on a replica that dies still fails.)
 */
export function fallBackToPrimary(dataSource: DataSource, logger: Logger): void {
  const driver = mysqlDriverOf(dataSource);
  if (!driver) return;
  const fromReplica = driver.obtainSlaveConnection.bind(driver);
  let loggedAt = -Infinity;
  driver.obtainSlaveConnection = () =>
    fromReplica().catch((error: unknown) => {
      if (Date.now() - loggedAt >= FALLBACK_LOG_MS) {
        loggedAt = Date.now();
        logger.warn({ err: error }, 'no read replica answers: reading from the primary');
      }
      return driver.obtainMasterConnection();
    });
}

/**
 * An entity manager whose SELECTs (find, query builders) go to a replica; writes, raw
 * `query()` and transactions still go to the primary (TypeORM opens those in master
 * mode). It is the data source seen through a view that changes one answer: the
 * replication mode for reads.
 */
export function replicaManager(dataSource: DataSource): EntityManager | undefined {
  if (!hasReplicas(dataSource)) return undefined;
  const view = Object.create(dataSource, {
    defaultReplicationModeForReads: { value: () => 'slave' },
  }) as DataSource;
  return new EntityManager(view);
}

export interface ReplicaState {
  replica: number;
  status: 'up' | 'down';
  /** Seconds_Behind_Master, when the account may read the replica's status (null: unknown or not replicating). */
  lagSeconds?: number | null;
}

interface PoolConnection {
  query(sql: string, callback: (error: Error | null, rows: Record<string, unknown>[]) => void): void;
  release(): void;
}
interface PoolCluster {
  getConnection(pattern: string, callback: (error: Error | null, connection: PoolConnection) => void): void;
}

function ask(connection: PoolConnection, sql: string): Promise<Record<string, unknown>[]> {
  return new Promise((resolve, reject) => connection.query(sql, (error, rows) => (error ? reject(error) : resolve(rows))));
}

/** Each replica, for /readyz: reachable or not, and how far behind the primary it is (addresses and errors only in the log). */
export async function replicaStates(dataSource: DataSource, count: number, logger: Logger): Promise<ReplicaState[]> {
  const driver = mysqlDriverOf(dataSource);
  const cluster = (driver as unknown as { poolCluster?: PoolCluster } | null)?.poolCluster;
  if (!cluster) return [];
  return Promise.all(
    Array.from({ length: count }, async (_, index): Promise<ReplicaState> => {
      const replica = index + 1;
      let connection: PoolConnection;
      try {
        connection = await new Promise<PoolConnection>((resolve, reject) =>
          cluster.getConnection(`SLAVE${index}`, (error, got) => (error ? reject(error) : resolve(got))),
        );
      } catch (error) {
        logger.warn({ err: error, replica }, 'read replica unavailable');
        return { replica, status: 'down' };
      }
      try {
        await ask(connection, 'SELECT 1');
        let lagSeconds: number | null = null;
        try {
          const [row] = await ask(connection, 'SHOW SLAVE STATUS');
          const lag = row?.Seconds_Behind_Master;
          lagSeconds = lag === null || lag === undefined ? null : Number(lag);
        } catch {
          // The account lacks REPLICATION CLIENT / SLAVE MONITOR: the lag stays unknown.
        }
        return { replica, status: 'up', lagSeconds };
      } catch (error) {
        logger.warn({ err: error, replica }, 'read replica unavailable');
        return { replica, status: 'down' };
      } finally {
        connection.release();
      }
    }),
  );
}
