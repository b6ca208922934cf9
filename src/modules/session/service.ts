import { RequestContext } from '../../context';
import { Db } from '../../db/db';
import { User } from '../tenancy/entities';
import { USERNAME_PATTERN } from '../tenancy/service';
import { BadUserInputError, UnauthenticatedError } from '../../graphql/errors';
import { messages } from '../../graphql/messages';
import { clearThrottle, countAttempt, markSeen, refundAttempt, seenSince, ThrottlePolicy } from '../../auth/throttle';
import { IssuedToken } from '../../auth/jwt';
import { hashPassword, isStrongEnough, needsRehash, timingDummyHash, verifyPassword } from '../../auth/passwords';
import { requireViewer } from '../../auth/guards';
import { ChangePasswordInput, LoginInput } from './inputs';
import * as audit from '../audit/service';
import { sessionMessages as m } from './messages';

/**
 * Sign-in throttling (README, Security). Tight per username and client: five attempts
 * in 15 minutes, then that client waits 15 minutes for that username. Loose per
 * username, so nobody can lock a person out: twenty attempts in 15 minutes from
 * clients that have not signed in as that person lately, then each further attempt
 * waits 1 s, 2 s, 4 s … up to 5 minutes; a client the person signed in from within
 * 30 days is held only by its own limit.
 */
export const LOGIN_PER_CLIENT: ThrottlePolicy = { maxAttempts: 5, windowMinutes: 15, lock: 'fixed', lockMinutes: 15 };
export const LOGIN_PER_ACCOUNT: ThrottlePolicy = { maxAttempts: 20, windowMinutes: 15, lock: 'growing', lockMinutes: 5 };
const KNOWN_CLIENT_DAYS = 30;

export interface SignedIn extends IssuedToken {
  user: User;
}

/** One error for a wrong username, a wrong password and an inactive account. */
function badCredentials(): UnauthenticatedError {
  return new UnauthenticatedError(m.badCredentials);
}

/** Throttle keys by what the caller typed, known username or not (bounded for the key column). */
function throttleKeys(username: string, clientIp: string) {
  const typed = username.trim().toLowerCase().slice(0, 64);
  return {
    perClient: `login:${typed}|${clientIp.slice(0, 45)}`,
    perAccount: `login:${typed}`,
    knownClient: `login-ok:${typed}|${clientIp.slice(0, 45)}`,
  };
}

/**
 * Signs in, and records the attempt in the audit log whatever its outcome (username as
 * typed, client address). Not in a transaction: a failed attempt must keep its count.
 */
export async function login(ctx: RequestContext, input: LoginInput): Promise<SignedIn> {
  const attempt: { account: User | null } = { account: null };
  let signedIn: SignedIn;
  try {
    signedIn = await attemptSignIn(ctx, input, attempt);
  } catch (error) {
    await audit.recordSignIn(ctx, input.username, audit.outcomeOf(error), attempt.account);
    throw error;
  }
  await audit.recordSignIn(ctx, input.username, 'OK', signedIn.user);
  return signedIn;
}

async function attemptSignIn(ctx: RequestContext, input: LoginInput, attempt: { account: User | null }): Promise<SignedIn> {
  if (input.username.length > 200 || input.password.length > 200) throw badCredentials();
  const now = ctx.now();
  const keys = throttleKeys(input.username, ctx.clientIp);
  const db = ctx.db;
  const username = input.username.trim().toLowerCase();
  // Unscoped on purpose: sign-in precedes any scope. A look-alike name (not lower-case
  // ASCII) never reaches the database, whose collation might fold it onto a real one.
  // Looked up first so that a throttled attempt is still recorded in the account's tenant.
  const user = USERNAME_PATTERN.test(username) ? await withPasswordHash(db).where('u.username = :username', { username }).getOne() : null;
  attempt.account = user && user.username === username ? user : null;
  // Every attempt counts before the password is checked, so parallel attempts cannot slip past the limit.
  await countAttempt(db, keys.perClient, now, LOGIN_PER_CLIENT);
  const knownClient = await seenSince(db, keys.knownClient, new Date(now.getTime() - KNOWN_CLIENT_DAYS * 86_400_000));
  if (!knownClient) await countAttempt(db, keys.perAccount, now, LOGIN_PER_ACCOUNT);
  // The hash waits its turn and runs on a thread of its own: meanwhile other requests may execute (src/http.ts).
  const passwordMatches = await ctx.withoutRequestSlot(() => verifyPassword(input.password, user?.passwordHash ?? timingDummyHash()));
  if (!user || user.username !== username || !passwordMatches || !user.active) {
    ctx.logger.info({ throttleKey: keys.perClient }, 'sign-in refused');
    throw badCredentials();
  }
  if (needsRehash(user.passwordHash)) {
    // An older hash (bcrypt): replaced now that the password is known, unless changed meanwhile.
    await db.unscoped.update(User, { id: user.id, passwordHash: user.passwordHash }, { passwordHash: await ctx.withoutRequestSlot(() => hashPassword(input.password)) });
  }
  await clearThrottle(db, keys.perClient);
  if (!knownClient) await refundAttempt(db, keys.perAccount);
  await markSeen(db, keys.knownClient, now);
  await ctx.signIn(user);
  // Tokens expire by the real clock, which is what verification reads.
  return { ...ctx.tokens.sign({ userId: user.id, tokenVersion: user.tokenVersion }), user };
}

/**
 * A new token for the viewer. The current one was verified when the request came in,
 * so a revoked or expired token never gets here; the account is read again for its
 * current token version and state.
 */
export async function refreshToken(ctx: RequestContext): Promise<SignedIn> {
  const viewer = requireViewer(ctx);
  // The viewer's own row; unscoped because platform admins have no business scope.
  const user = await ctx.db.unscoped.findOneOrFail(User, { where: { id: viewer.userId } });
  return { ...ctx.tokens.sign({ userId: user.id, tokenVersion: user.tokenVersion }), user };
}

/** An account row with its password hash, which no other read selects. Unscoped: the viewer's own row, or a sign-in before any scope. */
function withPasswordHash(db: Db) {
  return db.unscoped.createQueryBuilder(User, 'u').addSelect('u.passwordHash');
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
    throw new BadUserInputError(messages.weakPassword('newPassword'), 'input.newPassword');
  }
  return ctx.db.transaction(async (db) => {
    const user = await withPasswordHash(db).where('u.id = :id', { id: viewer.userId }).getOneOrFail();
    if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
      throw new BadUserInputError(m.wrongCurrentPassword, 'input.currentPassword');
    }
    if (input.currentPassword === input.newPassword) {
      throw new BadUserInputError(m.samePassword, 'input.newPassword');
    }
    user.passwordHash = await hashPassword(input.newPassword);
    user.tokenVersion += 1;
    await db.unscoped.save(User, user);
    return { ...ctx.tokens.sign({ userId: user.id, tokenVersion: user.tokenVersion }), user };
  });
}
