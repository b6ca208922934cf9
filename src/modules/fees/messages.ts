import { message } from '../../graphql/language';
import { Message } from '../../graphql/language';

/** Messages of fees and reconciliation (收费对账) (README, "Errors and languages"). */
export const feeMessages = {
  notice: message('缴费通知书', 'PaymentNotice'),
  statement: message('银行对账单', 'BankStatement'),
  transaction: message('银行流水', 'BankTransaction'),
  receipt: message('财政票据', 'Receipt'),
  receiptBook: message('票据号段', 'ReceiptBook'),
  item: message('对账明细', 'ReconciliationItem'),
  financeDay: message('日结', 'FinanceDay'),
  adjustment: message('调整分录', 'AdjustingEntry'),

  // Notices.
  caseNotAccepted: (status: string) => message(`只能为已受理的办件开具缴费通知书，该办件当前状态为 ${status}`, `A notice is issued only for an accepted case; this one is ${status}`),
  notIssuingWindow: message('只有办件所属部门的窗口人员或综合受理窗口的人员才能开具缴费通知书', 'Only window staff of the case’s department, or staff posted at a comprehensive window, issue notices'),
  noFeeStandard: message('该事项没有收费标准：请逐项填写收费项目并说明理由', 'The matter has no fee standard: give the items and the reason'),
  notOnStandard: (field: string) => message(`${field}：不是该事项的收费项目`, `"${field}" is not an item of the matter’s fee standard`),
  itemNeedsNameAndAmount: (field: string) => message(`${field}：标准外的项目须填写名称、依据和金额`, `"${field}": an item outside the standard needs a name, a basis and an amount`),
  amountRange: (field: string) => message(`${field}：金额须为 0 至 999999999 分之间的整数`, `"${field}" must be a whole number of fen from 0 to 999999999`),
  quantityRange: (field: string) => message(`${field}：数量须为 1 至 9999 之间的整数`, `"${field}" must be a whole number from 1 to 9999`),
  totalTooLarge: message('通知书合计金额超过上限 9999999.99 元', 'The notice’s total exceeds 9,999,999.99 yuan'),
  offStandardReason: message('收费项目或金额与收费标准不一致（锦州 第二十八条(九)）：须说明理由', 'An item or amount differs from the fee standard (锦州 28(九)): give the reason'),
  noPayeeAccount: (department: string) => message(`${department}尚未登记收款账户，请联系财务`, `${department} has no payee account registered: ask FINANCE`),
  noticeNotInForce: (status: string) => message(`该缴费通知书当前状态为 ${status}，不能再作废或替换`, `The notice is ${status}: it can no longer be cancelled or superseded`),
  noticeReceipted: message('该缴费通知书已开具财政票据：请先作废票据', 'A receipt was issued for this notice: void it first'),
  accountNumber: message('账号须为 6 至 40 位数字', '"accountNumber" must be 6-40 digits'),
  noticeStale: message('该缴费通知书已被他人修改，请刷新后重试', 'The notice was changed by someone else: reload it and try again'),

  // Statements.
  fileTooLarge: (max: number) => message(`对账单文件超过 ${Math.floor(max / 1048576)} MB 上限`, `The statement file exceeds ${Math.floor(max / 1048576)} MB`),
  badLine: (line: number, problem: Message) => message(`第 ${line} 行：${problem.zh}`, `Line ${line}: ${problem.en}`),
  csvSyntax: message('CSV 格式错误（引号或分隔符不匹配）', 'Malformed CSV (quotes or separators)'),
  noHeaderRow: message('找不到表头行（须含“交易流水号”列）', 'No header row (one naming 交易流水号) was found'),
  missingColumns: (columns: string) => message(`表头缺少列：${columns}`, `The header row lacks the columns ${columns}`),
  noLines: message('对账单中没有交易明细', 'The statement has no transaction lines'),
  badTransactionId: message('交易流水号为空或格式错误', 'The bank transaction id is empty or malformed'),
  repeatedTransactionId: (id: string) => message(`交易流水号 ${id} 在文件中重复出现`, `The bank transaction id ${id} appears twice in the file`),
  badDate: message('交易日期格式错误（应为 yyyy-mm-dd 或 yyyymmdd）', 'The date is malformed (yyyy-mm-dd or yyyymmdd)'),
  badTime: message('交易时间格式错误（应为 HH:mm:ss）', 'The time is malformed (HH:mm:ss)'),
  badAmount: (text: string) => message(`金额“${text}”格式错误（元，最多两位小数）`, `The amount "${text}" is malformed (yuan, at most two decimals)`),
  notACredit: message('金额须大于零（收款账户只收入）', 'The amount must be above zero (a collection account only receives)'),
  badPayerName: message('付款人名称为空或过长', 'The payer name is empty or too long'),
  badReference: message('附言超过 64 个字符', 'The reference exceeds 64 characters'),
  noBankAccount: message('缺少收款账号（本方账号列或表头“账号：”）', 'No collection account (a 本方账号 column or an “账号：” header row)'),
  lineOnClosedDay: (day: string) => message(`${day} 已日结，不能再导入该日的流水（请做调整分录）`, `${day} is closed: its transactions cannot be imported (make an adjusting entry)`),
  statementJustImported: message('该对账单刚由他人导入，请刷新后查看', 'Someone else has just imported this file: reload to see it'),

  // Receipts.
  seriesFormat: message('票据代码须为 1 至 20 位数字或大写字母', '"series" must be 1-20 digits or capital letters'),
  serialRange: message('号段须满足 1 ≤ 起始号 ≤ 终止号 ≤ 99999999，且每段不超过 100000 张', 'The range must satisfy 1 ≤ firstSerial ≤ lastSerial ≤ 99999999, at most 100000 numbers'),
  rangeOverlaps: (series: string, first: number, last: number) =>
    message(`该号段与已登记的号段 ${series} ${first}-${last} 重叠`, `The range overlaps the registered book ${series} ${first}-${last}`),
  ownDepartment: message('须选择本中心的部门', '"departmentId" must be a department of your centre'),
  notChargingDepartment: message('只有财务或收费部门的工作人员才能开具或作废票据', 'Only FINANCE or staff of the charging department issue and void receipts'),
  alreadyReceipted: (number: string) => message(`该缴费通知书已开具票据 ${number}`, `Receipt ${number} was already issued for this notice`),
  noticeNotIssued: message('只能为有效的缴费通知书开具票据', 'Receipts are issued for notices in force only'),
  noReceiptBook: message('该部门没有可用的票据号段，请财务登记新号段', 'The department has no receipt book with numbers left: FINANCE registers one'),
  receiptVoided: message('该票据已作废', 'The receipt is already voided'),
  receiptStale: message('该票据已被他人修改，请刷新后重试', 'The receipt was changed by someone else: reload it and try again'),

  // Reconciliation and day close.
  dayFormat: message('日期须为 yyyy-mm-dd 格式', '"day" must be a date such as 2026-11-24'),
  futureDay: message('不能对尚未到来的日期对账或日结', 'A day that has not come yet is not reconciled or closed'),
  ownCentreOnly: message('财务只能对本中心对账和日结', 'FINANCE reconciles and closes its own centre only'),
  dayClosed: (day: string) => message(`${day} 已日结并锁定：请做调整分录`, `${day} is closed and locked: make an adjusting entry`),
  dayStale: message('该日的对账或日结已被他人处理，请刷新后重试', 'Someone else has reconciled or closed this day: reload it and try again'),
  notReconciled: message('该日尚未对账，不能日结', 'The day has not been reconciled: it cannot be closed'),
  openExceptions: (count: number) => message(`还有 ${count} 条对账差异未处理，不能日结`, `${count} exceptions are still open: the day cannot be closed`),
  itemNotOpen: message('该对账明细没有待处理的差异', 'The item is not an open exception'),
  actionNotFor: (action: string, kind: string) => message(`差异 ${kind} 不能用 ${action} 处理`, `${action} does not resolve a ${kind} exception`),
  matchNeedsNotice: message('人工匹配须指定一张有效的缴费通知书（noticeId）', 'MATCH_TO_NOTICE needs a notice in force ("noticeId")'),
  itemStale: message('该对账明细已被他人处理，请刷新后重试', 'The item was changed by someone else: reload it and try again'),
  dayNotClosed: (day: string) => message(`${day} 尚未日结：请直接在该日处理`, `${day} is not closed: correct it on the day itself`),
  adjustmentAmount: message('调整金额须为非零整数（分），绝对值不超过 999999999', '"amountFen" must be a non-zero whole number of fen, at most 999999999 either way'),
};
