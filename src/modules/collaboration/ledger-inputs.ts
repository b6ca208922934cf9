import { Field, ID, InputType, Int } from 'type-graphql';
import { defineSorting, OrderDirection } from '../../graphql/connection';
import { ProblemCategory, ProblemStatus } from './entities';

@InputType({ description: '联系人台账: name the responsible person (and a deputy) for a cross-region matter (全区通办) of your centre' })
export class SetContactLedgerEntryInput {
  @Field(() => ID, { description: 'A cross-region matter (全区通办) of your centre' })
  matterId: string;

  @Field(() => ID, { description: '具体负责人: an active staff member of your centre' })
  responsibleId: string;

  @Field(() => ID, { nullable: true, description: 'The deputy (B角), another active staff member of your centre' })
  deputyId?: string | null;

  @Field(() => Int, { nullable: true, description: 'The entry’s version, to replace an existing entry; leave out to create one' })
  version?: number | null;
}

@InputType({ description: '问题台账: raise a problem on a collaboration ticket or on a matter of your centre (exactly one of the two)' })
export class RaiseProblemInput {
  @Field(() => ID, { nullable: true, description: 'A collaboration ticket (协作流转单) your centre is a party of' })
  ticketId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A matter (政务服务事项) of your centre' })
  matterId?: string | null;

  @Field(() => ProblemCategory, { description: 'Kind of problem (流程, 材料, 系统 …)' })
  category: ProblemCategory;

  @Field({ description: 'What went wrong, 1-1000 characters' })
  description: string;
}

@InputType('ProblemVersionInput', { description: 'A problem of the ledger and the version the caller last read' })
export class ProblemVersionInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;
}

@InputType({ description: 'Assign a raised problem to a staff member of its centre' })
export class AssignProblemInput extends ProblemVersionInput {
  @Field(() => ID, { description: 'An active staff member of the problem’s centre' })
  assigneeId: string;
}

@InputType({ description: '整改: record what was done about an assigned problem' })
export class RectifyProblemInput extends ProblemVersionInput {
  @Field({ description: 'What was done, 1-1000 characters' })
  rectification: string;
}

@InputType({ description: 'Narrows the problem ledger (问题台账)' })
export class ProblemFilter {
  @Field(() => ProblemStatus, { nullable: true, description: 'Only problems in this state' })
  status?: ProblemStatus;

  @Field(() => ProblemCategory, { nullable: true, description: 'Only problems of this kind' })
  category?: ProblemCategory;

  @Field({ nullable: true, description: 'Only the problems of this centre (行政区划代码)' })
  tenantCode?: string;
}

export const contactSorting = defineSorting({
  typeName: 'ContactLedgerEntry',
  label: 'the contact ledger (联系人台账)',
  fields: {
    MATTER_CODE: { column: '(SELECT cm.code FROM matter cm WHERE cm.id = c.matter_id)', kind: 'text', description: '事项编码 of the entry’s matter' },
  },
  defaultOrder: [{ field: 'MATTER_CODE', direction: OrderDirection.ASC }],
});
export type ContactOrderField = keyof typeof contactSorting.fields;

export const problemSorting = defineSorting({
  typeName: 'ProblemLedgerEntry',
  label: 'the problem ledger (问题台账)',
  fields: {
    CREATED_AT: { column: 'p.createdAt', kind: 'instant', description: 'When the problem was raised' },
    STATUS: { column: 'p.status', kind: 'text', description: 'Status, by its code' },
  },
  defaultOrder: [{ field: 'CREATED_AT', direction: OrderDirection.DESC }],
});
export type ProblemOrderField = keyof typeof problemSorting.fields;
