/** 延时服务: the lunch-time duty rota of a window, on the centre's working-day calendar. */
import { RequestContext } from '../../context';
import { isDuplicateKey } from '../../db/errors';
import { requireRole } from '../../auth/guards';
import { Role } from '../../auth/roles';
import { BadUserInputError, ConflictError, NotFoundError } from '../../graphql/errors';
import { decodeGlobalIdOf } from '../../graphql/global-id';
import { User } from '../tenancy/entities';
import * as tenancy from '../tenancy/service';
import * as calendar from '../calendar/service';
import { LunchDutyRota } from './entities';
import { SetLunchDutyRotaInput } from './inputs';
import { unique, loadUsers, ownWindow, activeUserOf } from './service';

const MAX_ROTA_GROUP = 20;

// ---- dates -------------------------------------------------------------------

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
/** How far lunchDutyOn counts working days from a rota's start. */
const MAX_ROTA_SPAN_DAYS = 366 * 30;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a yyyy-mm-dd date; BAD_USER_INPUT when it is not a real date. */
function parseDate(date: string, field: string): number {
  const match = DATE_PATTERN.exec(date);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (!match || new Date(ms).toISOString().slice(0, 10) !== date) throw new BadUserInputError(`"${field}" must be a date yyyy-mm-dd`, field);
  return ms / DAY_MS;
}

/** The working-day calendar of a window's centre (holidays and 调休 included). */
async function calendarOfTenant(ctx: RequestContext, tenantId: number): Promise<calendar.WorkingCalendar> {
  const tenant = await tenancy.loadTenant(ctx, tenantId);
  if (!tenant) throw new NotFoundError('Tenant');
  return calendar.calendarOf(ctx, tenant);
}

/** 延时服务: who is on lunch duty on `date` (yyyy-mm-dd); nobody on a non-working day. */
export async function lunchDutyOn(ctx: RequestContext, rota: LunchDutyRota, date: string): Promise<User[]> {
  const day = parseDate(date, 'date');
  const workingCalendar = await calendarOfTenant(ctx, rota.tenantId);
  if (!workingCalendar.isWorkingDay(date)) return [];
  const start = parseDate(rota.startsOn, 'startsOn');
  if (Math.abs(day - start) > MAX_ROTA_SPAN_DAYS) {
    throw new BadUserInputError(`"date" must be within ${MAX_ROTA_SPAN_DAYS} days of the rota start ${rota.startsOn}`, 'date');
  }
  const groupOne = workingCalendar.workingDaysBetweenDates(rota.startsOn, date) % 2 === 0;
  return loadUsers(ctx, rotaGroup(groupOne ? rota.groupOneIds : rota.groupTwoIds));
}

/** simple-array columns come back as strings. */
export function rotaGroup(ids: (number | string)[]): number[] {
  return ids.map(Number);
}

export function rotaMembers(ctx: RequestContext, ids: (number | string)[]): Promise<User[]> {
  return loadUsers(ctx, rotaGroup(ids));
}


// ---- lunch duty rota ----------------------------------------------------------------------

async function rotaGroupOf(ctx: RequestContext, globalIds: string[], tenantId: number, field: string): Promise<number[]> {
  if (globalIds.length === 0) {
    throw new BadUserInputError(`"${field}" is empty: every working day needs at least one person on lunch duty`, field);
  }
  if (globalIds.length > MAX_ROTA_GROUP) throw new BadUserInputError(`"${field}" may have at most ${MAX_ROTA_GROUP} people`, field);
  const ids = unique(globalIds.map((id) => decodeGlobalIdOf('User', id, field)));
  await Promise.all(ids.map((id) => activeUserOf(ctx, id, tenantId, field)));
  return ids;
}

/** 延时服务: creates or replaces the lunch-time duty rota of a window. */
export async function setLunchDutyRota(ctx: RequestContext, input: SetLunchDutyRotaInput): Promise<LunchDutyRota> {
  requireRole(ctx, Role.CENTRE_ADMIN);
  const window = await ownWindow(ctx.db, input.windowId, 'input.windowId');
  const groupOneIds = await rotaGroupOf(ctx, input.groupOneIds, window.tenantId, 'input.groupOneIds');
  const groupTwoIds = await rotaGroupOf(ctx, input.groupTwoIds, window.tenantId, 'input.groupTwoIds');
  if (groupTwoIds.some((id) => groupOneIds.includes(id))) {
    throw new BadUserInputError('Nobody may be in both groups: the groups take turns', 'input.groupTwoIds');
  }
  parseDate(input.startsOn, 'input.startsOn');
  if (!(await calendarOfTenant(ctx, window.tenantId)).isWorkingDay(input.startsOn)) {
    throw new BadUserInputError('"startsOn" must be a working day (group one is on duty that day)', 'input.startsOn');
  }
  const fields = { groupOneIds, groupTwoIds, startsOn: input.startsOn };
  return ctx.db
    .transaction(async (db) => {
      const rotas = db.scoped(LunchDutyRota);
      const current = await rotas.query('r').andWhere('r.windowId = :windowId', { windowId: window.id }).getOne();
      if (!current) {
        const created = await rotas.save(Object.assign(new LunchDutyRota(), { tenantId: window.tenantId, windowId: window.id, ...fields }));
        return rotas.getById(created.id, 'LunchDutyRota');
      }
      if (input.version == null) {
        throw new ConflictError(`Window ${window.number} already has a rota: pass its version to replace it`, { field: 'version' });
      }
      await rotas.updateVersioned(current, input.version, fields);
      return rotas.getById(current.id, 'LunchDutyRota');
    })
    .catch((error: unknown) => {
      if (isDuplicateKey(error)) throw new ConflictError('The window got a rota meanwhile: reload it and try again', { field: 'version' });
      throw error;
    });
}
