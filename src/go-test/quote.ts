// Splitting and joining the quoted fields that `--go-flags` and `go test -exec` use.
import { GateError } from '../errors.js'

/** One field quoted for go's field splitting (cmd/internal/quoted): bare, '…' or "…". */
export function quoteField(field: string): string {
  if (field !== '' && !/[\s'"]/.test(field)) return field
  if (!field.includes("'")) return `'${field}'`
  if (!field.includes('"')) return `"${field}"`
  throw new GateError(
    'GO_TEST',
    `go test: cannot pass ${JSON.stringify(field)} to go test -exec (it holds both kinds of quote)`,
    'install gomem-gate under a path without quotes',
  )
}

/** Splits `-tags=a -run 'Test A'` at blanks outside quotes, as go splits GOFLAGS-like fields. */
export function splitFields(text: string): string[] {
  const out: string[] = []
  const re = /\s*(?:'([^']*)'|"([^"]*)"|([^\s'"]+))/gy
  let field: string | undefined
  let at = 0
  for (;;) {
    const m = re.exec(text)
    if (!m) break
    at = re.lastIndex
    const part = m[1] ?? m[2] ?? m[3]
    const joined = m[0].length > 0 && !/^\s/.test(m[0]) && field !== undefined
    if (joined) field += part
    else {
      if (field !== undefined) out.push(field)
      field = part
    }
  }
  if (text.slice(at).trim() !== '') {
    throw new GateError('USAGE', `--go-flags: unbalanced quote in ${JSON.stringify(text)}`)
  }
  if (field !== undefined) out.push(field)
  return out
}
