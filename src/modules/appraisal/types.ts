import { Field, ID, ObjectType } from 'type-graphql';
import { AppraisalEventKind } from './entities';

/** One event behind a breakdown line: its kind and the global id of that node. */
@ObjectType({ description: 'An event behind a breakdown line (a case, a rating, a complaint, a sanction, an empty post …)' })
export class AppraisalEventLink {
  @Field(() => AppraisalEventKind, { description: 'What kind of record it is' })
  kind: AppraisalEventKind;

  @Field(() => ID, { description: 'Its global id; node(id:) reads it within the viewer’s own rights' })
  id: string;
}
