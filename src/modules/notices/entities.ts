import { Column, Entity, Index, VersionColumn } from 'typeorm';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { TenantOwnedEntity } from '../../db/base-entities';
import { Node } from '../../graphql/node';

export enum PublicNoticeKind {
  SERVICE_PAUSE = 'SERVICE_PAUSE',
  RELOCATION = 'RELOCATION',
  HOURS_CHANGE = 'HOURS_CHANGE',
  WINDOW_CHANGE = 'WINDOW_CHANGE',
  OTHER = 'OTHER',
}

registerEnumType(PublicNoticeKind, {
  name: 'PublicNoticeKind',
  description: '公告 kind: what changes for the public',
  valuesConfig: {
    SERVICE_PAUSE: { description: '暂停服务: the hall is closed on the period’s days (a calendar closure; running deadlines move)' },
    RELOCATION: { description: '搬迁: the centre moves to a new address (and may open new hours) from appliesFrom' },
    HOURS_CHANGE: { description: '办公时间调整: new hall hours from appliesFrom' },
    WINDOW_CHANGE: { description: '窗口调整: windows move or change; text only (the windows named are shown the notice)' },
    OTHER: { description: '其他: any other notice to the public' },
  },
});

export enum PublicNoticeStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  WITHDRAWN = 'WITHDRAWN',
}

registerEnumType(PublicNoticeStatus, {
  name: 'PublicNoticeStatus',
  description: '公告 status: a draft may be edited; a published notice is only withdrawn, never edited',
  valuesConfig: {
    DRAFT: { description: '草稿: seen by staff only, no effect yet' },
    PUBLISHED: { description: '已发布: public, and its change (closure, address, hours) is scheduled' },
    WITHDRAWN: { description: '已撤回: no longer public; what it scheduled and had not taken effect is undone' },
  },
});

/**
 * 公告: a notice of a service change to the public (搬迁方案: 搬迁时间"具体时间另行通知",
 * 引导群众到新政务服务中心办事, 及时发布进展情况). A published notice is public and
 * carries its change: a closure, a new address, new hours, each from its date.
 */
@ObjectType({ implements: Node, description: '公告: a centre’s notice to the public of a service change' })
@Entity()
@Index(['tenantId', 'status', 'appliesFrom'])
export class PublicNotice extends TenantOwnedEntity {
  @Field(() => PublicNoticeKind, { description: 'What changes' })
  @Column('varchar', { length: 16 })
  kind: PublicNoticeKind;

  @Field(() => PublicNoticeStatus, { description: 'Draft, published or withdrawn' })
  @Column('varchar', { length: 12 })
  status: PublicNoticeStatus;

  @Field({ description: '标题, e.g. 关于市政务服务中心搬迁的公告' })
  @Column('varchar', { length: 100 })
  title: string;

  @Field({ description: '正文: the notice as the public reads it' })
  @Column('varchar', { length: 2000 })
  text: string;

  @Field(() => LocalDateResolver, { description: 'First day the notice applies to (the change takes effect on it), yyyy-mm-dd' })
  @Column('varchar', { length: 10 })
  appliesFrom: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day it applies to, yyyy-mm-dd; null: until further notice' })
  @Column('varchar', { length: 10, nullable: true })
  appliesUntil: string | null;

  /** Matters (事项) the notice names; none and no windows: it concerns the whole centre. */
  @Column('simple-json')
  matterIds: number[];

  /** Windows (窗口) the notice names. */
  @Column('simple-json')
  windowIds: number[];

  @Field(() => String, { nullable: true, description: 'RELOCATION: 新址, the address from appliesFrom; null for other kinds' })
  @Column('varchar', { length: 200, nullable: true })
  newAddress: string | null;

  @Field(() => String, { nullable: true, description: 'New hall hours from appliesFrom: opening time HH:MM; null when the hours stay' })
  @Column('varchar', { length: 5, nullable: true })
  opensAt: string | null;

  @Field(() => String, { nullable: true, description: 'New hall hours: closing time HH:MM' })
  @Column('varchar', { length: 5, nullable: true })
  closesAt: string | null;

  @Field(() => String, { nullable: true, description: 'New hall hours: 午休 start HH:MM; null for none' })
  @Column('varchar', { length: 5, nullable: true })
  lunchStartsAt: string | null;

  @Field(() => String, { nullable: true, description: 'New hall hours: 午休 end HH:MM; null for none' })
  @Column('varchar', { length: 5, nullable: true })
  lunchEndsAt: string | null;

  @Column('int')
  createdById: number;

  @Field(() => Date, { nullable: true, description: 'When it was published; null for a draft' })
  @Column('datetime', { precision: 3, nullable: true })
  publishedAt: Date | null;

  @Column('int', { nullable: true })
  publishedById: number | null;

  @Field(() => Date, { nullable: true, description: 'When it was withdrawn; null unless withdrawn' })
  @Column('datetime', { precision: 3, nullable: true })
  withdrawnAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was withdrawn; null unless withdrawn' })
  @Column('varchar', { length: 200, nullable: true })
  withdrawnReason: string | null;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back to edit, publish or withdraw' })
  @VersionColumn()
  version: number;
}

/**
 * 中心地址: where the centre receives the public, from a date. The address in force on a
 * day is the row with the latest effectiveFrom not after it; a relocation (搬迁) notice
 * adds a future row, so the address changes on its date, not when it is published.
 */
@Entity()
@Index(['tenantId', 'effectiveFrom'], { unique: true })
export class CentreAddress extends TenantOwnedEntity {
  @Column('varchar', { length: 200 })
  address: string;

  /** yyyy-mm-dd; '' for the address the centre had before any dated change. */
  @Column('varchar', { length: 10 })
  effectiveFrom: string;

  /** The relocation notice that scheduled it; null for an address set directly (setCentreAddress, seeds). */
  @Column('int', { nullable: true })
  noticeId: number | null;

  @VersionColumn()
  version: number;
}
