// The progress line of `gomem-gate go-test` on a terminal, rewritten in place on stderr.

/** Draws `go test: 12 of 50 packages` over itself; `clear()` removes it before other output. */
export class ProgressLine {
  private shown = false

  constructor(private readonly write: (s: string) => void) {}

  /** Shows the count. */
  update(done: number, total: number): void {
    this.write(`\r\x1b[2Kgo test: ${done} of ${total} package${total === 1 ? '' : 's'}`)
    this.shown = true
  }

  /** Erases the line, if one is shown. */
  clear(): void {
    if (this.shown) this.write('\r\x1b[2K')
    this.shown = false
  }
}
