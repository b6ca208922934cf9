import { Field, MiddlewareFn, UseMiddleware, registerEnumType } from 'type-graphql';

/** A field's GraphQL type, as type-graphql's `@Field(() => …)` takes it (not exported by it). */
type FieldType = Parameters<typeof Field>[0] & (() => unknown);
import type { RequestContext } from '../context';
import { Role } from './roles';
import { Viewer } from './viewer';

/**
 * Field policies (DESIGN.md §3.3): one declarative row per sensitive field says who
 * sees it in clear, who sees it masked, and (everyone else) who gets null. Modules
 * declare their rows in their `policies.ts`; `GuardedField` attaches the one middleware
 * to exactly those fields, never globally.
 */
export enum FieldAccess {
  CLEAR = 'CLEAR',
  MASKED = 'MASKED',
  HIDDEN = 'HIDDEN',
}
registerEnumType(FieldAccess, {
  name: 'FieldAccess',
  description: 'How a guarded field reaches the viewer',
  valuesConfig: {
    CLEAR: { description: 'In clear (明文)' },
    MASKED: { description: 'Masked (脱敏), e.g. 2103**********1234' },
    HIDDEN: { description: 'Null, and named in extensions.redacted' },
  },
});

/** What a policy needs to know about the row that holds the field. */
export interface PolicySubject {
  tenantId: number;
  /** The person the data is about, when that person is a user. */
  personUserId?: number;
  /** Departments handling the row (a case's implementing department). */
  departmentIds?: number[];
  /** Staff handling the row in person (a case's receiving window). */
  staffIds?: number[];
  /** Heads (Department.head) of the departments the row is about (an appraisal result's). */
  headUserIds?: number[];
  /**
   * People the field never reaches, whatever their role: those a complaint is about (the
   * staff members, and everyone in the departments, complained about).
   */
  excluded?: { userIds: number[]; departmentIds: number[] };
}

function isExcluded(viewer: Viewer, subject: PolicySubject): boolean {
  const excluded = subject.excluded;
  return excluded !== undefined && (excluded.userIds.includes(viewer.userId) || excluded.departmentIds.includes(viewer.departmentId));
}

/** A group of viewers, named for the schema description. */
export interface Audience {
  label: string;
  includes(viewer: Viewer, subject: PolicySubject): boolean;
}

export interface FieldPolicy<Row = never> {
  /** `Type.field`, as reported in `extensions.redacted`. */
  key: string;
  /** What the policy needs to know about the row; may load through the request's loaders. */
  subject(row: Row, ctx: RequestContext): PolicySubject | Promise<PolicySubject>;
  clear: Audience[];
  masked: Audience[];
  mask(value: string): string;
  /** Who `subject().excluded` names, for the schema description. */
  excludes?: string;
}

const table = new Map<string, FieldPolicy<unknown>>();

export function defineFieldPolicy<Row>(policy: FieldPolicy<Row>): FieldPolicy<Row> {
  if (table.has(policy.key)) throw new Error(`field policy ${policy.key} defined twice`);
  table.set(policy.key, policy as FieldPolicy<unknown>);
  return policy;
}

/** The rows of the table for one GraphQL type. */
export function fieldPoliciesOf(typeName: string): FieldPolicy<unknown>[] {
  return [...table.values()].filter((policy) => policy.key.startsWith(`${typeName}.`));
}

export function accessFor(policy: FieldPolicy<unknown>, viewer: Viewer | null, subject: PolicySubject): FieldAccess {
  if (!viewer || isExcluded(viewer, subject)) return FieldAccess.HIDDEN;
  if (policy.clear.some((audience) => audience.includes(viewer, subject))) return FieldAccess.CLEAR;
  if (policy.masked.some((audience) => audience.includes(viewer, subject))) return FieldAccess.MASKED;
  return FieldAccess.HIDDEN;
}

export function visibleToLine(policy: FieldPolicy<unknown>): string {
  const clear = policy.clear.map((a) => a.label).join('; ');
  const masked = policy.masked.map((a) => a.label).join('; ');
  return `Visible to: ${clear} (clear)${masked ? `; ${masked} (masked)` : ''}; null to everyone else${policy.excludes ? `, and always to ${policy.excludes}` : ''}.`;
}

function noteClearRead(context: RequestContext, key: string, rowId: number): void {
  const ids = context.clearReads.get(key);
  if (ids) ids.add(rowId);
  else context.clearReads.set(key, new Set([rowId]));
}

/** The mask of the guarded field named `field` (of any type), for masking the same data in inputs. */
export function maskOfField(field: string): ((value: string) => string) | undefined {
  return [...table.values()].find((policy) => policy.key.endsWith(`.${field}`))?.mask;
}

/** Requests record which guarded fields they redacted; app.ts reports them in `extensions.redacted`. */
function policyMiddleware<Row>(policy: FieldPolicy<Row>): MiddlewareFn<RequestContext> {
  return async ({ root, context }, next) => {
    const value: unknown = await next();
    if (value === null || value === undefined) return value;
    const subject = await policy.subject(root as Row, context);
    const access = accessFor(policy as FieldPolicy<unknown>, context.viewer, subject);
    if (access === FieldAccess.CLEAR) {
      // The audit log records clear reads about someone other than the viewer (one entry per request).
      if (subject.personUserId !== context.viewer?.userId) noteClearRead(context, policy.key, (root as { id: number }).id);
      return value;
    }
    context.redacted.add(policy.key);
    return access === FieldAccess.MASKED ? policy.mask(String(value)) : null;
  };
}

/** `description` ending with who may see a field guarded by `policy`. */
export function guardedDescription<Row>(policy: FieldPolicy<Row>, description: string): string {
  return `${description}\n\n${visibleToLine(policy as FieldPolicy<unknown>)}`;
}

/**
 * A nullable field guarded by `policy` (a String unless `type` says otherwise; only
 * strings are ever masked), its description ending with who may see it.
 */
export function GuardedField<Row>(policy: FieldPolicy<Row>, description: string, type: FieldType = () => String): PropertyDecorator {
  return (target, propertyKey) => {
    Field(type, { nullable: true, description: guardedDescription(policy, description) })(target, propertyKey);
    UseMiddleware(policyMiddleware(policy))(target, propertyKey);
  };
}

/** Guards a field resolver (declared with `guardedDescription`) by `policy`. */
export function GuardedBy<Row>(policy: FieldPolicy<Row>): MethodDecorator {
  return UseMiddleware(policyMiddleware(policy));
}

/** Common audiences. Rows are already limited to the viewer's scope by the data layer. */
export const audiences = {
  thePerson: {
    label: 'the person',
    includes: (viewer, subject) => subject.personUserId === viewer.userId,
  },
  centreAdminsOfTenant: {
    label: "centre admins of the row's tenant",
    includes: (viewer, subject) => viewer.roles.has(Role.CENTRE_ADMIN) && viewer.tenantId === subject.tenantId,
  },
  auditors: {
    label: 'auditors',
    includes: (viewer) => viewer.roles.has(Role.AUDITOR),
  },
  implementingDepartment: {
    label: 'staff of the implementing department',
    includes: (viewer, subject) => viewer.tenantId === subject.tenantId && (subject.departmentIds ?? []).includes(viewer.departmentId),
  },
  departmentHeads: {
    label: "heads of the row's departments",
    includes: (viewer, subject) => viewer.tenantId === subject.tenantId && (subject.headUserIds ?? []).includes(viewer.userId),
  },
  receivingWindowStaff: {
    label: 'staff of the receiving window',
    includes: (viewer, subject) => (subject.staffIds ?? []).includes(viewer.userId),
  },
} satisfies Record<string, Audience>;
