import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Config, DatabaseConfig } from '../config';

const SECRET_FILE = 'jwt-secret';
const DEFAULT_DIRECTORY = 'data';

/** Beside the embedded database file; `data/` for an in-memory or MySQL database. */
export function developmentSecretPath(database: DatabaseConfig): string {
  const nearDatabase = database.type === 'sqlite' && database.database !== ':memory:';
  return path.join(nearDatabase ? path.dirname(path.resolve(database.database)) : DEFAULT_DIRECTORY, SECRET_FILE);
}

/**
 * The development signing key: random, made once and kept (mode 0600) so restarts keep
 * sessions. No key that signs tokens is ever written in the repository.
 */
export function developmentJwtSecret(file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    // 'wx' fails if the file exists, so two processes starting at once agree on one secret.
    fs.writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const secret = fs.readFileSync(file, 'utf8').trim();
  if (Buffer.byteLength(secret) < 32) throw new Error(`${file} holds a secret shorter than 32 bytes: delete it to make a new one`);
  return secret;
}

/** JWT_SECRET, or in development the kept random one; nothing else signs tokens. */
export function resolveJwtSecret(config: Config): string {
  if (config.jwtSecret) return config.jwtSecret;
  if (config.nodeEnv !== 'development') throw new Error('JWT_SECRET must be set');
  return developmentJwtSecret(developmentSecretPath(config.database));
}
