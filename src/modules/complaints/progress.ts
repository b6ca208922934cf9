import { timingSafeEqual } from 'node:crypto';
import { RequestContext } from '../../context';
import { countAttempt, refundAttempt, ThrottlePolicy } from '../../auth/throttle';
import { BadUserInputError } from '../../graphql/errors';
import { Tenant } from '../tenancy/entities';
import { Complaint, ComplaintStatus } from './entities';
import { hashQueryCode, QUERY_CODE_LENGTH } from './service';
import { complaintMessages as m } from './messages';

/** Per client, as for the case progress page: enough for retyping, far too few to guess a code. */
export const COMPLAINT_PROGRESS_THROTTLE: ThrottlePolicy = { maxAttempts: 10, windowMinutes: 15, lock: 'fixed', lockMinutes: 15 };

const NUMBER = /^(\d{6})-TS-\d{8}-\d{6}$/;

export interface ComplaintProgressView {
  number: string;
  status: ComplaintStatus;
  dueAt: Date;
  reply: string | null;
}

/**
 * 投诉进度查询, without a token: the complaint number and the query code given at filing.
 * A wrong code answers exactly like an unknown number (null) and counts against the
 * client; only the status, the deadline and the published reply are shown.
 */
export async function complaintProgress(ctx: RequestContext, number: string, queryCode: string): Promise<ComplaintProgressView | null> {
  const match = NUMBER.exec(number);
  if (!match) throw new BadUserInputError(m.complaintNumber, 'number');
  const code = queryCode.trim().toUpperCase();
  if (!new RegExp(`^[A-Z0-9]{${QUERY_CODE_LENGTH}}$`).test(code)) throw new BadUserInputError(m.queryCode, 'queryCode');
  const key = `complaint-progress:${ctx.clientIp}`;
  // Counted before the lookup (parallel guesses all count); a hit is refunded.
  await countAttempt(ctx.db, key, ctx.now(), COMPLAINT_PROGRESS_THROTTLE);
  // Unscoped on purpose: the caller is anonymous; the pair (number, code) is the credential.
  const tenant = await ctx.db.unscoped.findOne(Tenant, { where: { code: match[1] } });
  const db = ctx.db.readOnlyFor(tenant ? [tenant.id] : []);
  const complaint = await db.scoped(Complaint).query('c').andWhere('c.number = :number', { number }).getOne();
  if (!complaint || !timingSafeEqual(Buffer.from(complaint.queryCodeHash), Buffer.from(hashQueryCode(code)))) return null;
  await refundAttempt(ctx.db, key);
  const replied = complaint.status === ComplaintStatus.RESOLVED || complaint.status === ComplaintStatus.CLOSED;
  return { number: complaint.number, status: complaint.status, dueAt: complaint.dueAt, reply: replied ? complaint.reply : null };
}
