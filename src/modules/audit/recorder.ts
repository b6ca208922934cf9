import { createHash } from 'node:crypto';
import { getOperationAST, GraphQLError, GraphQLSchema, defaultFieldResolver } from 'graphql';
import { GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { getMetadataStorage } from 'type-graphql';
import { RequestContext } from '../../context';
import { Node } from '../../graphql/node';
import { decodeGlobalId, encodeGlobalId } from '../../graphql/global-id';
import { rootFieldNames } from '../../graphql/operation-guard';
import { maskOfField } from '../../auth/field-policy';
import { isDuplicateKey } from '../../db/errors';
import { Tenant } from '../tenancy/entities';
import { DepartmentResolver, TenantResolver, UserResolver } from '../tenancy/resolver';
import { AuditDraft, appendEntries, PLATFORM_CHAIN, stableJson } from './chain';
import { AuditKind } from './entities';

/** Sign-ins are recorded by the session service: a failed one must keep its attempt count, which a rollback would undo. */
const RECORDED_BY_SESSION = new Set(['login']);
/** Left out of the record: secrets, and the phone digits that prove a public caller (好差评). */
const SECRET_KEY = /password|token|secret|phoneLast4/i;
/** File content given inline (a bank statement's CSV, full of payer names): recorded as its SHA-256 and size only. */
const FILE_CONTENT_KEY = /^csv$/;
const MAX_DETAILS_CHARS = 20_000;
const MAX_TARGETS = 2_000;

let tenancyOperations: Set<string> | undefined;

/** Mutations of the tenancy module (tenants, departments, accounts): platform admins read their entries. */
function isTenancyOperation(operation: string): boolean {
  const resolvers: Function[] = [TenantResolver, DepartmentResolver, UserResolver];
  tenancyOperations ??= new Set(getMetadataStorage().mutations.filter((m) => resolvers.includes(m.target)).map((m) => m.schemaName));
  return tenancyOperations.has(operation);
}

export function kindOf(operation: string): AuditKind {
  if (operation === 'login') return AuditKind.SIGN_IN;
  if (operation === 'logout') return AuditKind.SIGN_OUT;
  return isTenancyOperation(operation) ? AuditKind.TENANCY : AuditKind.MUTATION;
}

/** `OK`'s counterpart: the error code a caller saw. */
export function outcomeOf(error: unknown): string {
  if (error instanceof GraphQLError && typeof error.extensions.code === 'string') return error.extensions.code.slice(0, 32);
  if (isDuplicateKey(error)) return 'CONFLICT';
  return 'INTERNAL_SERVER_ERROR';
}

/** The input as recorded: secrets left out, PII masked by the field policies' own masks. */
export function recordedInput(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) return value.map((item) => recordedInput(item, key));
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !SECRET_KEY.test(k))
        .map(([k, v]) => [k, recordedInput(v, k)]),
    );
  }
  if (typeof value === 'string' && key !== undefined && FILE_CONTENT_KEY.test(key)) {
    return { sha256: createHash('sha256').update(value, 'utf8').digest('hex'), bytes: Buffer.byteLength(value, 'utf8') };
  }
  const mask = typeof value === 'string' && key !== undefined ? maskOfField(key) : undefined;
  return mask ? mask(value as string) : value;
}

function isGlobalId(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    decodeGlobalId(value);
    return true;
  } catch {
    return false;
  }
}

/** Global ids named in the input (`id`, `…Id`, `…Ids`). */
function inputIds(value: unknown, key = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => inputIds(item, key));
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => inputIds(v, k));
  }
  return (key === 'id' || /Ids?$/.test(key)) && isGlobalId(value) ? [value] : [];
}

/** Global ids of the nodes a mutation returned: the node, or the nodes of its payload. */
function resultIds(value: unknown, depth = 2): string[] {
  if (value instanceof Node) return [value.globalId];
  if (Array.isArray(value)) return value.flatMap((item) => resultIds(item, depth));
  if (depth === 0 || value === null || typeof value !== 'object' || value instanceof Date) return [];
  return Object.values(value as Record<string, unknown>).flatMap((item) => resultIds(item, depth - 1));
}

function targetList(ids: string[]): string {
  const unique = [...new Set(ids)].slice(0, MAX_TARGETS);
  return unique.length === 0 ? '' : ` ${unique.join(' ')} `;
}

function detailsText(details: unknown): string {
  const json = stableJson(details);
  return json.length > MAX_DETAILS_CHARS ? `${json.slice(0, MAX_DETAILS_CHARS)}…` : json;
}

interface EntryFields {
  operation: string;
  outcome: string;
  targets?: string[];
  details?: unknown;
  kind?: AuditKind;
  /** Defaults to the viewer's; an anonymous request's entries go to the platform chain. */
  tenant?: { id: number; code: string } | null;
  actorUsername?: string | null;
}

/** An entry about this request, by its viewer (if any), now. */
export function draftOf(ctx: RequestContext, fields: EntryFields): AuditDraft {
  const viewer = ctx.viewer;
  const tenant = fields.tenant !== undefined ? fields.tenant : viewer ? { id: viewer.tenantId, code: viewer.tenantCode } : null;
  const now = ctx.now();
  return {
    tenantId: tenant?.id ?? PLATFORM_CHAIN,
    tenantCode: tenant?.code ?? null,
    kind: fields.kind ?? kindOf(fields.operation),
    operation: fields.operation.slice(0, 200),
    outcome: fields.outcome,
    actorUserId: viewer?.userId ?? null,
    actorUsername: (fields.actorUsername !== undefined ? fields.actorUsername : viewer?.username ?? null)?.slice(0, 200) ?? null,
    actorRoles: viewer ? [...viewer.roles].sort().join(',') : '',
    targets: targetList(fields.targets ?? []),
    details: detailsText(fields.details ?? {}),
    requestId: ctx.requestId.slice(0, 64),
    clientAddress: ctx.clientIp.slice(0, 64),
    // Whole seconds: MySQL's DATETIME keeps no fraction, and the hash must survive the round trip.
    at: new Date(Math.floor(now.getTime() / 1000) * 1000),
  };
}

/**
 * One mutation, audited: its change and its entry commit in one transaction (an entry
 * that cannot be written fails the mutation); a refused attempt rolls back, then its
 * entry is written on its own.
 */
async function auditedMutation(ctx: RequestContext, operation: string, args: Record<string, unknown>, run: () => unknown): Promise<unknown> {
  const details = recordedInput(args);
  try {
    const result = await ctx.inTransaction(async () => {
      const value = await run();
      await appendEntries(ctx.db, [draftOf(ctx, { operation, outcome: 'OK', targets: [...resultIds(value), ...inputIds(args)], details })]);
      return value;
    });
    ctx.auditedMutations.add(operation);
    return result;
  } catch (error) {
    try {
      await appendEntries(ctx.db, [draftOf(ctx, { operation, outcome: outcomeOf(error), targets: inputIds(args), details })]);
      ctx.auditedMutations.add(operation);
    } catch (auditError) {
      ctx.logger.error({ err: auditError }, 'audit entry of a refused mutation not written');
    }
    throw error;
  }
}

/**
 * Wraps every root field of the Mutation type, present and future, so that each is
 * audited without its module doing anything. Only the root fields: nothing runs per row.
 */
export function auditEveryMutation(schema: GraphQLSchema): GraphQLSchema {
  const fields = schema.getMutationType()?.getFields() ?? {};
  for (const field of Object.values(fields)) {
    if (RECORDED_BY_SESSION.has(field.name)) continue;
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = (source, args: Record<string, unknown>, ctx: RequestContext, info) =>
      auditedMutation(ctx, info.fieldName, args, () => resolve(source, args, ctx, info));
  }
  return schema;
}

/** A sign-in attempt, as typed, with its outcome; a known account's attempts go to its tenant's chain. */
export async function recordSignIn(ctx: RequestContext, typedUsername: string, outcome: string, account: { tenantId: number } | null): Promise<void> {
  // Unscoped on purpose: a sign-in precedes any scope; only the tenant's code is read.
  const tenant = account && !ctx.viewer ? await ctx.db.unscoped.findOne(Tenant, { where: { id: account.tenantId } }) : undefined;
  const draft = draftOf(ctx, {
    operation: 'login',
    outcome,
    actorUsername: ctx.viewer ? ctx.viewer.username : typedUsername,
    ...(tenant !== undefined ? { tenant: tenant ? { id: tenant.id, code: tenant.code } : null } : {}),
    ...(ctx.viewer ? { targets: [encodeGlobalId('User', ctx.viewer.userId)] } : {}),
  });
  await appendEntries(ctx.db, [draft]);
  ctx.auditedMutations.add('login');
}

/**
 * At the end of a request, one batch: mutations that never reached their resolver
 * (refused by the operation guard, or by variable checks) and, when the response
 * carried PII in clear about someone else, one entry naming the fields and rows.
 * Returns false when the batch could not be written.
 */
export async function recordRequestEnd(request: GraphQLRequestContextWillSendResponse<RequestContext>): Promise<boolean> {
  const ctx = request.contextValue;
  const drafts: AuditDraft[] = [];
  const document = request.document;
  const operation = request.operation ?? (document ? getOperationAST(document, request.request.operationName) : null);
  const body = request.response.body;
  // An error without a path refused the whole operation (the guard, bad variables); one with
  // a path belongs to a field, and later mutations were then never run.
  const refusal = body.kind === 'single' ? body.singleResult.errors?.find((error) => error.path === undefined) : undefined;
  if (operation && document && operation.operation === 'mutation') {
    const known = request.schema.getMutationType()?.getFields() ?? {};
    const unrecorded = [...new Set(rootFieldNames(operation, document))].filter((name) => name in known && !ctx.auditedMutations.has(name));
    const outcome = typeof refusal?.extensions?.code === 'string' ? refusal.extensions.code.slice(0, 32) : 'NOT_EXECUTED';
    // Global ids from the variables, but no details: the variables of an unexecuted operation
    // are not yet tied to argument names, so secrets could not be told apart.
    const targets = inputIds(request.request.variables ?? {});
    for (const name of unrecorded) drafts.push(draftOf(ctx, { operation: name, outcome, targets }));
  }
  if (ctx.clearReads.size > 0) {
    const fields = [...ctx.clearReads.keys()].sort();
    const targets = [...ctx.clearReads].flatMap(([key, ids]) => [...ids].map((id) => encodeGlobalId(key.split('.')[0], id)));
    const names = operation && document ? rootFieldNames(operation, document).join(',') : 'query';
    drafts.push(draftOf(ctx, { operation: names, outcome: 'OK', kind: AuditKind.PII_READ, targets, details: { fields } }));
  }
  try {
    await appendEntries(ctx.db, drafts);
    return true;
  } catch (error) {
    ctx.logger.error({ err: error }, 'audit entries of the request not written');
    return false;
  }
}
