import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { NodeEntity, TenantOwnedEntity } from '../../db/base-entities';
import { Node } from '../../graphql/node';
import { Role } from '../../auth/roles';
import { GuardedField } from '../../auth/field-policy';
import { userIdNumberPolicy, userPhonePolicy } from './policies';

export enum TenantLevel {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  COUNTY = 'COUNTY',
  DISTRICT = 'DISTRICT',
}
registerEnumType(TenantLevel, {
  name: 'TenantLevel',
  description: 'Administrative level: 省 / 市 / 县(县级市) / 区',
  valuesConfig: {
    PROVINCE: { description: '省 / 自治区 (province): keeps the cross-region list' },
    CITY: { description: '市 (city): reads and guides its counties and districts' },
    COUNTY: { description: '县 / 县级市 (county)' },
    DISTRICT: { description: '区 (district)' },
  },
});

export enum DepartmentKind {
  APPROVAL_BUREAU = 'APPROVAL_BUREAU',
  CENTRE = 'CENTRE',
  FUNCTIONAL = 'FUNCTIONAL',
  SUPERVISION = 'SUPERVISION',
  FINANCE = 'FINANCE',
  BANK = 'BANK',
  INTERMEDIARY = 'INTERMEDIARY',
}
registerEnumType(DepartmentKind, {
  name: 'DepartmentKind',
  description: 'What a department is within its centre',
  valuesConfig: {
    APPROVAL_BUREAU: { description: '行政审批局 and its sections' },
    CENTRE: { description: "the centre's own units (窗口服务部 …)" },
    FUNCTIONAL: { description: '派驻部门: a department stationed in the hall' },
    SUPERVISION: { description: '监察: law and discipline complaints' },
    FINANCE: { description: '财政 / 收费' },
    BANK: { description: 'the collecting bank window' },
    INTERMEDIARY: { description: '中介机构' },
  },
});

/** 政务服务中心: one administrative division and its service centre. */
@ObjectType({ implements: Node, description: '政务服务中心: one administrative division and its service centre' })
@Entity()
@Index(['path'])
export class Tenant extends NodeEntity {
  @Field({ description: '行政区划代码: 6-digit GB/T 2260 code' })
  @Column('varchar', { length: 6, unique: true })
  code: string;

  @Field({ description: 'Name of the division and its centre, e.g. 海城市' })
  @Column('varchar', { length: 64 })
  name: string;

  @Field(() => TenantLevel, { description: 'Administrative level (市 / 县 / 区 …)' })
  @Column('varchar', { length: 16 })
  level: TenantLevel;

  @Column('int', { nullable: true })
  parentId: number | null;

  /** Codes from the root, e.g. "/210000/210300/210381/": descendants share the prefix. */
  @Column('varchar', { length: 128 })
  path: string;

  @Field({ description: 'IANA time zone of the centre; working days are counted in it' })
  @Column('varchar', { length: 40, default: 'Asia/Shanghai' })
  timeZone: string;

  @CreateDateColumn()
  createdAt: Date;
}

/** 部门: a department inside a tenant. */
@ObjectType({ implements: Node, description: '部门: a department inside a tenant' })
@Entity()
@Index(['tenantId', 'kind'])
export class Department extends TenantOwnedEntity {
  @Field({ description: 'Department name (部门名称), e.g. 市场监管局' })
  @Column('varchar', { length: 64 })
  name: string;

  @Field(() => DepartmentKind, { description: 'Kind of department (审批局, 派驻部门, 监察 …)' })
  @Column('varchar', { length: 24 })
  kind: DepartmentKind;

  /** 部门负责人: reads the appraisal results of the department's people (set by a centre admin). */
  @Column('int', { nullable: true })
  headId: number | null;

  @CreateDateColumn()
  createdAt: Date;
}

/** A staff account. Personal fields are guarded by the field-policy table. */
@ObjectType({ implements: Node, description: 'A staff account (工作人员)' })
@Entity()
@Index(['tenantId', 'departmentId'])
export class User extends TenantOwnedEntity {
  /**
   * Globally unique: login happens before the tenant is known. The one index of a
   * tenant-owned table that does not lead with tenant_id.
   */
  @Field({ description: 'Sign-in name (用户名), unique across the platform, compared exactly' })
  @Column('varchar', { length: 64, unique: true })
  username: string;

  @Field({ description: 'Display name (姓名)' })
  @Column('varchar', { length: 64 })
  displayName: string;

  @Column('int')
  departmentId: number;

  @Field(() => [Role], { description: 'Roles (角色) of the account; they decide what it may read and do' })
  @Column('simple-array')
  roles: Role[];

  /** Never read unless asked for (`withPasswordHash`): only sign-in and password change need it. */
  @Column('varchar', { length: 100, select: false })
  passwordHash: string;

  @GuardedField(userPhonePolicy, 'Work phone (联系电话)')
  @Column('varchar', { length: 20, nullable: true })
  phone: string | null;

  @GuardedField(userIdNumberPolicy, 'Resident ID number (身份证号)')
  @Column('varchar', { length: 18, nullable: true })
  idNumber: string | null;

  @Field({ description: 'Inactive accounts cannot sign in' })
  @Column('boolean', { default: true })
  active: boolean;

  /** Bumped by logout, password change and deactivation; tokens carrying an older value are refused. */
  @Column('int', { default: 0 })
  tokenVersion: number;

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back to state changes' })
  @VersionColumn()
  version: number;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
