import { randomBytes, timingSafeEqual } from 'node:crypto';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import bcrypt from 'bcryptjs';
import { OverloadedError } from '../graphql/errors';
import type { HashAnswer, HashJob } from './hash-worker';

/**
 * Passwords are hashed with scrypt at OWASP's password-storage parameters (N=2^17, r=8,
 * p=1: 128 MiB and a few hundred ms per hash here), on threads of their own at a lower
 * scheduling priority (src/auth/hash-worker.ts), so a sign-in never stalls other requests,
 * on the event loop or for a core. Stored self-describing:
 * `scrypt$N$r$p$<salt>$<hash>` (base64), so the parameters can be raised later.
 * Hashes from before (bcrypt, `$2…`) are still verified, and replaced at the next sign-in.
 */
let SCRYPT = { N: 2 ** 17, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** scrypt needs 128·N·r bytes; Node refuses above `maxmem` (32 MiB by default). */
const MAX_MEMORY = 256 * 2 ** 20;

interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/**
 * Hashes at once in this process: each keeps a core busy and holds 128 MiB, so during a
 * sign-in wave the event loop keeps a core and memory stays bounded; the rest queue.
 */
export const HASH_SLOTS = Math.max(1, availableParallelism() - 1);
/**
 * Hashes allowed to wait for a slot; beyond, OVERLOADED. A sign-in waiting here holds no
 * execution slot of admission control (src/http.ts), so this bounds what a wave of them
 * keeps in memory, and the hashes still owed to clients that may have given up: at 2–3
 * hashes a second on 2 cores, 64 is about half a minute of work.
 */
export const HASH_QUEUE_LIMIT = 64;
let hashesRunning = 0;
const waitingForSlot: (() => void)[] = [];

async function inHashSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (hashesRunning < HASH_SLOTS) hashesRunning += 1;
  else if (waitingForSlot.length >= HASH_QUEUE_LIMIT) throw new OverloadedError();
  else await new Promise<void>((resolve) => waitingForSlot.push(resolve));
  try {
    return await fn();
  } finally {
    // The slot passes straight to the next in line, or is freed.
    const next = waitingForSlot.shift();
    if (next) next();
    else hashesRunning -= 1;
  }
}

/** The nice value of the hashing threads (the event loop's is the process's, 0 by default). */
const HASH_NICE = 10;
/** A hashing thread idle this long ends: its isolate holds a few MiB that a quiet process need not keep. */
const THREAD_IDLE_MS = 30_000;

/** A hashing thread, and the job it is on (at most one: `inHashSlot` hands out a thread per slot). */
interface HashThread {
  worker: Worker;
  job?: { resolve(key: Buffer): void; reject(error: Error): void };
  idleTimer?: NodeJS.Timeout;
}

const idleThreads: HashThread[] = [];

function startThread(): HashThread {
  const thread: HashThread = { worker: new Worker(path.join(__dirname, 'hash-worker.js'), { workerData: { nice: HASH_NICE } }) };
  const { worker } = thread;
  // A thread that fails or ends fails its job and is not used again.
  const end = (error: Error) => {
    thread.job?.reject(error);
    thread.job = undefined;
    clearTimeout(thread.idleTimer);
    const at = idleThreads.indexOf(thread);
    if (at >= 0) idleThreads.splice(at, 1);
  };
  worker.on('message', (answer: HashAnswer) => {
    const { job } = thread;
    thread.job = undefined;
    // Idle, it does not keep the process alive.
    worker.unref();
    thread.idleTimer = setTimeout(() => {
      end(new Error('the hashing thread ended'));
      void worker.terminate();
    }, THREAD_IDLE_MS).unref();
    idleThreads.push(thread);
    if ('key' in answer) job?.resolve(Buffer.from(answer.key));
    else job?.reject(new Error(answer.error));
  });
  worker.on('error', end);
  worker.on('exit', (code) => end(new Error(`the hashing thread exited (${code})`)));
  return thread;
}

function onHashThread(job: HashJob): Promise<Buffer> {
  const thread = idleThreads.pop() ?? startThread();
  clearTimeout(thread.idleTimer);
  // On a job, it does: a command-line tool (create-admin) waits for its hash.
  thread.worker.ref();
  return new Promise((resolve, reject) => {
    thread.job = { resolve, reject };
    thread.worker.postMessage(job);
  });
}

function derive(password: string, salt: Buffer, params: ScryptParams, keyBytes: number): Promise<Buffer> {
  return inHashSlot(() => onHashThread({ password: password.normalize('NFC'), salt, keyBytes, params: { ...params, maxmem: MAX_MEMORY } }));
}

const format = (params: ScryptParams, salt: Buffer, key: Buffer) => `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  return format(SCRYPT, salt, await derive(password, salt, SCRYPT, KEY_BYTES));
}

function parseScrypt(hash: string): { params: ScryptParams; salt: Buffer; key: Buffer } | null {
  const match = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(hash);
  if (!match) return null;
  const params = { N: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  // Bounded, so a tampered row cannot ask for more memory than we allow.
  const [salt, key] = [Buffer.from(match[4], 'base64'), Buffer.from(match[5], 'base64')];
  if (128 * params.N * params.r > MAX_MEMORY / 2 || params.p > 16 || salt.length < 8 || key.length < 16) return null;
  return { params, salt, key };
}

export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  if (hash.startsWith('$2')) return bcrypt.compare(password, hash);
  const stored = parseScrypt(hash);
  if (!stored) return false;
  const key = await derive(password, stored.salt, stored.params, stored.key.length);
  return timingSafeEqual(key, stored.key);
}

/** True for a hash made before the current scheme or parameters: replace it at the next sign-in. */
export function needsRehash(hash: string): boolean {
  const stored = parseScrypt(hash);
  return !stored || stored.params.N !== SCRYPT.N || stored.params.r !== SCRYPT.r || stored.params.p !== SCRYPT.p;
}

/**
 * Compared against when the username is unknown, so both failures cost one scrypt of the
 * same parameters. Random: it matches no password, and costs nothing to make.
 */
let timingDummy = format(SCRYPT, randomBytes(SALT_BYTES), randomBytes(KEY_BYTES));
export const timingDummyHash = (): string => timingDummy;

/**
 * The cost of new hashes (log2 N), for the whole process: SCRYPT_LOG2_N, which only test
 * runs lower. Stored hashes keep the cost they were made with.
 */
export function setScryptCost(log2N: number): void {
  SCRYPT = { ...SCRYPT, N: 2 ** log2N };
  timingDummy = format(SCRYPT, randomBytes(SALT_BYTES), randomBytes(KEY_BYTES));
}

export const PASSWORD_RULES = 'at least 10 characters with a letter and a digit';

export function isStrongEnough(password: string): boolean {
  return password.length >= 10 && password.length <= 128 && /[A-Za-z]/.test(password) && /\d/.test(password);
}
