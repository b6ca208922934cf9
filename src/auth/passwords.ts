import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { availableParallelism } from 'node:os';
import bcrypt from 'bcryptjs';

/**
 * Passwords are hashed with scrypt at OWASP's password-storage parameters (N=2^17, r=8,
 * p=1: 128 MiB and a few hundred ms per hash here), on libuv's thread pool, so a sign-in
 * never stalls other requests on the event loop. Stored self-describing:
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
const HASH_SLOTS = Math.max(1, availableParallelism() - 1);
let hashesRunning = 0;
const waitingForSlot: (() => void)[] = [];

async function inHashSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (hashesRunning < HASH_SLOTS) hashesRunning += 1;
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

function derive(password: string, salt: Buffer, params: ScryptParams, keyBytes: number): Promise<Buffer> {
  return inHashSlot(
    () =>
      new Promise((resolve, reject) => {
        scrypt(password.normalize('NFC'), salt, keyBytes, { ...params, maxmem: MAX_MEMORY }, (error, key) => (error ? reject(error) : resolve(key)));
      }),
  );
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
