import { RequestContext } from '../context';
import { MODULES, NodeLoader } from '../modules/registry';
import { requireViewer } from '../auth/guards';
import { decodeGlobalId } from './global-id';
import { Node } from './node';
import { BadUserInputError } from './errors';
import { messages } from './messages';

// Gathered on first use: a module's resolver may use loadNodes (the registry imports it).
let loaders: Record<string, NodeLoader> | undefined;
const loadersByType = (): Record<string, NodeLoader> => (loaders ??= Object.assign({}, ...MODULES.map((module) => module.nodeLoaders ?? {})));

/** Max ids per `nodes(ids:)` call, the same cap as a page. */
export const MAX_NODE_IDS = 100;

/**
 * Resolves global ids in order, within the viewer's scope: an id of another tenant
 * and an id that does not exist both come back as null.
 */
export async function loadNodes(ctx: RequestContext, globalIds: string[], field: string): Promise<(Node | null)[]> {
  requireViewer(ctx);
  if (globalIds.length > MAX_NODE_IDS) throw new BadUserInputError(messages.atMostIds(MAX_NODE_IDS), field);
  const decoded = globalIds.map((globalId) => decodeGlobalId(globalId, field));
  const byType = new Map<string, number[]>();
  for (const { typeName, id } of decoded) byType.set(typeName, [...(byType.get(typeName) ?? []), id]);
  const found = new Map<string, Node>();
  await Promise.all(
    [...byType].map(async ([typeName, ids]) => {
      const load = loadersByType()[typeName];
      if (!load) return; // an unknown type is just as missing as an unknown id
      for (const node of await load(ctx, ids)) found.set(`${typeName}:${node.id}`, node);
    }),
  );
  return decoded.map(({ typeName, id }) => found.get(`${typeName}:${id}`) ?? null);
}
