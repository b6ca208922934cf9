import { TenantLevel } from '../src/modules/tenancy/entities';

export interface TenantSeed {
  code: string;
  name: string;
  level: TenantLevel;
  parent?: string;
}

const { PROVINCE, CITY, COUNTY, DISTRICT } = TenantLevel;

/** The demo divisions (GB/T 2260 codes), parents before children. */
export const TENANTS: TenantSeed[] = [
  { code: '210000', name: '辽宁省', level: PROVINCE },
  { code: '150000', name: '内蒙古自治区', level: PROVINCE },
  { code: '210300', name: '鞍山市', level: CITY, parent: '210000' },
  { code: '210302', name: '铁东区', level: DISTRICT, parent: '210300' },
  { code: '210303', name: '铁西区', level: DISTRICT, parent: '210300' },
  { code: '210304', name: '立山区', level: DISTRICT, parent: '210300' },
  { code: '210311', name: '千山区', level: DISTRICT, parent: '210300' },
  { code: '210321', name: '台安县', level: COUNTY, parent: '210300' },
  { code: '210323', name: '岫岩满族自治县', level: COUNTY, parent: '210300' },
  { code: '210381', name: '海城市', level: COUNTY, parent: '210300' },
  { code: '210700', name: '锦州市', level: CITY, parent: '210000' },
  { code: '210702', name: '古塔区', level: DISTRICT, parent: '210700' },
  { code: '210703', name: '凌河区', level: DISTRICT, parent: '210700' },
  { code: '210711', name: '太和区', level: DISTRICT, parent: '210700' },
  { code: '210726', name: '黑山县', level: COUNTY, parent: '210700' },
  { code: '210727', name: '义县', level: COUNTY, parent: '210700' },
  { code: '210781', name: '凌海市', level: COUNTY, parent: '210700' },
  { code: '210782', name: '北镇市', level: COUNTY, parent: '210700' },
  { code: '150300', name: '乌海市', level: CITY, parent: '150000' },
  { code: '150302', name: '海勃湾区', level: DISTRICT, parent: '150300' },
  { code: '150303', name: '海南区', level: DISTRICT, parent: '150300' },
  { code: '150304', name: '乌达区', level: DISTRICT, parent: '150300' },
];
