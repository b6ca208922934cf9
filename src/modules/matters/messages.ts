import { fieldLabel } from '../../graphql/messages';
import { message } from '../../graphql/language';

/** Messages of matters (事项) and their guides (README, "Errors and languages"). */
export const matterMessages = {
  publishedUpperMatter: message('上级已发布的事项', 'Published matter of a higher level'),

  searchTooLong: message('搜索内容最多 100 个字符', '"search" is at most 100 characters'),
  ownDepartments: (field: string) => message(`${fieldLabel(field)}只能选择本中心的部门`, `"${field}" must name departments of your own centre`),
  supplementDays: message('补正期限须为 1 至 30 个工作日', '"supplementDays" must be 1-30 working days'),
  codeTaken: (code: string) => message(`本中心已有编码为 ${code} 的事项`, `Your centre already has a matter with code ${code}`),
  adoptedField: (field: string) =>
    message(
      `${fieldLabel(field)}来自所承接的上级事项（三级九统），承接的事项只能修改本级字段`,
      `"${field}" comes from the adopted source matter (三级九统): an adopted matter changes only its local fields`,
    ),
  departmentToAdopt: message('承接事项须指定实施部门（departmentId）', '"departmentId" is required to adopt a matter'),
  alreadyAdopted: (code: string) => message(`本中心已承接事项 ${code}`, `Your centre has already adopted ${code}`),
  cannotChangeStatus: (action: string, status: string) =>
    message(`事项当前状态为 ${status}，不能${action === 'publish' ? '发布' : '暂停'}`, `Cannot ${action} a matter that is ${status}`),

  // The rules of a matter (rules.ts).
  required: (field: string) => message(`${fieldLabel(field)}为必填项`, `"${field}" is required`),
  codeFormat: (prefix: string, type: string) =>
    message(`事项编码须以 ${prefix}（${type} 类事项的前缀）开头，后接 8 位数字`, `"code" must be ${prefix} (the prefix of ${type}) followed by 8 digits`),
  limitDays: (field: string, max: number) => message(`${fieldLabel(field)}须为 0 至 ${max} 的整数个工作日`, `"${field}" must be a whole number of working days, 0-${max}`),
  promisedOverLegal: (promised: number, legal: number) =>
    message(`承诺时限（${promised} 个工作日）不得超过法定时限（${legal} 个工作日）`, `"promisedLimitDays" (${promised}) must not exceed the legal limit (${legal})`),
  serviceObjects: message('服务对象至少选择一项', '"serviceObjects" needs at least one'),
  notPhone: (field: string) => message(`${fieldLabel(field)}不是有效的电话号码`, `"${field}" is not a phone number`),
  jointDepartments: message('联办件须至少指定两个联办部门', 'A JOINT matter (联办件) needs at least two departments in "jointDepartmentIds"'),
  requiredMaterial: message('申请材料中至少要有一项必交材料', '"materials" needs at least one required material'),
  copies: (field: string) => message(`${fieldLabel(field)}须为 1 至 99`, '"copies" must be 1-99'),
  noSuchProvince: (code: string) => message(`没有区划代码为 ${code} 的省级区划`, `No province ${code}`),
  matterCode: message('事项编码格式如 XK00200001', '"code" is a matter code such as XK00200001'),
  amountFen: message('收费金额须为非负整数（单位：分）', '"amountFen" must be a non-negative whole number of fen'),
};
