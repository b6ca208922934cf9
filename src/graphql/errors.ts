import { GraphQLError } from 'graphql';
import { Language, Message } from './language';
import { messages } from './messages';

/**
 * The error codes of the API (DESIGN.md §4), one class each. Services throw these;
 * error formatting passes them through and hides everything else.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'READ_ONLY_ROLE'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_ATTEMPTS'
  | 'BAD_REQUEST'
  | 'OVERLOADED'
  | 'INTERNAL_SERVER_ERROR';

/**
 * An error for the client. Its text comes from a module's catalogue (`messages.ts`) in
 * both languages; the error formatter sends it in the request's language. The English
 * one is the GraphQLError's own message, for logs.
 */
export class AppError extends GraphQLError {
  constructor(
    code: ErrorCode,
    readonly text: Message,
    extensions: Record<string, unknown> = {},
    httpStatus?: number,
  ) {
    super(text.en, {
      extensions: { code, ...extensions, ...(httpStatus ? { http: { status: httpStatus } } : {}) },
    });
  }

  /** Extensions written at response time, in its language (BAD_USER_INPUT's `field` and `fields`). */
  extensionsIn(_language: Language): Record<string, unknown> {
    return {};
  }
}

export class UnauthenticatedError extends AppError {
  constructor(text: Message = messages.signIn, httpStatus?: number) {
    super('UNAUTHENTICATED', text, {}, httpStatus);
  }
}

export class ForbiddenError extends AppError {
  /** `field`, when given, names the argument or input field that is not allowed (`extensions.field`). */
  constructor(text: Message = messages.forbidden, field?: string) {
    super('FORBIDDEN', text, field ? { field } : {});
  }
}

export class ReadOnlyRoleError extends AppError {
  constructor(operation: string) {
    super('READ_ONLY_ROLE', messages.readOnlyRole(operation), {}, 403);
  }
}

/** One invalid input field: its path (`input.windowId`) and what is wrong with it. */
export interface InputProblem {
  readonly field: string;
  readonly message: Message;
}

/**
 * Bad input: every invalid field at once in `extensions.fields` (`[{ field, message }]`),
 * and the first in `extensions.field`. Services with several fields to check collect
 * them with InputCheck (src/validation/input-check.ts) and throw once.
 */
export class BadUserInputError extends AppError {
  readonly problems: readonly InputProblem[];

  constructor(text: Message, field: string, more: readonly InputProblem[] = [], httpStatus?: number) {
    const problems = [{ field, message: text }, ...more];
    super('BAD_USER_INPUT', problems.length === 1 ? text : messages.inputProblems(problems.map((p) => p.message)), { field }, httpStatus);
    this.problems = problems;
  }

  override extensionsIn(language: Language): Record<string, unknown> {
    return { field: this.problems[0].field, fields: this.problems.map((problem) => ({ field: problem.field, message: problem.message[language] })) };
  }
}

/** A missing row, or one the viewer may not see (the same answer, so ids cannot be probed). */
export class NotFoundError extends AppError {
  constructor(what: Message) {
    super('NOT_FOUND', messages.notFound(what));
  }
}

/** A stale version or an illegal state change. */
export class ConflictError extends AppError {
  constructor(text: Message, extensions: Record<string, unknown> = {}) {
    super('CONFLICT', text, extensions);
  }
}

export class TooManyAttemptsError extends AppError {
  constructor(retryAfterSeconds: number) {
    super('TOO_MANY_ATTEMPTS', messages.tooManyAttempts, { retryAfterSeconds });
  }
}

/** Work this instance has too much of queued already (sign-ins waiting for a password hash); not run, may be sent again. */
export class OverloadedError extends AppError {
  constructor() {
    super('OVERLOADED', messages.overloaded, { retryAfterSeconds: 1 });
  }
}

/** A request the endpoint does not serve in that form (a subscription over HTTP, a query over WebSocket). */
export class BadRequestError extends AppError {
  constructor(text: Message) {
    super('BAD_REQUEST', text, {}, 400);
  }
}
