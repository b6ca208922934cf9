import { LocalDateResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { Tenant } from '../tenancy/entities';
import { PublicNoticeKind } from './entities';

/**
 * 公告 as the public reads it (publicNotices, the 办事指南): what it says, when, what it
 * changes; nothing internal (no ids, no authors).
 */
@ObjectType({ description: '公告 as published: the public view of a notice' })
export class PublicNoticeGuide {
  @Field(() => PublicNoticeKind, { description: 'What changes' })
  kind: PublicNoticeKind;

  @Field({ description: '标题' })
  title: string;

  @Field({ description: '正文' })
  text: string;

  @Field(() => LocalDateResolver, { description: 'First day it applies to' })
  appliesFrom: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day it applies to; null: until further notice' })
  appliesUntil: string | null;

  @Field({ description: 'true when it applies today; false when it is upcoming' })
  inForce: boolean;

  @Field(() => String, { nullable: true, description: 'RELOCATION: 新址 from appliesFrom' })
  newAddress: string | null;

  @Field(() => String, { nullable: true, description: 'New hall hours from appliesFrom, e.g. "09:00–12:00, 13:30–17:00"; null when they stay' })
  newHours: string | null;

  @Field(() => [String], { description: '事项编码 of the matters it names; empty for a centre-wide notice' })
  matterCodes: string[];

  @Field(() => [String], { description: '窗口号 of the windows it names' })
  windowNumbers: string[];

  @Field({ description: 'When it was published' })
  publishedAt: Date;
}

@ObjectType({ description: 'A move announced for a later date (搬迁): the address from effectiveFrom' })
export class ScheduledCentreAddress {
  @Field(() => LocalDateResolver, { description: 'First day at the new address, yyyy-mm-dd' })
  effectiveFrom: string;

  @Field({ description: 'The new address' })
  address: string;
}

@ObjectType('CentreAddress', { description: '中心地址: the address in force today, and the moves announced after it' })
export class CentreAddressView {
  @Field(() => Tenant, { description: 'The centre' })
  tenant: Tenant;

  @Field(() => String, { nullable: true, description: 'The address in force today; null while none is set' })
  address: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Since when it is in force; null for the address set before any dated change' })
  effectiveFrom: string | null;

  @Field(() => Int, { nullable: true, description: 'Version of the address in force, to pass back to setCentreAddress; null while none is set' })
  version: number | null;

  @Field(() => [ScheduledCentreAddress], { description: 'Moves announced by relocation notices, earliest first' })
  scheduled: ScheduledCentreAddress[];
}
