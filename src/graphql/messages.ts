import { PASSWORD_RULES } from '../auth/passwords';
import { Role } from '../auth/roles';
import { message, Message } from './language';

/**
 * The floors' catalogue (README, "Errors and languages"): messages of the GraphQL, HTTP,
 * data-access and authentication layers, shared by every module. Each module keeps its
 * own in `src/modules/<area>/messages.ts`.
 */
/** Input fields as the screens label them (GLOSSARY.md), for the Chinese messages. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  id: '编号',
  version: '版本号',
  first: '每页条数',
  last: '末尾条数',
  after: '游标（after）',
  before: '游标（before）',
  orderBy: '排序条件',
  type: '类型',
  code: '编码',
  tenantCode: '行政区划代码',
  search: '搜索内容',
  date: '日期',
  month: '月份',
  year: '年份',
  from: '开始时间',
  name: '名称',
  number: '窗口编号',
  hall: '所在区域',
  reason: '事由',
  note: '备注',
  description: '问题描述',
  rectification: '整改情况',
  reply: '答复内容',
  reportedTo: '上报机关',
  carrier: '快递公司',
  trackingNumber: '运单号',
  username: '用户名',
  password: '密码',
  newPassword: '新密码',
  displayName: '姓名',
  phone: '联系电话',
  idNumber: '身份证号码',
  applicantName: '申请人姓名',
  applicantAddress: '申请人地址',
  applicantPhone: '申请人联系电话',
  applicantIdNumber: '申请人证件号码',
  windowId: '窗口',
  matterId: '事项',
  userId: '工作人员',
  departmentId: '部门',
  jointDepartmentIds: '联办部门',
  sourceId: '上级事项',
  responsibleId: '责任人',
  deputyId: '副责任人',
  ticketId: '协作流转单',
  providedMaterialIds: '已交材料',
  missingMaterials: '补正材料',
  holidays: '节假日',
  makeUpWorkdays: '调休上班日',
  replacements: '顶岗人员',
  startsAt: '开始时间',
  endsAt: '结束时间',
  opensAt: '开门时间',
  closesAt: '闭门时间',
  lunchStartsAt: '午休开始时间',
  lunchEndsAt: '午休结束时间',
  groupOneIds: '第一组',
  groupTwoIds: '第二组',
  basis: '设定依据',
  acceptanceConditions: '受理条件',
  duties: '办理职责',
  procedure: '办理流程',
  address: '办理地点',
  legalLimitDays: '法定时限',
  promisedLimitDays: '承诺时限',
  consultationPhone: '咨询电话',
  complaintPhone: '监督投诉电话',
  serviceObjects: '服务对象',
  category: '办件类型',
  materials: '申请材料',
  feeItems: '收费项目',
  copies: '份数',
  amountFen: '收费金额',
  projectName: '重点项目名称',
  helperId: '帮办人',
};

/**
 * How a Chinese message names an input field: its label by the last name in the path
 * (`input.applicantName` → 申请人姓名), with the item's place in a list
 * (`input.materials[2].name` → 申请材料第 3 项的名称); an unknown name as it is.
 */
export function fieldLabel(path: string): string {
  const parts = path.replace(/^(input|filter)\./, '').split('.');
  const label = (part: string) => {
    const [, name, index] = /^([A-Za-z]+)(?:\[(\d+)\])?$/.exec(part) ?? [part, part, undefined];
    const text = FIELD_LABELS[name] ?? name;
    return index === undefined ? text : `${text}第 ${Number(index) + 1} 项`;
  };
  return parts.map(label).join('的');
}

/** Staff roles as the screens name them (the Role enum's descriptions). */
const ROLE_LABELS: Readonly<Record<Role, string>> = {
  PLATFORM_ADMIN: '平台管理员',
  CENTRE_ADMIN: '中心管理员',
  WINDOW_STAFF: '窗口人员',
  APPROVER: '审批人员',
  FINANCE: '财务人员',
  SUPERVISOR: '监察人员',
  AUDITOR: '审计人员',
  LEADER: '局领导或中心领导',
};

/** Role names in Chinese, joined with 、. */
export function roleLabels(roles: readonly Role[]): string {
  return roles.map((role) => ROLE_LABELS[role] ?? role).join('、');
}

/** Things that several modules name in NOT_FOUND (`new NotFoundError(nouns.matter)`). */
export const nouns = {
  tenant: message('政务服务中心', 'Tenant'),
  user: message('工作人员账号', 'User'),
  department: message('部门', 'Department'),
  matter: message('事项', 'Matter'),
  window: message('窗口', 'Window'),
  application: message('办件', 'Application'),
  ticket: message('协作流转单', 'CollaborationTicket'),
};

export const messages = {
  // Authentication and roles.
  signIn: message('请先登录', 'Sign in to use this field'),
  signInToUse: (field: string) => message(`请先登录，再使用“${field}”`, `Sign in to use "${field}"`),
  invalidToken: message('登录凭证无效、已过期或已注销，请重新登录', 'The token is invalid, expired or revoked; sign in again'),
  forbidden: message('您无权进行此操作', 'You are not allowed to do this'),
  requiresRoles: (roles: readonly Role[]) => message(`此操作需要以下角色之一：${roleLabels(roles)}`, `Requires one of the roles ${roles.join(', ')}`),
  readOnlyRole: (operation: string) => message(`审计角色只能查看，不能执行“${operation}”`, `The auditor role is read-only: "${operation}" is refused`),
  weakPassword: (field: string) => message(`${fieldLabel(field)}须至少 10 个字符，且同时含有字母和数字`, `"${field}" must be ${PASSWORD_RULES}`),
  tooManyAttempts: message('尝试失败次数过多，请稍后再试', 'Too many failed attempts; try again later'),
  anotherTenant: message('这是其他中心的数据：您可以查看，但不能修改', 'This belongs to another tenant: you may read it but not change it'),

  // Rows and versions.
  notFound: (what: Message) => message(`${what.zh}不存在，或您无权查看`, `${what.en} not found`),
  /** A row named by its entity only, where no module names it (data-access layer). */
  record: (entity: string) => message('记录', `${entity}`),
  /** A GraphQL type a client named. */
  typeNamed: (type: string) => message(`${type} 对象`, `${type}`),
  staleVersion: (entity: string) => message('该记录已被他人修改，请刷新后重试', `${entity} was changed by someone else: reload it and try again`),
  duplicateKey: (entity: string, properties: readonly string[]) =>
    message(
      `已有${properties.length > 0 ? `相同${properties.map(fieldLabel).join('、')}的` : '相同的'}记录（可能刚由他人创建），请刷新后重试`,
      `A ${entity} with this ${properties.join(', ') || 'key'} already exists (perhaps created a moment ago): reload and try again`,
    ),
  overloaded: message('服务器繁忙，请稍后再试', 'The server is busy; try again shortly'),
  shuttingDown: message('该服务实例正在停止，请求未执行，请重试', 'This instance is shutting down; the request was not run: send it again'),
  internal: message('服务器内部错误，请稍后再试或联系管理员', 'Internal server error'),

  // Input.
  inputProblems: (problems: readonly Message[]) =>
    message(
      `填写有 ${problems.length} 处问题：${problems.map((p) => p.zh).join('；')}`,
      `${problems.length} problems in the input: ${problems.map((p) => p.en).join('; ')}`,
    ),
  textLength: (name: string, max: number) => message(`${fieldLabel(name)}须填写 1 至 ${max} 个字符`, `"${name}" must be 1-${max} characters`),
  loneSurrogate: (field: string) => message(`${fieldLabel(field)}含有残缺的 Unicode 字符`, `"${field}" holds a lone surrogate (broken Unicode)`),
  controlCharacter: (field: string) => message(`${fieldLabel(field)}含有控制字符`, `"${field}" holds a control character`),
  bidiOverride: (field: string) => message(`${fieldLabel(field)}含有双向文本控制符`, `"${field}" holds a bidirectional override`),
  divisionCode: (field: string) => message(`${fieldLabel(field)}须为 6 位行政区划代码`, `"${field}" must be a 6-digit division code`),
  calendarDate: (field: string) => message(`${fieldLabel(field)}须为 yyyy-mm-dd 格式的日期`, `"${field}" must be a date yyyy-mm-dd`),
  invalidPhone: (field: string) => message(`${fieldLabel(field)}不是有效的电话号码`, `"${field}" is not a valid phone number`),
  invalidGlobalId: (field: string) => message(`${fieldLabel(field)}不是有效的编号`, `"${field}" is not a valid global id`),
  globalIdOfType: (field: string, typeName: string) => message(`${fieldLabel(field)}须是 ${typeName} 的编号`, `"${field}" must be the id of a ${typeName}`),
  /** A variable graphql-js refused (wrong type, missing field); `detail` is its own English message. */
  invalidValue: (field: string, detail: string) => message(`${fieldLabel(field)}的值格式不正确`, `${detail}`),
  missingValue: (field: string, detail: string) => message(`${fieldLabel(field)}为必填项`, `${detail}`),
  atMostIds: (max: number) => message(`一次最多查询 ${max} 个编号`, `At most ${max} ids`),
  notObjectType: (type: string) => message(`“${type}”不是对象类型`, `"${type}" is not an object type`),
  pageSize: (field: string, max: number) => message(`${fieldLabel(field)}须在 1 至 ${max} 之间`, `"${field}" must be between 1 and ${max}`),
  notACursor: (argument: string) => message(`${fieldLabel(argument)}不是有效的游标`, `"${argument}" is not a cursor`),
  cursorOfAnotherList: (argument: string, list: string) => message(`${fieldLabel(argument)}是其他列表的游标，不属于本列表`, `"${argument}" is a cursor of another list, not of ${list}`),
  cursorOfAnotherOrder: (argument: string) =>
    message(`${fieldLabel(argument)}是按其他排序取得的游标：请按新的排序从第一页重新查询`, `"${argument}" is a cursor of another order: ask again from the first page with the new order`),
  firstWithLast: message('“每页条数（first）”与“末尾条数（last）”不能同时使用', '"first" and "last" cannot be combined'),
  afterWithBefore: message('“after”向后翻页，“before”向前翻页：只能选其一', '"after" pages forwards and "before" backwards: pass one of them'),
  beforeNeedsLast: message('“before”向前翻页，请与“last”一起使用', '"before" pages backwards: use it with "last"'),
  afterNeedsFirst: message('“after”向后翻页，请与“first”一起使用', '"after" pages forwards: use it with "first"'),
  orderTwice: (field: string) => message(`排序条件中 ${field} 出现了两次`, `"orderBy" names ${field} twice`),
  instant: (field: string) => message(`${fieldLabel(field)}须为 ISO-8601 格式的时间`, `"${field}" must be an ISO-8601 instant`),

  // HTTP layer.
  nothingServed: (method: string, path: string) =>
    message(`${method} ${path} 没有提供任何服务：接口地址是 POST /graphql`, `Nothing is served at ${method} ${path}: the API is POST /graphql`),
  bodyNotJson: message('请求体不是有效的 JSON', 'The body is not valid JSON'),
  bodyTooLarge: message('请求体超过大小上限', 'The body is larger than the limit'),
  subscriptionsOverWebSocket: message(
    '订阅（subscription）通过 WebSocket 连接 /graphql（graphql-transport-ws 协议）提供，不通过 HTTP POST',
    'Subscriptions are served over WebSocket at /graphql (the graphql-transport-ws protocol), not over HTTP POST',
  ),
  onlySubscriptionsOverWebSocket: message('WebSocket 连接只提供订阅：查询和修改请通过 HTTP POST /graphql 发送', 'Only subscriptions are served over WebSocket: send queries and mutations to POST /graphql'),
  tooManySubscriptions: (max: number) => message(`每个连接最多 ${max} 个订阅`, `At most ${max} subscriptions per connection`),
  /** Another refused body: the parser's own detail, for developers. */
  badRequest: (detail: string) => message('请求有误，无法处理', `${detail}`),
};
