import bcrypt from 'bcryptjs';

const COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** Compared against when the username is unknown, so both failures take the same time. */
export const TIMING_DUMMY_HASH = bcrypt.hashSync('timing-dummy-password', COST);

export const PASSWORD_RULES = 'at least 10 characters with a letter and a digit';

export function isStrongEnough(password: string): boolean {
  return password.length >= 10 && password.length <= 128 && /[A-Za-z]/.test(password) && /\d/.test(password);
}
