import { Arg, Ctx, Field, ID, Info, ObjectType, Query, Resolver } from 'type-graphql';
import { GraphQLResolveInfo, isObjectType } from 'graphql';
import { RequestContext } from '../context';
import { accessFor, FieldAccess, fieldPoliciesOf, PolicySubject, visibleToLine } from './field-policy';
import { requireViewer } from './guards';
import { loadNodes } from '../graphql/nodes';
import { BadUserInputError, NotFoundError } from '../graphql/errors';
import { messages } from '../graphql/messages';

@ObjectType({ description: 'How one guarded field reaches the viewer' })
export class GuardedFieldAccess {
  @Field({ description: 'Name of the guarded field, e.g. applicantIdNumber' })
  field: string;

  @Field(() => FieldAccess, { description: 'Clear, masked or hidden for this viewer' })
  access: FieldAccess;

  @Field({ description: 'The policy, as in the field description' })
  visibleTo: string;
}

@Resolver()
export class FieldAccessResolver {
  @Query(() => [GuardedFieldAccess], {
    description:
      "Each guarded field of a type and how the viewer sees it. With `id`, for that object; without, for an object of the viewer's own tenant that is not about the viewer.",
  })
  async viewerFieldAccess(
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('type', { description: 'Name of an object type, e.g. Application' }) type: string,
    @Arg('id', () => ID, { nullable: true }) id?: string,
  ): Promise<GuardedFieldAccess[]> {
    const viewer = requireViewer(ctx);
    if (!isObjectType(info.schema.getType(type))) throw new BadUserInputError(messages.notObjectType(type), 'type');
    const policies = fieldPoliciesOf(type);
    let subjectOf: (policy: (typeof policies)[number]) => PolicySubject | Promise<PolicySubject> = () => ({ tenantId: viewer.tenantId });
    if (id) {
      const [node] = await loadNodes(ctx, [id], 'id');
      if (!node || node.constructor.name !== type) throw new NotFoundError(messages.typeNamed(type));
      subjectOf = (policy) => policy.subject(node, ctx);
    }
    return Promise.all(
      policies.map(async (policy) => ({
        field: policy.key.slice(type.length + 1),
        access: accessFor(policy, viewer, await subjectOf(policy)),
        visibleTo: visibleToLine(policy),
      })),
    );
  }
}
