import { InputCheck } from './input-check';

/**
 * Trimmed text of 1-`max` characters, or BAD_USER_INPUT naming `field` (e.g. 'input.reason').
 * A form with several fields uses `InputCheck.text` instead, to report them all at once.
 */
export function requireText(value: string, field: string, max: number): string {
  const check = new InputCheck();
  const text = check.text(value, field, max);
  check.done();
  return text;
}
