/** Kinds of mistakes a user can make; tests assert on these, not on wording. */
export type ErrorCode =
  | 'USAGE'
  | 'NO_FILES'
  | 'READ_FAILED'
  | 'EMPTY_INPUT'
  | 'TRUNCATED'
  | 'TOO_LARGE'
  | 'UNKNOWN_FORMAT'
  | 'NOT_A_HEAP_PROFILE'
  | 'MALFORMED'
  | 'CONFIG_SYNTAX'
  | 'CONFIG_INVALID'
  | 'PERMISSION'

/**
 * An error the user caused and can fix. `message` is one line that names the file or
 * config key; `hint` says what to do. Never carries a stack trace to the user.
 */
export class GateError extends Error {
  readonly code: ErrorCode
  readonly hint: string

  constructor(code: ErrorCode, message: string, hint = '') {
    super(message)
    this.name = 'GateError'
    this.code = code
    this.hint = hint
  }

  /** The single line shown to the user. */
  oneLine(): string {
    return this.hint ? `${this.message} (${this.hint})` : this.message
  }
}
