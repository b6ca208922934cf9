import { RequestContext } from '../../context';
import { User } from '../tenancy/entities';
import { AppError, BadUserInputError } from '../../graphql/errors';
import { assertNotThrottled, clearThrottle, recordFailure, ThrottlePolicy } from '../../auth/throttle';
import { signToken, IssuedToken } from '../../auth/jwt';
import { hashPassword, isStrongEnough, PASSWORD_RULES, TIMING_DUMMY_HASH, verifyPassword } from '../../auth/passwords';
import { requireViewer } from '../../auth/guards';
import { ChangePasswordInput, LoginInput } from './inputs';

/** After five failures within 15 minutes, the username is locked for 15 minutes. */
export const LOGIN_THROTTLE: ThrottlePolicy = { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 };

export interface SignedIn extends IssuedToken {
  user: User;
}

/** One error for a wrong username, a wrong password and an inactive account. */
function badCredentials(): AppError {
  return new AppError('UNAUTHENTICATED', 'Wrong username or password');
}

/** Throttled by what the caller typed, known username or not. */
function throttleKey(username: string): string {
  return `login:${username.trim().toLowerCase().slice(0, 64)}`;
}

export async function login(ctx: RequestContext, input: LoginInput): Promise<SignedIn> {
  if (input.username.length > 200 || input.password.length > 200) throw badCredentials();
  const now = new Date();
  const key = throttleKey(input.username);
  const db = ctx.db;
  await assertNotThrottled(db, key, now);
  // Unscoped on purpose: sign-in precedes any scope.
  const user = await db.unscoped.findOne(User, { where: { username: input.username.trim().toLowerCase() } });
  const passwordMatches = await verifyPassword(input.password, user?.passwordHash ?? TIMING_DUMMY_HASH);
  if (!user || !passwordMatches || !user.active) {
    await recordFailure(db, key, now, LOGIN_THROTTLE);
    ctx.logger.info({ throttleKey: key }, 'sign-in refused');
    throw badCredentials();
  }
  await clearThrottle(db, key);
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
