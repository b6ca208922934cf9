/**
 * Money in integer fen (分), converted from the yuan (元) text of a bank file by string
 * arithmetic alone: `parseFloat("0.29") * 100` is 28.999999999999996, so no float ever
 * touches an amount.
 */

/** The largest amount of one line or notice: 9,999,999.99 元 (fits a 32-bit column). */
export const MAX_FEN = 999_999_999;

/**
 * "1,234.50" → 123450. Accepts an optional sign, thousands separators between groups of
 * three, and at most two decimals; anything else (exponents, spaces inside, "1.234")
 * is null, so the caller reports the line.
 */
export function yuanToFen(text: string): number | null {
  const match = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const [, sign, whole, decimals = ''] = match;
  const digits = `${whole.replace(/,/g, '')}${decimals.padEnd(2, '0')}`.replace(/^0+(?=\d)/, '');
  if (digits.length > String(MAX_FEN).length) return null;
  const fen = Number(digits);
  if (fen > MAX_FEN) return null;
  return sign === '-' ? -fen : fen;
}

/** 123450 → "1234.50" (for messages and the README's script). */
export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const digits = String(Math.abs(fen)).padStart(3, '0');
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
