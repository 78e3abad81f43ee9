/**
 * The one error type of the domain layer (DESIGN.md §2 rule 4). Services throw it;
 * transports map `code` once: to an HTTP status for REST and to `extensions.code`
 * (plus the same HTTP status) for GraphQL. Anything else that escapes is an internal
 * error: logged in full, shown to users as a generic message.
 */
export const errorStatus = {
  BAD_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  QUOTA_EXCEEDED: 413,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** A field-level problem, so forms and API clients can point at the exact input. */
export interface FieldProblem {
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldProblem[];

  constructor(
    code: ErrorCode,
    message: string,
    options: { fields?: FieldProblem[]; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields ?? [];
  }

  get status(): number {
    return errorStatus[this.code];
  }

  static badInput(message: string, fields: FieldProblem[] = []) {
    return new AppError('BAD_INPUT', message, { fields });
  }
  static notFound(what: string) {
    return new AppError('NOT_FOUND', `${what} not found`);
  }
  static forbidden(message = 'You do not have permission to do this') {
    return new AppError('FORBIDDEN', message);
  }
  static unauthenticated(message = 'Sign in to continue') {
    return new AppError('UNAUTHENTICATED', message);
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** What a client may see of any error: AppErrors as they are, everything else generic. */
export function publicError(error: unknown): {
  code: ErrorCode;
  message: string;
  status: number;
  fields: FieldProblem[];
} {
  if (isAppError(error)) {
    return { code: error.code, message: error.message, status: error.status, fields: error.fields };
  }
  return { code: 'INTERNAL', message: 'Something went wrong on our side', status: 500, fields: [] };
}
