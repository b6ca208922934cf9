import { Field, ID, InputType, Int } from 'type-graphql';
import { defineSorting, OrderDirection } from '../../graphql/connection';
import { TenantLevel } from './entities';
import { Role } from '../../auth/roles';

@InputType()
export class TenantFilter {
  @Field(() => TenantLevel, { nullable: true })
  level?: TenantLevel;

  @Field({ nullable: true, description: 'Only the children of this division code' })
  parentCode?: string;
}

@InputType()
export class UserFilter {
  @Field({ nullable: true })
  tenantCode?: string;

  @Field(() => ID, { nullable: true })
  departmentId?: string;

  @Field(() => Role, { nullable: true })
  role?: Role;

  @Field({ nullable: true, description: 'Matches username or display name' })
  search?: string;
}

@InputType()
export class CreateUserInput {
  @Field(() => ID, { description: 'The department the account belongs to; its tenant is the account tenant' })
  departmentId: string;

  @Field()
  username: string;

  @Field()
  displayName: string;

  @Field(() => [Role])
  roles: Role[];

  @Field({ description: 'Initial password: at least 10 characters with a letter and a digit' })
  password: string;

  @Field({ nullable: true })
  phone?: string;

  @Field({ nullable: true, description: '身份证号' })
  idNumber?: string;
}

@InputType({ description: '替岗: who takes a person’s place at a window' })
export class WindowReplacementInput {
  @Field(() => ID)
  windowId: string;

  @Field(() => ID, { description: 'An active window staff member (窗口人员) of the same centre' })
  userId: string;
}

@InputType()
export class SetUserActiveInput {
  @Field(() => ID)
  id: string;

  @Field()
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

@InputType()
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
