import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { defineSorting, OrderDirection } from '../../graphql/connection';
import { PublicNoticeKind, PublicNoticeStatus } from './entities';

@InputType({ description: 'Hall hours announced by a notice, local wall-clock times HH:MM' })
export class PublicNoticeHoursInput {
  @Field({ description: 'Opening time, e.g. 09:00' })
  opensAt: string;

  @Field({ description: 'Closing time, e.g. 17:00' })
  closesAt: string;

  @Field(() => String, { nullable: true, description: '午休 starts; leave out, with lunchEndsAt, for none' })
  lunchStartsAt?: string | null;

  @Field(() => String, { nullable: true, description: '午休 ends' })
  lunchEndsAt?: string | null;
}

@InputType({ description: '公告: what a notice says and what it changes' })
export class PublicNoticeInput {
  @Field(() => PublicNoticeKind, { description: 'What changes' })
  kind: PublicNoticeKind;

  @Field({ description: '标题, 1-100 characters' })
  title: string;

  @Field({ description: '正文, 1-2000 characters' })
  text: string;

  @Field(() => LocalDateResolver, { description: 'First day it applies to, today or later; the change takes effect on it' })
  appliesFrom: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day it applies to; required for SERVICE_PAUSE, left out for RELOCATION and HOURS_CHANGE' })
  appliesUntil?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Matters (事项) of the centre it concerns; none and no windows: the whole centre' })
  matterIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Windows (窗口) of the centre it concerns' })
  windowIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'RELOCATION only: 新址, the centre’s address from appliesFrom' })
  newAddress?: string | null;

  @Field(() => PublicNoticeHoursInput, { nullable: true, description: 'HOURS_CHANGE (required) or RELOCATION (optional): the hall hours from appliesFrom' })
  newHours?: PublicNoticeHoursInput | null;
}

@InputType({ description: 'A new notice: a draft, or published at once' })
export class CreatePublicNoticeInput extends PublicNoticeInput {
  @Field({ defaultValue: false, description: 'Publish at once (one step: for SERVICE_PAUSE, the closure and its notice together)' })
  publish: boolean;
}

@InputType({ description: 'A draft’s new content (a published notice is not edited: withdraw it and publish another)' })
export class EditPublicNoticeDraftInput extends PublicNoticeInput {
  @Field(() => ID, { description: 'The draft' })
  id: string;

  @Field(() => Int, { description: 'The version read' })
  version: number;
}

@InputType({ description: 'A notice and the version read' })
export class PublicNoticeVersionInput {
  @Field(() => ID, { description: 'The notice' })
  id: string;

  @Field(() => Int, { description: 'The version read' })
  version: number;
}

@InputType({ description: 'Withdraw a published notice' })
export class WithdrawPublicNoticeInput extends PublicNoticeVersionInput {
  @Field({ description: 'Why, 1-200 characters' })
  reason: string;
}

@InputType({ description: 'Which notices to list' })
export class PublicNoticeFilter {
  @Field({ nullable: true, description: '行政区划代码 of a readable centre; default: all readable' })
  tenantCode?: string;

  @Field(() => PublicNoticeStatus, { nullable: true, description: 'Only notices in this status' })
  status?: PublicNoticeStatus;
}

export const publicNoticeSorting = defineSorting({
  typeName: 'PublicNotice',
  label: 'notices (公告)',
  fields: {
    APPLIES_FROM: { column: 'n.appliesFrom', kind: 'text', description: 'First day it applies to' },
  },
  defaultOrder: [{ field: 'APPLIES_FROM', direction: OrderDirection.DESC }],
});
export type PublicNoticeOrderField = keyof typeof publicNoticeSorting.fields;

@InputType({ description: '中心地址 in force today, set or corrected; a move is announced by a RELOCATION notice instead' })
export class SetCentreAddressInput {
  @Field({ description: 'The address, 1-200 characters' })
  address: string;

  @Field(() => Int, { nullable: true, description: 'The version of the address in force; required once the centre has one' })
  version?: number;
}
