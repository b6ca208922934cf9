import { GraphQLError } from 'graphql';

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
  | 'INTERNAL_SERVER_ERROR';

export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}, httpStatus?: number) {
    super(message, {
      extensions: { code, ...extensions, ...(httpStatus ? { http: { status: httpStatus } } : {}) },
    });
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Sign in to use this field') {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends AppError {
  /** `field`, when given, names the argument or input field that is not allowed (`extensions.field`). */
  constructor(message = 'You are not allowed to do this', field?: string) {
    super('FORBIDDEN', message, field ? { field } : {});
  }
}

export class ReadOnlyRoleError extends AppError {
  constructor(operation: string) {
    super('READ_ONLY_ROLE', `The auditor role is read-only: "${operation}" is refused`, {}, 403);
  }
}

/** Bad input, naming the input field at fault (`extensions.field`). */
export class BadUserInputError extends AppError {
  constructor(message: string, field: string) {
    super('BAD_USER_INPUT', message, { field });
  }
}

export class NotFoundError extends AppError {
  constructor(what: string) {
    super('NOT_FOUND', `${what} not found`);
  }
}

/** A stale version or an illegal state change. */
export class ConflictError extends AppError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super('CONFLICT', message, extensions);
  }
}

export class TooManyAttemptsError extends AppError {
  constructor(retryAfterSeconds: number) {
    super('TOO_MANY_ATTEMPTS', 'Too many failed attempts; try again later', { retryAfterSeconds });
  }
}
