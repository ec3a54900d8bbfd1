// The closed vocabulary of domain errors. Services throw these; the HTTP layer maps them to status codes
// in exactly one place (server/error-handler.ts). Messages are safe to show to the caller.

export type ErrorCode =
  | 'invalid_input'
  | 'unauthenticated'
  | 'not_permitted'
  | 'not_found'
  | 'conflict'
  | 'slot_taken'
  | 'precondition_failed'
  | 'idempotency_mismatch'
  | 'unavailable';

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: ErrorCode, message: string, options: { field?: string; details?: Record<string, unknown> } = {}) {
    super(message);
    this.code = code;
    this.field = options.field;
    this.details = options.details;
  }
}

export const invalidInput = (field: string, reason: string) => new DomainError('invalid_input', reason, { field });
export const notFound = (what: string) => new DomainError('not_found', `${what} was not found`);
export const notPermitted = (reason: string) => new DomainError('not_permitted', reason);
export const conflict = (reason: string, details?: Record<string, unknown>) => new DomainError('conflict', reason, { details });
export const slotTaken = () => new DomainError('slot_taken', 'That appointment time has just been taken. Please choose another.');
export const preconditionFailed = (reason: string) => new DomainError('precondition_failed', reason);

export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  not_permitted: 403,
  not_found: 404,
  conflict: 409,
  slot_taken: 409,
  idempotency_mismatch: 422,
  precondition_failed: 412,
  unavailable: 503,
};
