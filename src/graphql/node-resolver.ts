import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../context';
import { Node } from './node';
import { loadNodes } from './nodes';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by global id; null when missing or out of scope' })
  async node(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Node | null> {
    const [node] = await loadNodes(ctx, [id], 'id');
    return node;
  }

  @Query(() => [Node], { nullable: 'items', description: 'Objects by global id, in order; null for each missing or out of scope' })
  nodes(@Ctx() ctx: RequestContext, @Arg('ids', () => [ID], { description: 'Global ids, at most one page (100)' }) ids: string[]): Promise<(Node | null)[]> {
    return loadNodes(ctx, ids, 'ids');
  }
}
