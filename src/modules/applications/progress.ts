import { RequestContext } from '../../context';
import { Db } from '../../db/db';
import { InputCheck } from '../../validation/input-check';
import { countAttempt, refundAttempt, ThrottlePolicy } from '../../auth/throttle';
import { Tenant } from '../tenancy/entities';
import { Matter } from '../matters/entities';
import { Application, ApplicationEvent, ApplicationStatus } from './entities';
import { ApplicationProgress } from './types';
import { applicationMessages as m } from './messages';

/** Per client: enough for a person retyping, far too few to guess a phone's last digits. */
export const PROGRESS_THROTTLE: ThrottlePolicy = { maxAttempts: 10, windowMinutes: 15, lock: 'fixed', lockMinutes: 15 };

const NUMBER = /^(\d{6})-\d{8}-\d{6}$/;

/**
 * The case a caller without a token proves with its number and the last four digits of
 * the applicant's phone: the one credential of the public progress lookup and of public
 * ratings (好差评). Counted against the client before the lookup (parallel guesses all
 * count), refunded on a hit. A wrong pair answers exactly like an unknown number (null).
 * Returns the case with a read-only view of its centre.
 */
export async function caseByPublicPair(
  ctx: RequestContext,
  number: string,
  phoneLast4: string,
  fields: { number: string; phoneLast4: string } = { number: 'number', phoneLast4: 'phoneLast4' },
): Promise<{ application: Application; tenant: Tenant; db: Db } | null> {
  const check = new InputCheck();
  const match = NUMBER.exec(number);
  check.that(match !== null, fields.number, m.caseNumber);
  check.that(/^\d{4}$/.test(phoneLast4), fields.phoneLast4, m.phoneLast4);
  check.done();
  const key = `progress:${ctx.clientIp}`;
  await countAttempt(ctx.db, key, ctx.now(), PROGRESS_THROTTLE);
  // Unscoped on purpose: the caller is anonymous; the pair (number, phone) is the credential.
  const tenant = await ctx.db.unscoped.findOne(Tenant, { where: { code: match![1] } });
  const db = ctx.db.readOnlyFor(tenant ? [tenant.id] : []);
  const application = await db.scoped(Application).query('a').andWhere('a.number = :number', { number }).getOne();
  if (!tenant || !application || !application.applicantPhone.endsWith(phoneLast4)) return null;
  await refundAttempt(ctx.db, key);
  return { application, tenant, db };
}

/**
 * 办件进度查询, without a token: the case number and the last four digits of the
 * applicant's phone. A wrong pair answers exactly like an unknown number (null) and
 * counts against the client; no personal data, staff or notes are returned.
 */
export async function applicationProgress(ctx: RequestContext, number: string, phoneLast4: string): Promise<ApplicationProgress | null> {
  const found = await caseByPublicPair(ctx, number, phoneLast4);
  if (!found) return null;
  const { application, db } = found;
  const [matter, events] = await Promise.all([
    db.scoped(Matter).findById(application.matterId),
    db.scoped(ApplicationEvent).query('e').andWhere('e.applicationId = :id', { id: application.id }).orderBy('e.id').getMany(),
  ]);
  return {
    number: application.number,
    status: application.status,
    matterName: matter?.name ?? '',
    receivedAt: application.receivedAt,
    dueAt: application.dueAt,
    supplementDueAt: application.status === ApplicationStatus.AWAITING_SUPPLEMENT ? application.supplementDueAt : null,
    oneTimeNotice: application.status === ApplicationStatus.AWAITING_SUPPLEMENT ? (application.oneTimeNotice ?? []) : [],
    timeline: events.map((e) => ({ action: e.action, status: e.toStatus, at: e.at })),
  };
}
