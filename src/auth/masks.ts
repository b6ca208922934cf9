/** Masks for guarded fields shown to auditors: enough to match records, not to use them. */

/** 210381199001011234 → 2103**********1234 */
export function maskIdNumber(value: string): string {
  if (value.length <= 8) return '*'.repeat(value.length);
  return value.slice(0, 4) + '*'.repeat(value.length - 8) + value.slice(-4);
}

/** 13812345678 → 138****5678 */
export function maskPhone(value: string): string {
  if (value.length <= 7) return '*'.repeat(value.length);
  return value.slice(0, 3) + '*'.repeat(value.length - 7) + value.slice(-4);
}

/** 张三丰 → 张** */
export function maskName(value: string): string {
  return value.slice(0, 1) + '*'.repeat(Math.max(1, [...value].length - 1));
}
