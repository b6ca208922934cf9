import { RequestContext } from '../../context';
import { LoginThrottle } from './entities';
import { User } from '../tenancy/entities';
import { AppError, BadUserInputError, TooManyAttemptsError } from '../../graphql/errors';
import { signToken, IssuedToken } from '../../auth/jwt';
import { hashPassword, isStrongEnough, PASSWORD_RULES, TIMING_DUMMY_HASH, verifyPassword } from '../../auth/passwords';
import { requireViewer } from '../../auth/guards';
import { Db } from '../../db/db';
import { ChangePasswordInput, LoginInput } from './inputs';

/** After this many failures within the window, the username is locked for LOCK_MINUTES. */
export const MAX_FAILURES = 5;
const WINDOW_MINUTES = 15;
const LOCK_MINUTES = 15;
const MINUTE = 60_000;

export interface SignedIn extends IssuedToken {
  user: User;
}

/** One error for a wrong username, a wrong password and an inactive account. */
function badCredentials(): AppError {
  return new AppError('UNAUTHENTICATED', 'Wrong username or password');
}

function throttleKey(username: string): string {
  return username.trim().toLowerCase().slice(0, 64);
}

// LoginThrottle rows belong to no tenant; all access here is unscoped on purpose.

async function assertNotLocked(db: Db, key: string, now: Date): Promise<void> {
  const row = await db.unscoped.findOne(LoginThrottle, { where: { username: key } });
  if (row?.lockedUntil && row.lockedUntil > now) {
    throw new TooManyAttemptsError(Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000));
  }
}

/**
 * Counts a failure in one atomic UPDATE, so concurrent attempts on several API
 * instances all count. `locked_until` is assigned first: MySQL evaluates SET clauses
 * left to right with the new values, SQLite with the old ones; first, both see the old.
 */
async function recordFailure(db: Db, key: string, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - WINDOW_MINUTES * MINUTE);
  const lockUntil = new Date(now.getTime() + LOCK_MINUTES * MINUTE);
  await db.unscoped
    .createQueryBuilder()
    .insert()
    .into(LoginThrottle)
    .values({ username: key, failures: 0, windowStartedAt: now, lockedUntil: null })
    .orIgnore()
    .execute();
  await db.unscoped
    .createQueryBuilder()
    .update(LoginThrottle)
    .set({
      lockedUntil: () =>
        'CASE WHEN window_started_at >= :windowStart AND failures + 1 >= :max THEN :lockUntil ELSE locked_until END',
      failures: () => 'CASE WHEN window_started_at >= :windowStart THEN failures + 1 ELSE 1 END',
      windowStartedAt: () => 'CASE WHEN window_started_at >= :windowStart THEN window_started_at ELSE :now END',
    })
    .where('username = :key')
    .setParameters({ key, windowStart, lockUntil, now, max: MAX_FAILURES })
    .execute();
}

export async function login(ctx: RequestContext, input: LoginInput, now = new Date()): Promise<SignedIn> {
  if (input.username.length > 200 || input.password.length > 200) throw badCredentials();
  const key = throttleKey(input.username);
  const db = ctx.db;
  await assertNotLocked(db, key, now);
  const user = await db.unscoped.findOne(User, { where: { username: key } });
  const passwordMatches = await verifyPassword(input.password, user?.passwordHash ?? TIMING_DUMMY_HASH);
  if (!user || !passwordMatches || !user.active) {
    await recordFailure(db, key, now);
    ctx.logger.info({ username: key }, 'sign-in refused');
    throw badCredentials();
  }
  await db.unscoped.delete(LoginThrottle, { username: key });
  await ctx.signIn(user);
  return { ...signToken(ctx.config, { userId: user.id, tokenVersion: user.tokenVersion }, now), user };
}

/** Revokes every token of the viewer (all devices). */
export async function logout(ctx: RequestContext): Promise<boolean> {
  const viewer = requireViewer(ctx);
  // The viewer's own row; unscoped because platform admins have no business scope.
  await ctx.db.unscoped.increment(User, { id: viewer.userId }, 'tokenVersion', 1);
  return true;
}

/** Changes the password, revokes older tokens, and returns a fresh token for this client. */
export async function changePassword(ctx: RequestContext, input: ChangePasswordInput): Promise<SignedIn> {
  const viewer = requireViewer(ctx);
  if (!isStrongEnough(input.newPassword)) {
    throw new BadUserInputError(`"newPassword" must be ${PASSWORD_RULES}`, 'input.newPassword');
  }
  return ctx.db.transaction(async (db) => {
    const user = await db.unscoped.findOneOrFail(User, { where: { id: viewer.userId } });
    if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
      throw new BadUserInputError('"currentPassword" is wrong', 'input.currentPassword');
    }
    if (input.currentPassword === input.newPassword) {
      throw new BadUserInputError('"newPassword" must differ from the current one', 'input.newPassword');
    }
    user.passwordHash = await hashPassword(input.newPassword);
    user.tokenVersion += 1;
    await db.unscoped.save(User, user);
    return { ...signToken(ctx.config, { userId: user.id, tokenVersion: user.tokenVersion }), user };
  });
}
