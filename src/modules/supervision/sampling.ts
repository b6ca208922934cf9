import { randomBytes } from 'node:crypto';
import { RequestContext } from '../../context';
import { Db } from '../../db/db';
import { byIdLoader, groupedLoader } from '../../db/loaders';
import { requireRole, requireViewer } from '../../auth/guards';
import { Role } from '../../auth/roles';
import { ConnectionResult, ListArgs, paginate } from '../../graphql/connection';
import { BadUserInputError, ConflictError, NotFoundError } from '../../graphql/errors';
import { decodeGlobalIdOf } from '../../graphql/global-id';
import { InputCheck } from '../../validation/input-check';
import * as tenancy from '../tenancy/service';
import * as calendar from '../calendar/service';
import { WorkingCalendar } from '../calendar/service';
import { finishedCaseIds } from '../applications/supervision';
import { CaseSample, SampledCase, SamplingVerdict } from './entities';
import { DrawCaseSampleInput, RecordSamplingFindingInput, SampleOrderField, sampleSorting } from './inputs';
import { supervisionMessages as m } from './messages';

/**
 * 办件抽查 (锦州 第十一条): finished cases of a centre drawn at random and inspected. The draw
 * is reproducible: the seed is kept, the population is read in id order, and the pick is
 * made here with a seeded generator, so the same seed over the same cases gives the same
 * sample on SQLite and MySQL alike.
 */

const READERS = [Role.CENTRE_ADMIN, Role.SUPERVISOR, Role.AUDITOR];
const INSPECTORS = [Role.CENTRE_ADMIN, Role.SUPERVISOR];
export const MAX_SAMPLE_SIZE = 200;
const MAX_SPAN_DAYS = 366;

const samples = (db: Db) => db.scoped(CaseSample);
const sampledCases = (db: Db) => db.scoped(SampledCase);

/** sfc32 (Chris Doty-Humphrey's Small Fast Counter): 128 bits of seed, uniform 32-bit outputs. */
export function seededRandom(seedHex: string): () => number {
  let [a, b, c, d] = [0, 8, 16, 24].map((i) => parseInt(seedHex.slice(i, i + 8), 16) >>> 0);
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 15; i += 1) next(); // mix the seed in
  return next;
}

/** The first `size` of a seeded Fisher–Yates shuffle of `ids` (given in a stable order). */
export function drawSample(ids: readonly number[], size: number, seedHex: string): number[] {
  const pool = [...ids];
  const random = seededRandom(seedHex);
  const count = Math.min(size, pool.length);
  for (let i = 0; i < count; i += 1) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, count);
}

// ---- reads ------------------------------------------------------------------------

function readsSamples(ctx: RequestContext): boolean {
  const viewer = requireViewer(ctx);
  return READERS.some((role) => viewer.roles.has(role));
}

/** Samples: centre admins, supervisors and auditors, in their scope; nobody else. */
function visibleSamples(ctx: RequestContext, alias: string) {
  const query = samples(ctx.db).query(alias);
  return readsSamples(ctx) ? query : query.andWhere('1 = 0');
}

function visibleSampledCases(ctx: RequestContext, alias: string) {
  const query = sampledCases(ctx.db).query(alias);
  return readsSamples(ctx) ? query : query.andWhere('1 = 0');
}

export async function listSamples(ctx: RequestContext, args: ListArgs<SampleOrderField>, tenantCode?: string): Promise<ConnectionResult<CaseSample>> {
  const query = visibleSamples(ctx, 's');
  if (tenantCode) query.andWhere('s.tenantId = :listTenant', { listTenant: await tenancy.readableTenantIdOf(ctx, tenantCode, 'tenantCode') });
  return paginate(query, { list: 'caseSamples', alias: 's', sorting: sampleSorting }, args);
}

export function casesOfSample(ctx: RequestContext, sample: CaseSample): Promise<SampledCase[]> {
  return ctx.loaders
    .get('SampledCase.bySample', () =>
      groupedLoader((ids) => visibleSampledCases(ctx, 'c').andWhere('c.sampleId IN (:...ids)', { ids }).orderBy('c.position').getMany(), (row) => row.sampleId),
    )
    .load(sample.id);
}

export function loadSample(ctx: RequestContext, id: number): Promise<CaseSample | null> {
  return ctx.loaders.get('CaseSample.byId', () => byIdLoader((ids) => visibleSamples(ctx, 's').andWhere('s.id IN (:...ids)', { ids }).getMany())).load(id);
}

export function loadSampledCase(ctx: RequestContext, id: number): Promise<SampledCase | null> {
  return ctx.loaders.get('SampledCase.byId', () => byIdLoader((ids) => visibleSampledCases(ctx, 'c').andWhere('c.id IN (:...ids)', { ids }).getMany())).load(id);
}

// ---- drawing ----------------------------------------------------------------------

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isDate(value: string): boolean {
  return DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

/**
 * 办件抽查: `size` cases decided between `from` and `to` (the centre's local dates), of one
 * department if given, drawn with a new random seed (or the one given), in the own centre.
 */
export async function drawCaseSample(ctx: RequestContext, input: DrawCaseSampleInput): Promise<CaseSample> {
  const viewer = requireRole(ctx, ...INSPECTORS);
  const check = new InputCheck();
  const datesOk = isDate(input.from) && isDate(input.to) && input.from <= input.to;
  check.that(datesOk && (Date.parse(input.to) - Date.parse(input.from)) / 86_400_000 <= MAX_SPAN_DAYS, 'input.to', m.dates);
  check.that(Number.isInteger(input.size) && input.size >= 1 && input.size <= MAX_SAMPLE_SIZE, 'input.size', m.size);
  const seed = input.seed?.trim().toLowerCase() ?? randomBytes(16).toString('hex');
  check.that(/^[0-9a-f]{32}$/.test(seed), 'input.seed', m.seed);
  check.that(input.tenantCode === viewer.tenantCode, 'input.tenantCode', m.ownCentre);
  check.done();
  let departmentId: number | null = null;
  if (input.departmentId) {
    const department = await tenancy.loadDepartment(ctx, decodeGlobalIdOf('Department', input.departmentId, 'input.departmentId'));
    if (!department || department.tenantId !== viewer.tenantId) throw new BadUserInputError(m.sampleDepartment, 'input.departmentId');
    departmentId = department.id;
  }
  const tenant = await tenancy.loadTenant(ctx, viewer.tenantId);
  const workingCalendar: WorkingCalendar = await calendar.calendarOf(ctx, tenant!);
  const from = workingCalendar.instantAt(input.from, 0);
  const to = workingCalendar.instantAt(WorkingCalendar.nextDate(input.to), 0);
  const population = await finishedCaseIds(ctx, viewer.tenantId, from, to, departmentId);
  const picked = drawSample(population, input.size, seed);
  const now = ctx.now();
  const id = await ctx.db.transaction(async (db) => {
    const saved = await samples(db).save(
      samples(db).create({ tenantId: viewer.tenantId, fromDate: input.from, toDate: input.to, departmentId, size: input.size, population: population.length, seed, drawnById: viewer.userId, drawnAt: now }),
    );
    await sampledCases(db).insertMany(
      picked.map((applicationId, i) => ({
        tenantId: viewer.tenantId,
        sampleId: saved.id,
        position: i + 1,
        applicationId,
        verdict: SamplingVerdict.PENDING,
        problems: [],
        note: '',
        inspectedById: null,
        inspectedAt: null,
        version: 1,
      })),
    );
    return saved.id;
  });
  return samples(ctx.db).getById(id, m.sample);
}

/** 抽查结论: an inspector (centre admin or supervisor of the centre) records the finding on one case, once. */
export async function recordSamplingFinding(ctx: RequestContext, input: RecordSamplingFindingInput): Promise<SampledCase> {
  const viewer = requireRole(ctx, ...INSPECTORS);
  const problems = [...new Set(input.problems ?? [])];
  const note = input.note?.trim() ?? '';
  const check = new InputCheck();
  if (check.that(input.verdict === SamplingVerdict.COMPLIANT || input.verdict === SamplingVerdict.NON_COMPLIANT, 'input.verdict', m.findingVerdict)) {
    check.that(input.verdict === SamplingVerdict.COMPLIANT ? problems.length === 0 : problems.length > 0, 'input.problems', m.findingProblems);
  }
  check.that([...note].length <= 2000, 'input.note', m.note);
  check.done();
  const id = decodeGlobalIdOf('SampledCase', input.id, 'input.id');
  const sampled = await sampledCases(ctx.db).findById(id);
  if (!sampled) throw new NotFoundError(m.sampledCase);
  sampledCases(ctx.db).assertWritable(sampled);
  if (sampled.version !== input.version) throw new ConflictError(m.sampledStale, { field: 'version' });
  if (sampled.verdict !== SamplingVerdict.PENDING) throw new ConflictError(m.findingRecorded);
  await ctx.db.transaction(async (db) => {
    await sampledCases(db).updateVersioned(sampled, input.version, { verdict: input.verdict, problems, note, inspectedById: viewer.userId, inspectedAt: ctx.now() });
  });
  return sampledCases(ctx.db).getById(id, m.sampledCase);
}

// ---- for the sanction register ----------------------------------------------------

/** A sampled case of the viewer's own centre whose finding lists problems: the basis of a SAMPLING_FINDING sanction. */
export async function findingForSanction(ctx: RequestContext, globalId: string, field: string): Promise<SampledCase> {
  const viewer = requireViewer(ctx);
  const sampled = await loadSampledCase(ctx, decodeGlobalIdOf('SampledCase', globalId, field));
  if (!sampled || sampled.tenantId !== viewer.tenantId || sampled.verdict !== SamplingVerdict.NON_COMPLIANT) throw new BadUserInputError(m.findingNotProblem, field);
  return sampled;
}

export const samplingNodeLoaders = {
  CaseSample: (ctx: RequestContext, ids: number[]) => visibleSamples(ctx, 's').andWhere('s.id IN (:...ids)', { ids }).getMany(),
  SampledCase: (ctx: RequestContext, ids: number[]) => visibleSampledCases(ctx, 'c').andWhere('c.id IN (:...ids)', { ids }).getMany(),
};
