import { Field, ID, InputType, Int } from 'type-graphql';
import { defineSorting, OrderDirection } from '../../graphql/connection';
import { TenantLevel } from './entities';
import { Role } from '../../auth/roles';

@InputType({ description: 'Narrows the tenants list' })
export class TenantFilter {
  @Field(() => TenantLevel, { nullable: true, description: 'Only tenants of this administrative level' })
  level?: TenantLevel;

  @Field({ nullable: true, description: 'Only the children of this division code' })
  parentCode?: string;
}

@InputType({ description: 'Narrows the staff accounts list' })
export class UserFilter {
  @Field({ nullable: true, description: 'Only accounts of this tenant (行政区划代码), which must be readable' })
  tenantCode?: string;

  @Field(() => ID, { nullable: true, description: 'Only accounts of this department' })
  departmentId?: string;

  @Field(() => Role, { nullable: true, description: 'Only accounts holding this role' })
  role?: Role;

  @Field({ nullable: true, description: 'Matches username or display name' })
  search?: string;
}

@InputType({ description: 'A new staff account (工作人员)' })
export class CreateUserInput {
  @Field(() => ID, { description: 'The department the account belongs to; its tenant is the account tenant' })
  departmentId: string;

  @Field({ description: 'Sign-in name (用户名), unique across the platform' })
  username: string;

  @Field({ description: 'Display name (姓名)' })
  displayName: string;

  @Field(() => [Role], { description: 'Roles to grant; each must be one you may grant' })
  roles: Role[];

  @Field({ description: 'Initial password: at least 10 characters with a letter and a digit' })
  password: string;

  @Field({ nullable: true, description: 'Work phone (联系电话)' })
  phone?: string;

  @Field({ nullable: true, description: '身份证号' })
  idNumber?: string;
}

@InputType({ description: '替岗: who takes a person’s place at a window' })
export class WindowReplacementInput {
  @Field(() => ID, { description: 'The window (窗口) whose post the replacement takes' })
  windowId: string;

  @Field(() => ID, { description: 'An active window staff member (窗口人员) of the same centre' })
  userId: string;
}

@InputType({ description: 'Activate or deactivate a staff account' })
export class SetUserActiveInput {
  @Field(() => ID)
  id: string;

  @Field({ description: 'true to activate, false to deactivate (its tokens stop working)' })
  active: boolean;

  @Field(() => Int)
  version: number;

  @Field(() => [WindowReplacementInput], {
    defaultValue: [],
    description:
      'Deactivation of someone holding a window post (AB岗) is refused when a window would have nobody on post; a replacement given for that window takes over the post',
  })
  replacements: WindowReplacementInput[];
}

@InputType({ description: "Replace a staff account's roles" })
export class SetUserRolesInput {
  @Field(() => ID)
  id: string;

  @Field(() => [Role], { description: 'The whole new set of roles; each one granted or revoked must be one you may grant' })
  roles: Role[];

  @Field(() => Int)
  version: number;

  @Field(() => [WindowReplacementInput], {
    defaultValue: [],
    description: 'Taking WINDOW_STAFF from someone holding a window post is refused when a window would have nobody on post; a replacement given for that window takes over the post',
  })
  replacements: WindowReplacementInput[];
}

export const tenantSorting = defineSorting({
  typeName: 'Tenant',
  label: 'tenant lists',
  fields: {
    CODE: { column: 't.code', kind: 'text', description: '行政区划代码' },
    NAME: { column: 't.name', kind: 'text', description: 'Name' },
  },
  defaultOrder: [{ field: 'CODE', direction: OrderDirection.ASC }],
});
export type TenantOrderField = keyof typeof tenantSorting.fields;

export const userSorting = defineSorting({
  typeName: 'User',
  label: 'staff lists',
  fields: {
    USERNAME: { column: 'u.username', kind: 'text', description: 'Username' },
    DISPLAY_NAME: { column: 'u.displayName', kind: 'text', description: '姓名' },
    CREATED_AT: { column: 'u.createdAt', kind: 'instant', description: 'When the account was created' },
  },
  defaultOrder: [{ field: 'USERNAME', direction: OrderDirection.ASC }],
});
export type UserOrderField = keyof typeof userSorting.fields;

@InputType({ description: 'The head (部门负责人) of a department of the own centre' })
export class SetDepartmentHeadInput {
  @Field(() => ID, { description: 'The department' })
  departmentId: string;

  @Field(() => ID, { nullable: true, description: 'An active account of that department; null to clear' })
  headId?: string | null;
}
