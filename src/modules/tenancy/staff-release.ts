/**
 * What happens to a person's duties when they stop working as window staff: deactivated,
 * or the WINDOW_STAFF role taken away. Modules that give people duties (windows: AB岗
 * posts and covers) import tenancy, so tenancy cannot call them; they register a check
 * here instead, in modules/registry.ts. A check refuses by throwing (naming `field`), or
 * hands the duties to the replacements given. Checks run in the caller's transaction.
 */
import { RequestContext } from '../../context';
import { Db } from '../../db/db';
import { User } from './entities';
import { WindowReplacementInput } from './inputs';

export type StaffReleaseCheck = (ctx: RequestContext, db: Db, user: User, replacements: WindowReplacementInput[], field: string) => Promise<void>;

const checks: StaffReleaseCheck[] = [];

export function onStaffRelease(check: StaffReleaseCheck): void {
  if (!checks.includes(check)) checks.push(check);
}

/** Runs every registered check for `user`, who stops working as window staff now. */
export async function releaseStaff(ctx: RequestContext, db: Db, user: User, replacements: WindowReplacementInput[], field: string): Promise<void> {
  for (const check of checks) await check(ctx, db, user, replacements, field);
}
