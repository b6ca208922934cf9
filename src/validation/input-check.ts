import { BadUserInputError, InputProblem } from '../graphql/errors';
import { Message } from '../graphql/language';
import { messages } from '../graphql/messages';

/**
 * Collects every problem of a form's input, then throws one BAD_USER_INPUT listing them
 * all (`extensions.fields`), so a person fixes the whole form in one round-trip:
 *
 *   const check = new InputCheck();
 *   const name = check.text(input.name, 'input.name', 64);
 *   check.that(isValidPhone(input.phone), 'input.phone', messages.invalidPhone('phone'));
 *   check.done();
 *
 * Checks that need the database come after `done()`, one at a time.
 */
export class InputCheck {
  private readonly problems: InputProblem[] = [];

  /** Records `message` against `field` unless `ok`; returns `ok`, so dependent checks can be skipped. */
  that(ok: boolean, field: string, message: Message): boolean {
    if (!ok) this.problems.push({ field, message });
    return ok;
  }

  /** Trimmed text of 1-`max` characters (the trimmed text is returned either way). */
  text(value: string, field: string, max: number): string {
    const text = value.trim();
    this.that(text.length > 0 && text.length <= max, field, messages.textLength(field.replace(/^input\./, ''), max));
    return text;
  }

  /** Throws one BAD_USER_INPUT with every problem recorded, if any (`httpStatus` for a request refused before execution). */
  done(httpStatus?: number): void {
    const [first, ...more] = this.problems;
    if (first) throw new BadUserInputError(first.message, first.field, more, httpStatus);
  }
}
