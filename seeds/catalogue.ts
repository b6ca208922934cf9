import { MaterialForm, MatterAcceptor, MatterCategory, MatterType, ServiceObject } from '../src/modules/matters/entities';

/**
 * Demo service catalogue of a city: real matters of a Liaoning / Inner Mongolia centre,
 * with the fee standards in force (amounts in fen). `dept` is the department template of
 * seeds/people.ts; `joint` adds departments for 联办件.
 */
export interface CatalogueEntry {
  code: string;
  name: string;
  type: MatterType;
  dept: string;
  category: MatterCategory;
  legal: number;
  promised: number;
  basis: string;
  crossRegion?: boolean;
  objects?: ServiceObject[];
  fees?: [name: string, basis: string, fen: number][];
  materials: [name: string, required: boolean, form: MaterialForm][];
  joint?: string[];
  /** 行政许可 examined and accepted by the department's 审批工作人员 (鞍山 规范 四(二)). */
  acceptedBy?: MatterAcceptor;
}

const { ADMINISTRATIVE_LICENSE: XK, ADMINISTRATIVE_CONFIRMATION: QR, ADMINISTRATIVE_PAYMENT: GF, OTHER_POWER: QT, PUBLIC_SERVICE: GG } = MatterType;
const { IMMEDIATE, PROMISED, JOINT, REPORTED } = MatterCategory;
const { ORIGINAL, COPY, ORIGINAL_AND_COPY, ELECTRONIC } = MaterialForm;
const { NATURAL_PERSON: P, LEGAL_PERSON: L } = ServiceObject;

const POLICE = '{t}公安局';
const MARKET = '{t}市场监督管理局';
const HR = '{t}人力资源和社会保障局';
const ESTATE = '{t}不动产登记中心';
const TAX = '国家税务总局{t}税务局';
const HEALTH = '{t}卫生健康委员会';
const FUND = '{t}住房公积金管理中心';
const CIVIL = '{t}民政局';

const ID_CARD: [string, boolean, MaterialForm] = ['申请人身份证件', true, ORIGINAL_AND_COPY];
const HOUSEHOLD: [string, boolean, MaterialForm] = ['居民户口簿', true, ORIGINAL];
const LICENCE: [string, boolean, MaterialForm] = ['营业执照', true, COPY];
const APPLICATION_FORM: [string, boolean, MaterialForm] = ['申请书（表）', true, ORIGINAL];
const ESTATE_FEE_BASIS = '《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）';

export const CATALOGUE: CatalogueEntry[] = [
  { code: 'QR00100001', name: '居民身份证申领', type: QR, dept: POLICE, category: PROMISED, legal: 60, promised: 15, crossRegion: true, basis: '《中华人民共和国居民身份证法》', fees: [['居民身份证工本费', '《关于居民身份证收费标准及有关问题的通知》（发改价格〔2003〕2322号）', 2000]], materials: [HOUSEHOLD, ['近期免冠照片（现场采集）', true, ELECTRONIC]] },
  { code: 'QR00100002', name: '居民身份证换领', type: QR, dept: POLICE, category: PROMISED, legal: 60, promised: 15, crossRegion: true, basis: '《中华人民共和国居民身份证法》', fees: [['居民身份证工本费', '发改价格〔2003〕2322号', 2000]], materials: [['原居民身份证', true, ORIGINAL], HOUSEHOLD] },
  { code: 'QR00100003', name: '临时居民身份证办理', type: QR, dept: POLICE, category: IMMEDIATE, legal: 3, promised: 0, crossRegion: true, basis: '《中华人民共和国居民身份证法》第十三条', fees: [['临时居民身份证工本费', '发改价格〔2003〕2322号', 1000]], materials: [HOUSEHOLD] },
  { code: 'QR00100004', name: '户口迁移登记', type: QR, dept: POLICE, category: PROMISED, legal: 20, promised: 5, basis: '《中华人民共和国户口登记条例》', materials: [HOUSEHOLD, ['准予迁入证明', true, ORIGINAL], ID_CARD] },
  { code: 'QR00100005', name: '出生登记', type: QR, dept: POLICE, category: IMMEDIATE, legal: 1, promised: 0, basis: '《中华人民共和国户口登记条例》第七条', materials: [['出生医学证明', true, ORIGINAL], HOUSEHOLD, ['父母身份证件', true, ORIGINAL]] },
  { code: 'XK00100006', name: '普通护照签发', type: XK, dept: POLICE, category: PROMISED, legal: 15, promised: 7, basis: '《中华人民共和国护照法》', fees: [['普通护照工本费', '《关于降低部分出入境证件收费标准的通知》（发改价格〔2019〕914号）', 12000]], materials: [ID_CARD, ['出入境证件数字相片', true, ELECTRONIC]] },
  { code: 'XK00100007', name: '往来港澳通行证签发', type: XK, dept: POLICE, category: PROMISED, legal: 15, promised: 7, basis: '《中国公民因私事往来香港地区或者澳门地区的暂行管理办法》', fees: [['往来港澳通行证工本费', '发改价格〔2019〕914号', 6000]], materials: [ID_CARD] },
  { code: 'QR00100008', name: '机动车驾驶证换证', type: QR, dept: POLICE, category: IMMEDIATE, legal: 1, promised: 0, crossRegion: true, basis: '《机动车驾驶证申领和使用规定》', fees: [['机动车驾驶证工本费', '《关于公安交通管理收费标准的通知》（计价格〔1994〕783号）', 1000]], materials: [ID_CARD, ['身体条件证明', true, ORIGINAL]] },
  { code: 'XK00200001', name: '企业设立登记', type: XK, dept: MARKET, category: PROMISED, legal: 15, promised: 3, crossRegion: true, objects: [L], basis: '《中华人民共和国市场主体登记管理条例》', materials: [['公司登记（备案）申请书', true, ORIGINAL], ['公司章程', true, ORIGINAL], ['股东主体资格证明', true, COPY], ['住所使用证明', true, COPY]] },
  { code: 'XK00200002', name: '个体工商户设立登记', type: XK, dept: MARKET, category: IMMEDIATE, legal: 15, promised: 0, crossRegion: true, objects: [P], basis: '《促进个体工商户发展条例》', materials: [APPLICATION_FORM, ID_CARD, ['经营场所使用证明', true, COPY]] },
  { code: 'XK00200003', name: '企业变更登记', type: XK, dept: MARKET, category: PROMISED, legal: 15, promised: 3, objects: [L], basis: '《中华人民共和国市场主体登记管理条例》', materials: [APPLICATION_FORM, LICENCE, ['变更决议或决定', true, ORIGINAL]] },
  { code: 'XK00200004', name: '企业注销登记', type: XK, dept: MARKET, category: PROMISED, legal: 15, promised: 3, objects: [L], basis: '《中华人民共和国市场主体登记管理条例》', materials: [['注销登记申请书', true, ORIGINAL], ['清算报告', true, ORIGINAL], LICENCE] },
  { code: 'XK00200005', name: '食品经营许可', type: XK, dept: MARKET, category: PROMISED, legal: 20, promised: 10, objects: [P, L], basis: '《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》', materials: [APPLICATION_FORM, LICENCE, ['食品安全管理制度', true, ORIGINAL], ['经营场所平面图', false, COPY]] },
  { code: 'XK00200006', name: '药品零售企业许可', type: XK, dept: MARKET, category: JOINT, legal: 30, promised: 20, joint: [MARKET, HEALTH], objects: [L], basis: '《中华人民共和国药品管理法》第五十二条', materials: [APPLICATION_FORM, LICENCE, ['执业药师注册证', true, COPY], ['质量管理文件', true, ORIGINAL]] },
  { code: 'XK00200007', name: '药品批发企业许可', type: XK, dept: MARKET, category: REPORTED, legal: 30, promised: 20, objects: [L], basis: '《中华人民共和国药品管理法》第五十二条（省级药品监督管理部门审批）', materials: [APPLICATION_FORM, LICENCE, ['仓储设施设备情况', true, ORIGINAL]] },
  { code: 'QR00300001', name: '不动产首次登记（住房）', type: QR, dept: ESTATE, category: PROMISED, legal: 30, promised: 5, basis: '《不动产登记暂行条例》', fees: [['不动产登记费（住房）', ESTATE_FEE_BASIS, 8000]], materials: [APPLICATION_FORM, ID_CARD, ['不动产权属来源证明', true, ORIGINAL], ['不动产界址、空间界限、面积等材料', true, ORIGINAL]] },
  { code: 'QR00300002', name: '不动产转移登记（住房）', type: QR, dept: ESTATE, category: PROMISED, legal: 30, promised: 5, basis: '《不动产登记暂行条例》', fees: [['不动产登记费（住房）', ESTATE_FEE_BASIS, 8000]], materials: [APPLICATION_FORM, ID_CARD, ['不动产权属证书', true, ORIGINAL], ['买卖合同', true, ORIGINAL], ['完税凭证', true, COPY]] },
  { code: 'QR00300003', name: '不动产转移登记（非住房）', type: QR, dept: ESTATE, category: PROMISED, legal: 30, promised: 10, objects: [P, L], basis: '《不动产登记暂行条例》', fees: [['不动产登记费（非住房）', ESTATE_FEE_BASIS, 55000]], materials: [APPLICATION_FORM, ID_CARD, ['不动产权属证书', true, ORIGINAL], ['转让合同', true, ORIGINAL]] },
  { code: 'QR00300004', name: '不动产抵押权登记', type: QR, dept: ESTATE, category: PROMISED, legal: 30, promised: 5, objects: [P, L], basis: '《不动产登记暂行条例》', fees: [['不动产登记费（住房）', ESTATE_FEE_BASIS, 8000]], materials: [APPLICATION_FORM, ['主债权合同及抵押合同', true, ORIGINAL], ['不动产权属证书', true, ORIGINAL]] },
  { code: 'GG00300005', name: '不动产登记资料查询', type: GG, dept: ESTATE, category: IMMEDIATE, legal: 1, promised: 0, crossRegion: true, objects: [P, L], basis: '《不动产登记资料查询暂行办法》', materials: [['查询申请书', true, ORIGINAL], ID_CARD] },
  { code: 'GG00400001', name: '社会保障卡申领', type: GG, dept: HR, category: IMMEDIATE, legal: 5, promised: 0, crossRegion: true, basis: '《中华人民共和国社会保险法》第五十八条', materials: [ID_CARD] },
  { code: 'GF00400002', name: '失业保险金申领', type: GF, dept: HR, category: PROMISED, legal: 20, promised: 10, crossRegion: true, basis: '《失业保险条例》第十六条', materials: [ID_CARD, ['解除或终止劳动关系证明', true, COPY]] },
  { code: 'QR00400003', name: '职工参保登记', type: QR, dept: HR, category: IMMEDIATE, legal: 5, promised: 0, crossRegion: true, objects: [L], basis: '《中华人民共和国社会保险法》第五十七条', materials: [LICENCE, ['参保人员名册', true, ORIGINAL]] },
  { code: 'GG00400004', name: '基本养老保险关系转移接续', type: GG, dept: HR, category: PROMISED, legal: 45, promised: 15, crossRegion: true, basis: '《城镇企业职工基本养老保险关系转移接续暂行办法》', materials: [ID_CARD, ['参保缴费凭证', true, ORIGINAL]] },
  { code: 'XK00400005', name: '外国人来华工作许可', type: XK, dept: HR, category: REPORTED, legal: 20, promised: 10, objects: [L], basis: '《外国人在中国就业管理规定》（报省级外国人工作管理部门）', materials: [APPLICATION_FORM, ['劳动合同', true, COPY], ['学历学位证书', true, COPY], ['无犯罪记录证明', true, ORIGINAL]] },
  { code: 'QR00500001', name: '纳税人设立登记', type: QR, dept: TAX, category: IMMEDIATE, legal: 30, promised: 0, objects: [L], basis: '《中华人民共和国税收征收管理法》第十五条', materials: [LICENCE, ['经办人身份证件', true, ORIGINAL]] },
  { code: 'XK00500002', name: '增值税专用发票最高开票限额审批', type: XK, dept: TAX, category: PROMISED, legal: 20, promised: 10, acceptedBy: MatterAcceptor.APPROVER, objects: [L], basis: '《国务院对确需保留的行政审批项目设定行政许可的决定》', materials: [['税务行政许可申请表', true, ORIGINAL], ['经办人身份证件', true, ORIGINAL]] },
  { code: 'XK00600001', name: '医师执业注册', type: XK, dept: HEALTH, category: PROMISED, legal: 20, promised: 10, acceptedBy: MatterAcceptor.APPROVER, objects: [P], basis: '《中华人民共和国医师法》第十三条', materials: [APPLICATION_FORM, ['医师资格证书', true, ORIGINAL], ['健康证明', true, ORIGINAL]] },
  { code: 'XK00600002', name: '医疗机构执业登记', type: XK, dept: HEALTH, category: JOINT, legal: 45, promised: 30, joint: [HEALTH, MARKET], objects: [L], basis: '《医疗机构管理条例》第十五条', materials: [APPLICATION_FORM, ['设置医疗机构批准书', true, COPY], ['医疗机构用房产权证明', true, COPY], ['规章制度', true, ORIGINAL]] },
  { code: 'GF00700001', name: '住房公积金提取', type: GF, dept: FUND, category: IMMEDIATE, legal: 3, promised: 0, crossRegion: true, basis: '《住房公积金管理条例》第二十四条', materials: [ID_CARD, ['提取原因证明材料', true, ORIGINAL_AND_COPY]] },
  { code: 'GF00700002', name: '住房公积金个人住房贷款', type: GF, dept: FUND, category: PROMISED, legal: 15, promised: 10, basis: '《住房公积金管理条例》第二十六条', materials: [ID_CARD, ['购房合同', true, ORIGINAL], ['婚姻状况证明', true, COPY], ['收入证明', false, ORIGINAL]] },
  { code: 'QR00800001', name: '内地居民婚姻登记', type: QR, dept: CIVIL, category: IMMEDIATE, legal: 1, promised: 0, basis: '《婚姻登记条例》', materials: [ID_CARD, ['本人无配偶以及与对方当事人没有直系血亲和三代以内旁系血亲关系的签字声明', true, ORIGINAL]] },
  { code: 'XK00800002', name: '社会团体成立登记', type: XK, dept: CIVIL, category: PROMISED, legal: 60, promised: 20, objects: [L], basis: '《社会团体登记管理条例》', materials: [['登记申请书', true, ORIGINAL], ['章程草案', true, ORIGINAL], ['验资报告', true, ORIGINAL]] },
  { code: 'QT00800003', name: '特困人员认定', type: QT, dept: CIVIL, category: PROMISED, legal: 30, promised: 20, basis: '《社会救助暂行办法》第十四条', materials: [['特困人员救助供养申请书', true, ORIGINAL], ID_CARD, HOUSEHOLD] },
];

/** Codes of 鞍山's demo matters left as DRAFT / SUSPENDED (never in the public guide). */
export const DRAFT_CODES = ['QT00800003'];
export const SUSPENDED_CODES = ['XK00200007'];

/** 锦州 and 乌海 publish their own, smaller catalogues. */
export const JINZHOU_CODES = CATALOGUE.slice(0, 20).map((e) => e.code);
export const WUHAI_CODES = CATALOGUE.filter((e, i) => i % 2 === 0 || e.crossRegion).map((e) => e.code);

/** 台安县 keeps a locally created 企业设立登记 whose elements deviate from 鞍山市's (三级九统 report). */
export const DEVIATING = { tenant: '210321', code: 'XK00200001', legal: 20, extraMaterial: ['法定代表人任职文件', true, COPY] as [string, boolean, MaterialForm] };

