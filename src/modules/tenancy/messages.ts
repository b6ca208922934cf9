import { message } from '../../graphql/language';
import { roleLabels } from '../../graphql/messages';
import { Role } from '../../auth/roles';

/** Messages of tenants and accounts (README, "Errors and languages"). */
export const tenancyMessages = {
  ownTenantOnly: message('中心管理员只能管理本中心的账号', 'Centre admins manage the accounts of their own tenant only'),
  username: message('用户名须为 3 至 64 位小写字母、数字、“.”、“_”或“-”', '"username" must be 3-64 lower-case letters, digits, ".", "_" or "-"'),
  invalidResidentId: message('身份证号码无效', '"idNumber" is not a valid resident ID number'),
  usernameTaken: (username: string) => message(`用户名“${username}”已被占用`, `"${username}" is already taken`),
  atLeastOneRole: message('请至少选择一个角色', 'Give at least one role'),
  rolesBeyondGrant: (roles: readonly Role[]) =>
    message(`您不能授予或收回以下角色：${roleLabels(roles)}，须由平台管理员办理`, `You may not grant or revoke ${roles.join(', ')}: the platform admin does`),
  accountBeyondGrant: (roles: readonly Role[]) =>
    message(`该账号拥有以下角色：${roleLabels(roles)}，须由平台管理员管理`, `This account holds ${roles.join(', ')}: the platform admin manages it`),
  notOwnAccount: message('不能用此方式修改自己的账号', 'You cannot change your own account this way'),
  replacementsOnDeactivation: message('只有停用账号时才需指定顶岗人员', 'Replacements are for deactivation only'),
  headOutsideDepartment: message('部门负责人须为该部门的在职人员', 'The head must be an active account of that department'),
  replacementsOnLeavingWindows: message('只有不再担任窗口人员时才需指定顶岗人员', 'Replacements are for someone who stops being window staff'),
};
