/**
 * Masks for guarded fields shown to auditors: enough to match records, not to use them.
 * Lengths are counted in characters (code points), so no mask splits a character, and a
 * short value never shows more than a long one would.
 */

function masked(value: string, head: number, tail: number, stars?: number): string {
  const chars = [...value];
  const hidden = stars ?? Math.max(0, chars.length - head - tail);
  return chars.slice(0, head).join('') + '*'.repeat(hidden) + (tail > 0 ? chars.slice(-tail).join('') : '');
}

/** ID or passport number: at most its first 2 and last 2 characters. 210381199001011234 → 21**************34 */
export function maskIdNumber(value: string): string {
  const length = [...value].length;
  const shown = length >= 10 ? 2 : length >= 6 ? 1 : 0;
  return masked(value, shown, shown);
}

/** 13812345678 → 138****5678 */
export function maskPhone(value: string): string {
  return [...value].length <= 7 ? masked(value, 0, 0) : masked(value, 3, 4);
}

/** 张三丰 → 张**; a one-character name is hidden whole. */
export function maskName(value: string): string {
  const length = [...value].length;
  return length <= 1 ? '*'.repeat(length) : masked(value, 1, 0);
}

/** At most the first 6 characters, and never more than half of a short address. */
export function maskAddress(value: string): string {
  return masked(value, Math.min(6, Math.floor([...value].length / 2)), 0, 4);
}

/** A phone or an address, whichever the contact (联系方式) is. */
export function maskContact(value: string): string {
  return /^[\d\s+-]+$/.test(value) ? maskPhone(value) : maskAddress(value);
}

/** Free text (a complaint's content in the audit log): its first few characters, never more than a quarter. */
export function maskText(value: string): string {
  return masked(value, Math.min(4, Math.floor([...value].length / 4)), 0, 4);
}
