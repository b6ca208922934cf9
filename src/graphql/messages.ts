import { PASSWORD_RULES } from '../auth/passwords';
import { message, Message } from './language';

/**
 * The floors' catalogue (README, "Errors and languages"): messages of the GraphQL, HTTP,
 * data-access and authentication layers, shared by every module. Each module keeps its
 * own in `src/modules/<area>/messages.ts`.
 */
/** Things that several modules name in NOT_FOUND (`new NotFoundError(nouns.matter)`). */
export const nouns = {
  tenant: message('单位', 'Tenant'),
  user: message('工作人员账号', 'User'),
  department: message('部门', 'Department'),
  matter: message('事项', 'Matter'),
  window: message('窗口', 'Window'),
  application: message('办件', 'Application'),
  ticket: message('协作单', 'CollaborationTicket'),
};

export const messages = {
  // Authentication and roles.
  signIn: message('请先登录', 'Sign in to use this field'),
  signInToUse: (field: string) => message(`请先登录，再使用“${field}”`, `Sign in to use "${field}"`),
  invalidToken: message('登录凭证无效、已过期或已注销，请重新登录', 'The token is invalid, expired or revoked; sign in again'),
  forbidden: message('您无权进行此操作', 'You are not allowed to do this'),
  requiresRoles: (roles: readonly string[]) => message(`此操作需要以下角色之一：${roles.join('、')}`, `Requires one of the roles ${roles.join(', ')}`),
  readOnlyRole: (operation: string) => message(`审计角色只能查看，不能执行“${operation}”`, `The auditor role is read-only: "${operation}" is refused`),
  weakPassword: (field: string) => message(`“${field}”须至少 10 个字符，且同时含有字母和数字`, `"${field}" must be ${PASSWORD_RULES}`),
  tooManyAttempts: message('尝试失败次数过多，请稍后再试', 'Too many failed attempts; try again later'),
  anotherTenant: message('这是其他单位的数据：您可以查看，但不能修改', 'This belongs to another tenant: you may read it but not change it'),

  // Rows and versions.
  notFound: (what: Message) => message(`${what.zh}不存在，或您无权查看`, `${what.en} not found`),
  /** A row named by its entity only, where no module names it (data-access layer). */
  record: (entity: string) => message('记录', `${entity}`),
  /** A GraphQL type a client named. */
  typeNamed: (type: string) => message(`${type} 对象`, `${type}`),
  staleVersion: (entity: string) => message('该记录已被他人修改，请刷新后重试', `${entity} was changed by someone else: reload it and try again`),
  duplicateKey: (entity: string, what: string) =>
    message(
      `已有相同${what}的记录（可能刚由他人创建），请刷新后重试`,
      `A ${entity} with this ${what} already exists (perhaps created a moment ago): reload and try again`,
    ),
  internal: message('服务器内部错误，请稍后再试或联系管理员', 'Internal server error'),

  // Input.
  inputProblems: (problems: readonly Message[]) =>
    message(
      `填写有 ${problems.length} 处问题：${problems.map((p) => p.zh).join('；')}`,
      `${problems.length} problems in the input: ${problems.map((p) => p.en).join('; ')}`,
    ),
  textLength: (name: string, max: number) => message(`“${name}”须填写 1 至 ${max} 个字符`, `"${name}" must be 1-${max} characters`),
  loneSurrogate: (field: string) => message(`“${field}”含有残缺的 Unicode 字符`, `"${field}" holds a lone surrogate (broken Unicode)`),
  controlCharacter: (field: string) => message(`“${field}”含有控制字符`, `"${field}" holds a control character`),
  bidiOverride: (field: string) => message(`“${field}”含有双向文本控制符`, `"${field}" holds a bidirectional override`),
  divisionCode: (field: string) => message(`“${field}”须为 6 位行政区划代码`, `"${field}" must be a 6-digit division code`),
  calendarDate: (field: string) => message(`“${field}”须为 yyyy-mm-dd 格式的日期`, `"${field}" must be a date yyyy-mm-dd`),
  invalidPhone: (field: string) => message(`“${field}”不是有效的电话号码`, `"${field}" is not a valid phone number`),
  invalidGlobalId: (field: string) => message(`“${field}”不是有效的编号`, `"${field}" is not a valid global id`),
  globalIdOfType: (field: string, typeName: string) => message(`“${field}”须是 ${typeName} 的编号`, `"${field}" must be the id of a ${typeName}`),
  atMostIds: (max: number) => message(`一次最多查询 ${max} 个编号`, `At most ${max} ids`),
  notObjectType: (type: string) => message(`“${type}”不是对象类型`, `"${type}" is not an object type`),
  pageSize: (max: number) => message(`“first”须在 1 至 ${max} 之间`, `"first" must be between 1 and ${max}`),
  notCursorOfList: message('“after”不是本列表的游标', '"after" is not a cursor from this list'),

  // HTTP layer.
  nothingServed: (method: string, path: string) =>
    message(`${method} ${path} 没有提供任何服务：接口地址是 POST /graphql`, `Nothing is served at ${method} ${path}: the API is POST /graphql`),
  bodyNotJson: message('请求体不是有效的 JSON', 'The body is not valid JSON'),
  bodyTooLarge: message('请求体超过大小上限', 'The body is larger than the limit'),
  /** Another refused body: the parser's own detail, for developers. */
  badRequest: (detail: string) => message('请求有误，无法处理', `${detail}`),
};
