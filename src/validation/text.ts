import { BadUserInputError } from '../graphql/errors';

/** Trimmed text of 1-`max` characters, or BAD_USER_INPUT naming `field` (e.g. 'input.reason'). */
export function requireText(value: string, field: string, max: number): string {
  const text = value.trim();
  if (text.length === 0 || text.length > max) {
    throw new BadUserInputError(`"${field.replace(/^input\./, '')}" must be 1-${max} characters`, field);
  }
  return text;
}
