/** 三级九统: how far a tenant and its subordinates keep one catalogue. */
import { RequestContext } from '../../context';
import { groupBy } from '../../db/loaders';
import { NotFoundError } from '../../graphql/errors';
import { nouns } from '../../graphql/messages';
import { Tenant } from '../tenancy/entities';
import * as tenancy from '../tenancy/service';
import { MaterialRequirement, Matter, MatterStatus } from './entities';
import { materialsDiffer, NINE_ELEMENTS } from './rules';
import { matters, ancestorsOf, rowsOf } from './service';

export interface MatterDeviation {
  matter: Matter;
  sourceCode: string;
  sourceName: string;
  sourceTenantCode: string;
  differingElements: string[];
}

export interface MissingAdoption {
  sourceCode: string;
  sourceName: string;
  sourceTenantCode: string;
  tenant: Tenant;
}

const isBelow = (upper: Tenant, lower: Tenant) => lower.path !== upper.path && lower.path.startsWith(upper.path);

/**
 * For a tenant and its subordinates: locally created matters whose code is defined
 * above them with different nine elements, and subordinate tenants that have not
 * adopted a published matter of a level above them.
 */
export async function consistencyReport(ctx: RequestContext, tenantCode: string): Promise<{ deviations: MatterDeviation[]; missingAdoptions: MissingAdoption[] }> {
  const root = await tenancy.tenantByCode(ctx, tenantCode);
  if (!root) throw new NotFoundError(nouns.tenant);
  const subtree = await tenancy.readableSubtree(ctx, root);
  const ancestors = await ancestorsOf(ctx.db, root);
  const tenants = new Map([...ancestors, ...subtree].map((t) => [t.id, t]));
  // Published matters above the root are public; the subtree's are in the viewer's scope.
  const upperDb = ctx.db.readOnlyFor(ancestors.map((t) => t.id));
  const upper = await matters(upperDb).query('m').andWhere('m.status = :p', { p: MatterStatus.PUBLISHED }).getMany();
  const tree = await matters(ctx.db).query('m').andWhere('m.tenantId IN (:...ids)', { ids: subtree.map((t) => t.id) }).getMany();
  const definitions = [...upper, ...tree].filter((m) => m.sourceMatterId === null);
  const published = definitions.filter((m) => m.status === MatterStatus.PUBLISHED);
  const materials = groupBy(
    [...(await rowsOf(upperDb, MaterialRequirement, upper.map((m) => m.id))), ...(await rowsOf(ctx.db, MaterialRequirement, tree.map((m) => m.id)))],
    (r) => r.matterId,
  );
  const describe = (m: Matter) => ({ sourceCode: m.code, sourceName: m.name, sourceTenantCode: tenants.get(m.tenantId)!.code });

  const deviations: MatterDeviation[] = [];
  for (const local of tree.filter((m) => m.sourceMatterId === null)) {
    const definedAbove = published.find((m) => m.code === local.code && isBelow(tenants.get(m.tenantId)!, tenants.get(local.tenantId)!));
    if (!definedAbove) continue;
    const differing: string[] = NINE_ELEMENTS.filter((key) => JSON.stringify(local[key]) !== JSON.stringify(definedAbove[key]));
    if (materialsDiffer(materials.get(local.id) ?? [], materials.get(definedAbove.id) ?? [])) differing.push('materials');
    if (differing.length > 0) deviations.push({ matter: local, ...describe(definedAbove), differingElements: differing });
  }

  const adopted = new Set(tree.filter((m) => m.sourceMatterId !== null).map((m) => `${m.tenantId}:${m.sourceMatterId}`));
  const missingAdoptions = subtree.flatMap((tenant) =>
    published
      .filter((source) => isBelow(tenants.get(source.tenantId)!, tenant) && !adopted.has(`${tenant.id}:${source.id}`))
      .map((source) => ({ ...describe(source), tenant })),
  );
  return { deviations, missingAdoptions };
}
