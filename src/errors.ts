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
  | 'GO_TEST'
  | 'INTERRUPTED'
  | 'FETCH_FAILED'
  | 'ENDPOINT_MISSING'

// C0 and C1 controls, DEL, and the bidirectional overrides that reorder what a terminal shows.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

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

  /**
   * The single line shown to the user. Control characters a file or key brought into the
   * message (a newline, a carriage return, an escape sequence) are written as `\u000a`, so
   * the line stays one line and cannot rewrite itself on a terminal.
   */
  oneLine(): string {
    const line = this.hint ? `${this.message} (${this.hint})` : this.message
    return line.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  }
}
