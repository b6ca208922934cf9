import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwnedEntity } from '../../db/base-entities';
import { Node } from '../../graphql/node';

export enum MatterType {
  ADMINISTRATIVE_LICENSE = 'ADMINISTRATIVE_LICENSE',
  ADMINISTRATIVE_CONFIRMATION = 'ADMINISTRATIVE_CONFIRMATION',
  ADMINISTRATIVE_PAYMENT = 'ADMINISTRATIVE_PAYMENT',
  ADMINISTRATIVE_RULING = 'ADMINISTRATIVE_RULING',
  OTHER_POWER = 'OTHER_POWER',
  PUBLIC_SERVICE = 'PUBLIC_SERVICE',
}
registerEnumType(MatterType, {
  name: 'MatterType',
  description: '事项类型',
  valuesConfig: {
    ADMINISTRATIVE_LICENSE: { description: '行政许可 (code prefix XK)' },
    ADMINISTRATIVE_CONFIRMATION: { description: '行政确认 (QR)' },
    ADMINISTRATIVE_PAYMENT: { description: '行政给付 (GF)' },
    ADMINISTRATIVE_RULING: { description: '行政裁决 (CJ)' },
    OTHER_POWER: { description: '其他行政权力 (QT)' },
    PUBLIC_SERVICE: { description: '公共服务 (GG)' },
  },
});

/** Code prefix of each matter type: a matter code is the prefix and 8 digits. */
export const MATTER_CODE_PREFIX: Record<MatterType, string> = {
  ADMINISTRATIVE_LICENSE: 'XK',
  ADMINISTRATIVE_CONFIRMATION: 'QR',
  ADMINISTRATIVE_PAYMENT: 'GF',
  ADMINISTRATIVE_RULING: 'CJ',
  OTHER_POWER: 'QT',
  PUBLIC_SERVICE: 'GG',
};

export enum MatterCategory {
  IMMEDIATE = 'IMMEDIATE',
  PROMISED = 'PROMISED',
  JOINT = 'JOINT',
  REPORTED = 'REPORTED',
}
registerEnumType(MatterCategory, {
  name: 'MatterCategory',
  description: '办件类型: processing category',
  valuesConfig: {
    IMMEDIATE: { description: '即办件: decided on the spot or the same day' },
    PROMISED: { description: '承诺件: decided within the promised limit' },
    JOINT: { description: '联办件: two or more departments review jointly' },
    REPORTED: { description: '上报件: decided by a higher authority' },
  },
});

export enum MatterAcceptor {
  WINDOW = 'WINDOW',
  APPROVER = 'APPROVER',
}
registerEnumType(MatterAcceptor, {
  name: 'MatterAcceptor',
  description: '受理人: who examines the materials and accepts a case',
  valuesConfig: {
    WINDOW: { description: '窗口人员 posted at a window that takes the matter' },
    APPROVER: { description: '审批工作人员 of the implementing department (鞍山 规范 四(二): 行政许可事项由审批工作人员审核受理)' },
  },
});

/** 补正: working days an applicant has to hand in what the one-time notice lists, unless the matter says otherwise. */
export const DEFAULT_SUPPLEMENT_DAYS = 5;

export enum MatterStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  SUSPENDED = 'SUSPENDED',
}
registerEnumType(MatterStatus, {
  name: 'MatterStatus',
  description: 'Only PUBLISHED matters appear in the public guide',
  valuesConfig: {
    DRAFT: { description: '草稿: being prepared; not public and receives no cases' },
    PUBLISHED: { description: '已发布: in the public guide (办事指南); cases may be received' },
    SUSPENDED: { description: '暂停: withdrawn from the guide, with the reason; receives no new cases' },
  },
});

export enum ServiceObject {
  NATURAL_PERSON = 'NATURAL_PERSON',
  LEGAL_PERSON = 'LEGAL_PERSON',
}
registerEnumType(ServiceObject, {
  name: 'ServiceObject',
  description: '服务对象',
  valuesConfig: { NATURAL_PERSON: { description: '自然人' }, LEGAL_PERSON: { description: '法人' } },
});

export enum MaterialForm {
  ORIGINAL = 'ORIGINAL',
  COPY = 'COPY',
  ORIGINAL_AND_COPY = 'ORIGINAL_AND_COPY',
  ELECTRONIC = 'ELECTRONIC',
}
registerEnumType(MaterialForm, {
  name: 'MaterialForm',
  description: '材料形式: 原件 / 复印件 / 原件及复印件 / 电子',
  valuesConfig: {
    ORIGINAL: { description: '原件: the original, shown or handed in' },
    COPY: { description: '复印件: a copy' },
    ORIGINAL_AND_COPY: { description: '原件及复印件: the original for checking and a copy to keep' },
    ELECTRONIC: { description: '电子材料: an electronic document' },
  },
});

/**
 * 政务服务事项. The nine common elements (三级九统) are columns of every matter; an
 * adopted matter (sourceMatterId set) holds a copy of its source's, which the matters
 * service keeps equal to the source, and only its local fields may differ.
 */
@ObjectType({ implements: Node, description: '政务服务事项: a service the public can apply for' })
@Entity()
@Index(['tenantId', 'code'], { unique: true })
@Index(['tenantId', 'status', 'category'])
@Index(['tenantId', 'departmentId'])
@Index(['tenantId', 'sourceMatterId'])
export class Matter extends TenantOwnedEntity {
  // ---- the nine common elements (九项共性要素) ----
  @Field({ description: '事项名称' })
  @Column('varchar', { length: 128 })
  name: string;

  @Field(() => MatterType, { description: '事项类型' })
  @Column('varchar', { length: 32 })
  type: MatterType;

  @Field({ description: '设定依据: laws and regulations' })
  @Column('text')
  basis: string;

  @Field({ description: '事项编码: type prefix and 8 digits, e.g. XK21030001' })
  @Column('varchar', { length: 16 })
  code: string;

  @Field(() => Int, { description: '法定时限 (working days)' })
  @Column('int')
  legalLimitDays: number;

  @Field({ description: '受理条件 (前置条件)' })
  @Column('text')
  acceptanceConditions: string;

  @Field({ description: '中介服务; empty when none' })
  @Column('text')
  intermediaryServices: string;

  @Field(() => [ServiceObject], { description: '服务对象' })
  @Column('simple-array')
  serviceObjects: ServiceObject[];

  // 申请材料, the ninth element, are MaterialRequirement rows (field resolver `materials`).

  // ---- shared with adopters, though not among the nine ----
  @Field(() => MatterCategory, { description: '办件类型' })
  @Column('varchar', { length: 16 })
  category: MatterCategory;

  @Field({ description: '工作职责: what the implementing department does for this matter' })
  @Column('text')
  duties: string;

  @Field({ description: '办事程序: the steps, one per line' })
  @Column('text')
  procedure: string;

  // ---- local fields: an adopter sets its own ----
  @Column('int')
  departmentId: number;

  /** 联办件: departments that give an opinion (at least two). */
  @Column('simple-array')
  jointDepartmentIds: number[];

  @Field(() => Int, { description: '承诺时限 (working days), at most the legal limit' })
  @Column('int')
  promisedLimitDays: number;

  @Field({ description: '咨询电话' })
  @Column('varchar', { length: 32 })
  consultationPhone: string;

  @Field({ description: '投诉电话' })
  @Column('varchar', { length: 32 })
  complaintPhone: string;

  @Field({ description: '办理地点' })
  @Column('varchar', { length: 200 })
  address: string;

  @Field(() => MatterAcceptor, { description: '受理人: window staff, or the implementing department’s approvers' })
  @Column('varchar', { length: 8, default: MatterAcceptor.WINDOW })
  acceptedBy: MatterAcceptor;

  @Field(() => Int, { nullable: true, description: '补正期限 (working days) for this matter; null: the default of 5' })
  @Column('int', { nullable: true })
  supplementDays: number | null;

  @Field({ description: '全区通办: the matter’s code is on its province’s cross-region list (crossRegionMatters, kept at province level)' })
  @Column('boolean', { default: false })
  crossRegion: boolean;

  // ---- state ----
  /** The matter this one adopts (三级九统), in an ancestor tenant; null for a locally defined matter. */
  @Column('int', { nullable: true })
  sourceMatterId: number | null;

  @Field(() => MatterStatus, { description: 'Publication state: DRAFT, PUBLISHED or SUSPENDED' })
  @Column('varchar', { length: 16, default: MatterStatus.DRAFT })
  status: MatterStatus;

  @Field(() => String, { nullable: true, description: 'Why the matter is suspended' })
  @Column('varchar', { length: 500, nullable: true })
  suspendReason: string | null;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back to state changes' })
  @VersionColumn()
  version: number;

  @Field({ description: 'When the matter was created' })
  @CreateDateColumn()
  createdAt: Date;

  @Field({ description: 'When the matter last changed' })
  @UpdateDateColumn()
  updatedAt: Date;
}

/** 申请材料: one required or optional document of a matter. */
@ObjectType({ implements: Node, description: '申请材料: a document the applicant hands in' })
@Entity()
@Index(['tenantId', 'matterId', 'position'])
export class MaterialRequirement extends TenantOwnedEntity {
  @Column('int')
  matterId: number;

  @Column('int')
  position: number;

  @Field({ description: '材料名称, e.g. 营业执照' })
  @Column('varchar', { length: 200 })
  name: string;

  @Field({ description: 'Required (必要) or optional (容缺/非必要)' })
  @Column('boolean')
  required: boolean;

  @Field(() => MaterialForm, { description: '材料形式: original, copy, both, or electronic' })
  @Column('varchar', { length: 24 })
  form: MaterialForm;

  @Field(() => Int, { description: '份数' })
  @Column('int', { default: 1 })
  copies: number;

  @Field({ description: '备注' })
  @Column('varchar', { length: 500, default: '' })
  notes: string;
}

/** 收费项目: one fee of a matter's fee standard, in integer fen. */
@ObjectType({ implements: Node, description: '收费项目: one item of the fee standard' })
@Entity()
@Index(['tenantId', 'matterId', 'position'])
export class FeeItem extends TenantOwnedEntity {
  @Column('int')
  matterId: number;

  @Column('int')
  position: number;

  @Field({ description: '收费项目名称' })
  @Column('varchar', { length: 200 })
  name: string;

  @Field({ description: '收费依据' })
  @Column('varchar', { length: 500 })
  basis: string;

  @Field(() => Int, { description: 'Amount in fen (分): 8000 = 80.00 元' })
  @Column('int')
  amountFen: number;
}

/**
 * 全区通办清单: a matter code on the cross-region list of one province (自治区 156 items),
 * kept at province level; a centre's matter is on the list when its code is.
 */
@Entity()
export class CrossRegionMatter {
  /** The province's division code, e.g. 150000 内蒙古自治区. */
  @PrimaryColumn('varchar', { length: 6 })
  provinceCode: string;

  @PrimaryColumn('varchar', { length: 16 })
  code: string;

  @Column('varchar', { length: 128 })
  name: string;

  @CreateDateColumn()
  addedAt: Date;
}
