// How `gomem-gate go-test` fails: a package that did not build or whose tests failed (with the
// end of go's output for it), and a run stopped by a signal.
import { GateError } from '../errors.js'

/** Lines of go's output kept for a failed package. */
export const TAIL_LINES = 20

/** A package failed; `tail` is the end of go's output for it, to show under the error line. */
export class GoTestFailure extends GateError {
  readonly importPath: string
  readonly tail: string[]

  constructor(
    importPath: string,
    what: 'build failed' | 'tests failed',
    others: number,
    tail: string[],
  ) {
    super(
      'GO_TEST',
      `go test: ${importPath}: ${what}; ${others === 0 ? 'no other package failed' : `${others} other package${others === 1 ? '' : 's'} failed too`}`,
      `the last lines of go's output for ${importPath} follow`,
    )
    this.importPath = importPath
    this.tail = tail
  }
}

/** The run was stopped (Ctrl-C, SIGTERM, or the caller's AbortSignal) after `finished` packages. */
export class GoTestInterrupted extends GateError {
  readonly finished: number
  readonly total: number

  constructor(finished: number, total: number) {
    super(
      'INTERRUPTED',
      `go test: interrupted after ${finished} of ${total} package${total === 1 ? '' : 's'}`,
      finished > 0
        ? 'the files of the packages that finished are complete; nothing was kept of the others'
        : 'nothing was kept',
    )
    this.finished = finished
    this.total = total
  }
}
