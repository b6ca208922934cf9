/** Chinese identifier formats with their check characters. */

const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_ID_CHECK = '10X98765432';

/** 18-digit resident ID (GB 11643): region, birth date, sequence, ISO 7064 MOD 11-2 check. */
export function isValidResidentId(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const birth = value.slice(6, 14);
  const date = new Date(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10).replace(/-/g, '') !== birth) return false;
  const sum = RESIDENT_ID_WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(value[i]), 0);
  return RESIDENT_ID_CHECK[sum % 11] === value[17];
}

/** Mainland mobile (1xxxxxxxxxx) or landline with area code (0xxx-xxxxxxx). */
export function isValidPhone(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(value) || /^0\d{2,3}-?\d{7,8}$/.test(value);
}

const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** 统一社会信用代码 (GB 32100-2015): 18 characters, the last a MOD 31 check character. */
export function isValidCreditCode(value: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(value)) return false;
  const sum = CREDIT_CODE_WEIGHTS.reduce((acc, weight, i) => acc + weight * CREDIT_CODE_CHARS.indexOf(value[i]), 0);
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_CHARS[check] === value[17];
}

/** Other identity documents: a plausible shape per type (the issuing systems check the rest). */
export const DOCUMENT_PATTERNS: Record<string, RegExp> = {
  PASSPORT: /^[A-Z0-9]{5,17}$/,
  HK_MACAO_PERMIT: /^[HM]\d{8,10}$/,
  TAIWAN_PERMIT: /^\d{8}(\d{2})?$/,
  FOREIGN_PERMANENT_RESIDENT: /^[A-Z0-9]{15,18}$/,
  OTHER: /^[A-Za-z0-9-]{4,32}$/,
};
