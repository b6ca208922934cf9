/**
 * The loopback cluster of `npm run cluster-test` (README, "Deployment: replicas, several
 * instances, drain"): a MariaDB primary and a replica of it, Redis, API instances and a
 * round-robin proxy, each its own process on 127.0.0.1 and a free port, everything under
 * one temporary directory. `Cluster.stop()` stops all of it; the cases (cluster-test.ts)
 * only talk to it through the methods below.
 */
import { ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import mysql from 'mysql2/promise';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..', '..');
const HOST = '127.0.0.1';

export function log(message: string): void {
  process.stdout.write(`[cluster ${new Date().toISOString().slice(11, 23)}] ${message}\n`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A port nobody listens on now (the kernel's choice), on loopback. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined | false>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await sleep(100);
  }
}

const secret = (bytes = 24) => randomBytes(bytes).toString('base64url');

interface Proc {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  logFile: string;
}

/** One mariadbd with its own data directory, socket and port. */
export class MariaDb {
  readonly socket: string;
  private proc: Proc | undefined;

  constructor(
    private readonly cluster: Cluster,
    readonly name: string,
    readonly serverId: number,
    readonly port: number,
    readonly dataDir: string,
  ) {
    this.socket = path.join(cluster.dir, `${name}.sock`);
  }

  async start(): Promise<void> {
    const args = [
      '--no-defaults',
      `--user=${os.userInfo().username}`,
      `--datadir=${this.dataDir}`,
      `--port=${this.port}`,
      `--bind-address=${HOST}`,
      `--socket=${this.socket}`,
      `--pid-file=${path.join(this.cluster.dir, `${this.name}.pid`)}`,
      `--log-error=${path.join(this.cluster.dir, `${this.name}.err`)}`,
      `--server-id=${this.serverId}`,
      '--skip-name-resolve',
      '--innodb-buffer-pool-size=64M',
      '--innodb-flush-log-at-trx-commit=2',
      '--performance-schema=OFF',
      // Per-account statement counts (information_schema.USER_STATISTICS): on the replica,
      // Com_insert and Com_update also count what replication applies.
      '--userstat=1',
      '--max-connections=300',
      // The schema has triggers: with binary logging on, an account without SUPER may create
      // them only when the server trusts it to (README, Deployment).
      '--character-set-server=utf8mb4',
      '--collation-server=utf8mb4_unicode_ci',
      ...(this.serverId === 1 ? ['--log-bin=mysql-bin', '--binlog-format=ROW', '--sync-binlog=0', '--log-bin-trust-function-creators=1'] : ['--read-only=ON']),
    ];
    this.proc = this.cluster.spawn(this.name, '/usr/sbin/mariadbd', args, {});
    await until(`${this.name} to accept connections`, 60_000, async () => {
      if (this.proc?.child.exitCode !== null) throw new Error(`${this.name} exited; see ${this.proc?.logFile} and ${this.name}.err`);
      const connection = await mysql.createConnection({ socketPath: this.socket, user: 'root' });
      await connection.end();
      return true;
    });
  }

  /** SQL as the server's root, over its socket. */
  async sql<T = Record<string, unknown>>(query: string, values: unknown[] = []): Promise<T[]> {
    const connection = await mysql.createConnection({ socketPath: this.socket, user: 'root', dateStrings: true });
    try {
      const [rows] = await connection.query(query, values);
      return rows as T[];
    } finally {
      await connection.end();
    }
  }

  /** Statement counters since the server started (SHOW GLOBAL STATUS). */
  async counters(): Promise<{ select: number; insert: number; update: number }> {
    const rows = await this.sql<{ Variable_name: string; Value: string }>("SHOW GLOBAL STATUS WHERE Variable_name IN ('Com_select', 'Com_insert', 'Com_update')");
    const value = (name: string) => Number(rows.find((row) => row.Variable_name === name)?.Value ?? NaN);
    return { select: value('Com_select'), insert: value('Com_insert'), update: value('Com_update') };
  }

  /** Statements the API's account ran here: reads, writes (INSERT, UPDATE, DELETE), others. */
  async apiStatements(): Promise<{ select: number; write: number }> {
    const [row] = await this.sql<{ SELECT_COMMANDS: number; UPDATE_COMMANDS: number }>(
      "SELECT SELECT_COMMANDS, UPDATE_COMMANDS FROM information_schema.USER_STATISTICS WHERE USER = 'govapi'",
    );
    return { select: Number(row?.SELECT_COMMANDS ?? 0), write: Number(row?.UPDATE_COMMANDS ?? 0) };
  }

  async stop(): Promise<void> {
    if (this.proc) await this.cluster.stopProcess(this.proc);
  }
}

/** One API process (`node dist/src/index.js`). */
export class Instance {
  proc: Proc | undefined;
  constructor(
    private readonly cluster: Cluster,
    readonly index: number,
    readonly port: number,
  ) {}

  get name(): string {
    return `api${this.index + 1}`;
  }

  get url(): string {
    return `http://${HOST}:${this.port}`;
  }

  async start(): Promise<void> {
    this.cluster.lastStartAt = Date.now();
    this.proc = this.cluster.spawn(this.name, process.execPath, [path.join(ROOT, 'dist', 'src', 'index.js')], { ...this.cluster.apiEnv, HOST, PORT: String(this.port) });
    await until(`${this.name} to be ready`, 60_000, async () => {
      if (this.proc?.child.exitCode !== null) throw new Error(`${this.name} exited; see ${this.proc?.logFile}`);
      const res = await fetch(`${this.url}/readyz`);
      return res.status === 200;
    });
  }

  /** SIGTERM; resolves with the exit code once the process has drained and exited. */
  async terminate(): Promise<number | null> {
    const proc = this.proc;
    if (!proc) return null;
    proc.child.kill('SIGTERM');
    const code = await Promise.race([proc.exited, sleep(30_000).then(() => -1)]);
    if (code === -1) throw new Error(`${this.name} did not exit within 30 s of SIGTERM`);
    return code;
  }

  /** The instance's log lines (pino JSON) with the given message. */
  logged(message: string): Record<string, unknown>[] {
    if (!this.proc) return [];
    return fs
      .readFileSync(this.proc.logFile, 'utf8')
      .split('\n')
      .filter((line) => line.includes(message))
      .flatMap((line) => {
        try {
          return [JSON.parse(line) as Record<string, unknown>];
        } catch {
          return [];
        }
      });
  }
}

export interface ProxyStats {
  /** Requests sent to each instance. */
  sent: number[];
  /** Requests that found an instance's port closed before anything was sent, and went to the next. */
  refusedConnections: number;
  /** Requests the proxy could not deliver (answered 502): every one is a lost request. */
  failed: number;
}

/**
 * The load balancer: round robin over the instances whose /readyz answered 200 at the
 * last poll (every 100 ms). It retries nothing it has sent: a request goes to the next
 * instance only when the connection was refused, before a byte of it left the proxy.
 * No keep-alive towards the instances, like many balancers' health-checked pools.
 */
export class Proxy {
  readonly stats: ProxyStats;
  private readonly healthy: boolean[];
  private next = 0;
  private server: http.Server | undefined;
  private poller: NodeJS.Timeout | undefined;
  private polling = true;

  constructor(
    private readonly instances: Instance[],
    readonly port: number,
  ) {
    this.healthy = instances.map(() => false);
    this.stats = { sent: instances.map(() => 0), refusedConnections: 0, failed: 0 };
  }

  get url(): string {
    return `http://${HOST}:${this.port}`;
  }

  /** Health polls hit both databases (/readyz): the statement-counting case pauses them. */
  pauseHealthChecks(paused: boolean): void {
    this.polling = !paused;
  }

  private async poll(): Promise<void> {
    if (!this.polling) return;
    await Promise.all(
      this.instances.map(async (instance, index) => {
        try {
          const res = await fetch(`${instance.url}/readyz`, { signal: AbortSignal.timeout(1000), headers: { connection: 'close' } });
          await res.arrayBuffer();
          this.healthy[index] = res.status === 200;
        } catch {
          this.healthy[index] = false;
        }
      }),
    );
  }

  async start(): Promise<void> {
    await this.poll();
    const loop = () => {
      this.poller = setTimeout(() => void this.poll().finally(loop), 100);
    };
    loop();
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => this.forward(req, res, Buffer.concat(chunks), 0));
    });
    await new Promise<void>((resolve) => this.server?.listen(this.port, HOST, resolve));
  }

  private pick(): number | undefined {
    for (let tried = 0; tried < this.instances.length; tried += 1) {
      const index = this.next % this.instances.length;
      this.next += 1;
      if (this.healthy[index]) return index;
    }
    return undefined;
  }

  private forward(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer, attempt: number): void {
    const index = this.pick();
    if (index === undefined || attempt >= this.instances.length) {
      this.stats.failed += 1;
      res.writeHead(502, { 'content-type': 'application/json' }).end('{"errors":[{"message":"no instance available"}]}');
      return;
    }
    const headers = { ...req.headers, host: `${HOST}:${this.instances[index].port}`, 'x-forwarded-for': req.socket.remoteAddress ?? HOST, connection: 'close' };
    const upstream = http.request({ host: HOST, port: this.instances[index].port, method: req.method, path: req.url, headers, agent: false });
    upstream.on('response', (answer) => {
      this.stats.sent[index] += 1;
      res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'x-upstream': String(index) });
      answer.pipe(res);
    });
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED') {
        // Nothing was sent: the instance is gone; take it out and use the next one.
        this.healthy[index] = false;
        this.stats.refusedConnections += 1;
        this.forward(req, res, body, attempt + 1);
        return;
      }
      this.stats.failed += 1;
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      res.end(`{"errors":[{"message":"upstream ${index}: ${error.code ?? error.message}"}]}`);
    });
    upstream.end(body);
  }

  async stop(): Promise<void> {
    clearTimeout(this.poller);
    this.polling = false;
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

export interface GqlResult {
  status: number;
  upstream: number | undefined;
  data?: Record<string, any>;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export class Cluster {
  readonly dir: string;
  readonly primary: MariaDb;
  readonly replica: MariaDb;
  readonly instances: Instance[] = [];
  proxy!: Proxy;
  apiEnv: Record<string, string> = {};
  /** When an instance last (re)started (ms since the epoch): its periodic jobs count from then. */
  lastStartAt = 0;
  /** The demo accounts' password in this run (generated; production refuses the published one). */
  readonly seedPassword = secret();
  private readonly procs = new Set<Proc>();
  private redisPort = 0;
  private tokens = new Map<string, string>();

  private constructor(dir: string, ports: number[]) {
    this.dir = dir;
    this.primary = new MariaDb(this, 'primary', 1, ports[0], path.join(dir, 'primary-data'));
    this.replica = new MariaDb(this, 'replica', 2, ports[1], path.join(dir, 'replica-data'));
    this.redisPort = ports[2];
    for (let index = 0; index < 3; index += 1) this.instances.push(new Instance(this, index, ports[3 + index]));
    this.proxy = new Proxy(this.instances, ports[6]);
  }

  static async create(): Promise<Cluster> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govapi-cluster-'));
    const ports: number[] = [];
    while (ports.length < 7) {
      const port = await freePort();
      if (!ports.includes(port)) ports.push(port);
    }
    return new Cluster(dir, ports);
  }

  spawn(name: string, command: string, args: string[], env: Record<string, string>): Proc {
    const logFile = path.join(this.dir, `${name}.log`);
    const out = fs.openSync(logFile, 'a');
    const child = spawn(command, args, { cwd: ROOT, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: this.dir, ...env }, stdio: ['ignore', out, out] });
    fs.closeSync(out);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const proc = { name, child, exited, logFile };
    this.procs.add(proc);
    void exited.then(() => this.procs.delete(proc));
    return proc;
  }

  async stopProcess(proc: Proc): Promise<void> {
    if (proc.child.exitCode !== null || proc.child.signalCode !== null) return;
    proc.child.kill('SIGTERM');
    const done = await Promise.race([proc.exited.then(() => true), sleep(20_000).then(() => false)]);
    if (!done) {
      log(`${proc.name} ignored SIGTERM for 20 s: killing it`);
      proc.child.kill('SIGKILL');
      await proc.exited;
    }
  }

  /** Starts everything: databases with replication, Redis, migrations and data, instances, proxy. */
  async start(): Promise<void> {
    log(`working directory ${this.dir}`);
    const started = Date.now();
    await run('mariadb-install-db', ['--no-defaults', `--user=${os.userInfo().username}`, `--datadir=${this.primary.dataDir}`, '--auth-root-authentication-method=normal', '--skip-test-db'], { cwd: this.dir });
    // The replica starts as a copy of the same empty server, then follows the primary's binlog.
    fs.cpSync(this.primary.dataDir, this.replica.dataDir, { recursive: true });
    await Promise.all([this.primary.start(), this.replica.start(), this.startRedis()]);
    log(`mariadb primary :${this.primary.port}, replica :${this.replica.port}, redis :${this.redisPort} (${Date.now() - started} ms)`);

    const replPassword = secret();
    await this.primary.sql("CREATE USER 'repl'@'127.0.0.1' IDENTIFIED BY ?", [replPassword]);
    await this.primary.sql("GRANT REPLICATION SLAVE ON *.* TO 'repl'@'127.0.0.1'");
    const [position] = await this.primary.sql<{ File: string; Position: number }>('SHOW MASTER STATUS');
    await this.replica.sql(
      `CHANGE MASTER TO MASTER_HOST='${HOST}', MASTER_PORT=${this.primary.port}, MASTER_USER='repl', MASTER_PASSWORD=?, MASTER_LOG_FILE=?, MASTER_LOG_POS=?, MASTER_USE_GTID=no, MASTER_CONNECT_RETRY=1`,
      [replPassword, position.File, position.Position],
    );
    await this.replica.sql('START SLAVE');

    // Everything from here replicates: the database and the API's account exist on both.
    const apiPassword = secret();
    await this.primary.sql('CREATE DATABASE govapi CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
    await this.primary.sql("CREATE USER 'govapi'@'127.0.0.1' IDENTIFIED BY ?", [apiPassword]);
    await this.primary.sql("GRANT ALL PRIVILEGES ON govapi.* TO 'govapi'@'127.0.0.1'");
    // Lets /readyz read the replica's lag (SHOW SLAVE STATUS); optional.
    await this.primary.sql("GRANT SLAVE MONITOR ON *.* TO 'govapi'@'127.0.0.1'");
    await until('the replica to follow the primary', 30_000, async () => (await this.replica.sql("SELECT User FROM mysql.user WHERE User = 'govapi'")).length === 1);

    const url = (port: number) => `mariadb://govapi:${encodeURIComponent(apiPassword)}@${HOST}:${port}/govapi`;
    // Production, as deployed: generated secrets (never in the repository), OWASP's scrypt
    // cost, no introspection. The demo data is written by the seed command, which
    // production allows only with SEED_DEMO=1 and a password of its own.
    const base = { NODE_ENV: 'production', JWT_SECRET: secret(48), DATABASE_URL: url(this.primary.port), LOG_LEVEL: 'info' };
    const migrate = await run(process.execPath, [path.join(ROOT, 'dist', 'src', 'db', 'migrate.js')], { cwd: ROOT, env: { PATH: process.env.PATH, ...base } });
    log(`migrate: ${migrate.stdout.trim().slice(0, 120)}…`);
    const seed = await run(process.execPath, [path.join(ROOT, 'dist', 'seeds', 'run.js')], { cwd: ROOT, env: { PATH: process.env.PATH, ...base, LOG_LEVEL: 'warn', SEED_DEMO: '1', SEED_PASSWORD: this.seedPassword } });
    log(`seed: ${seed.stdout.trim()}`);

    this.apiEnv = {
      ...base,
      DATABASE_REPLICA_URLS: url(this.replica.port),
      REDIS_URL: `redis://${HOST}:${this.redisPort}`,
      // Long enough for the proxy (polling every 100 ms) to take the instance out first.
      DRAIN_DELAY_MS: '600',
      // The 电子监察 check in every instance, often enough for a case to see several rounds.
      SUPERVISION_JOB_INTERVAL: '5',
      SHUTDOWN_GRACE_MS: '10000',
    };
    await Promise.all(this.instances.map((instance) => instance.start()));
    await this.proxy.start();
    const listening = this.listening();
    const outside = listening.filter((socket) => !socket.startsWith('127.0.0.1:'));
    if (outside.length > 0 || listening.length < 7) throw new Error(`expected 7 sockets listening on 127.0.0.1 only, found ${listening.join(' ')}`);
    log(`listening: ${listening.join(' ')}`);
    log(`instances ${this.instances.map((i) => `:${i.port}`).join(' ')} behind the proxy ${this.proxy.url} (all up after ${Date.now() - started} ms)`);
  }

  /** The listening TCP sockets on this run's ports, as address:port (from /proc/net/tcp and tcp6). */
  listening(): string[] {
    const ports = new Set([this.primary.port, this.replica.port, this.redisPort, this.proxy.port, ...this.instances.map((i) => i.port)]);
    const found: string[] = [];
    for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
      if (!fs.existsSync(file)) continue;
      for (const line of fs.readFileSync(file, 'utf8').split('\n').slice(1)) {
        const [, local, , state] = line.trim().split(/\s+/);
        if (state !== '0A' || !local) continue; // 0A: LISTEN
        const [hex, portHex] = local.split(':');
        const port = parseInt(portHex, 16);
        if (!ports.has(port)) continue;
        const address =
          hex.length === 8
            ? hex.match(/../g)!.reverse().map((byte) => parseInt(byte, 16)).join('.')
            : hex === '0000000000000000FFFF00000100007F' ? '::ffff:127.0.0.1' : hex === '00000000000000000000000001000000' ? '::1' : `[${hex}]`;
        found.push(`${address}:${port}`);
      }
    }
    return found;
  }

  private async startRedis(): Promise<void> {
    const proc = this.spawn('redis', 'redis-server', ['--bind', HOST, '--port', String(this.redisPort), '--save', '', '--appendonly', 'no', '--dir', this.dir, '--protected-mode', 'yes'], {});
    await until('redis to answer PING', 20_000, async () => {
      if (proc.child.exitCode !== null) throw new Error(`redis exited; see ${proc.logFile}`);
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = net.connect(this.redisPort, HOST, () => socket.write('PING\r\n'));
        socket.once('data', (data) => {
          resolve(data.toString());
          socket.destroy();
        });
        socket.once('error', reject);
      });
      return answer.startsWith('+PONG');
    });
  }

  /** Stops every process it started (instances, proxy, Redis, databases), whatever happened. */
  async stop(): Promise<void> {
    await this.proxy.stop().catch(() => undefined);
    const order = (proc: Proc) => (proc.name.startsWith('api') ? 0 : proc.name === 'redis' ? 1 : 2);
    const procs = [...this.procs].sort((a, b) => order(a) - order(b));
    for (const rank of [0, 1, 2]) await Promise.all(procs.filter((proc) => order(proc) === rank).map((proc) => this.stopProcess(proc)));
  }

  removeFiles(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  /** The last lines of every log, for a failed run. */
  tails(lines = 15): string {
    return fs
      .readdirSync(this.dir)
      .filter((file) => file.endsWith('.log') || file.endsWith('.err'))
      .map((file) => `--- ${file}\n${fs.readFileSync(path.join(this.dir, file), 'utf8').trimEnd().split('\n').slice(-lines).join('\n')}`)
      .join('\n');
  }

  /** A GraphQL request through the proxy (or straight to one instance). */
  async gql(query: string, variables: Record<string, unknown> = {}, token?: string, target: string = this.proxy.url): Promise<GqlResult> {
    const res = await fetch(`${target}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    let json: { data?: Record<string, any>; errors?: GqlResult['errors'] } = {};
    try {
      json = JSON.parse(text);
    } catch {
      json = { errors: [{ message: text.slice(0, 200) }] };
    }
    const upstream = res.headers.get('x-upstream');
    return { status: res.status, upstream: upstream === null ? undefined : Number(upstream), ...json };
  }

  /** Signs a demo account in through the proxy (once per run). */
  async tokenOf(username: string): Promise<string> {
    const known = this.tokens.get(username);
    if (known) return known;
    const res = await this.gql('mutation($input: LoginInput!) { login(input: $input) { token } }', { input: { username, password: this.seedPassword } });
    const token = res.data?.login?.token as string | undefined;
    if (!token) throw new Error(`login of ${username} failed: ${JSON.stringify(res.errors)}`);
    this.tokens.set(username, token);
    return token;
  }
}
