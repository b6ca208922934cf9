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
