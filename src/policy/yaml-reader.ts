// Typed, line-aware access to a YAML config: every problem becomes a one-line GateError
// `<file>:<line>: <key path>: <what is wrong>; <what is allowed>`.
import {
  LineCounter,
  isAlias,
  isMap,
  isNode,
  isScalar,
  isSeq,
  parseDocument,
  visit,
  type Document,
} from 'yaml'
import { GateError, type ErrorCode } from '../errors.js'

/**
 * Aliases (`*name`) a config may use. Resolving one walks the document, so thousands take
 * seconds to minutes; a real policy needs a handful. The `yaml` package's `maxAliasCount`
 * (default 100) applies only when converting to plain values (toJS), which this reader
 * never does, so the aliases are counted here, once, after parsing.
 */
export const MAX_ALIASES = 100

/** A key of a YAML mapping with its nodes. */
export interface Entry {
  key: string
  keyNode: unknown
  value: unknown
}

/** A parsed config document plus what is needed to point at its lines. */
export class ConfigReader {
  /** The top-level node, null for an empty (or comments-only) file. */
  readonly root: unknown

  private constructor(
    readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {
    this.root = doc.contents
  }

  /** Parses `text`; throws CONFIG_SYNTAX with the line of the first YAML error. */
  static parse(text: string, file: string): ConfigReader {
    const lines = new LineCounter()
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false })
    const first = doc.errors[0]
    if (first) {
      const line = lines.linePos(first.pos[0]).line
      const what = first.message.split('\n')[0].replace(/\.$/, '').replace(CONTROL, escapeControl)
      throw new GateError(
        'CONFIG_SYNTAX',
        `${file}:${line}: invalid YAML: ${what}; check indentation, and quote values that start with * or contain ": "`,
      )
    }
    let aliases = 0
    visit(doc, {
      Alias(_, node) {
        if (++aliases <= MAX_ALIASES) return undefined
        const line = node.range ? lines.linePos(node.range[0]).line : 1
        throw new GateError(
          'CONFIG_SYNTAX',
          `${file}:${line}: more than ${MAX_ALIASES} YAML aliases (*name); a policy needs a few, write the values out`,
        )
      },
    })
    return new ConfigReader(file, doc, lines)
  }

  /** 1-based line where `node` starts, else `fallback`. */
  line(node: unknown, fallback = 1): number {
    if (isNode(node) && node.range) return this.lines.linePos(node.range[0]).line
    return fallback
  }

  /** `<file>:<line>: <path>` — the prefix of every message about `node`. */
  where(node: unknown, path: string, fallbackLine = 1): string {
    return `${this.file}:${this.line(node, fallbackLine)}: ${path || 'top level'}`
  }

  /** A one-line error about `node` at `path`. */
  error(
    node: unknown,
    path: string,
    problem: string,
    help: string,
    code: ErrorCode = 'CONFIG_INVALID',
    fallbackLine = 1,
  ): GateError {
    const message = `${this.where(node, path, fallbackLine)}: ${problem}; ${help}`
    return new GateError(code, message.replace(CONTROL, escapeControl))
  }

  /** Follows an alias to its anchored node. */
  deref(node: unknown, path: string): unknown {
    if (!isAlias(node)) return node
    const target = node.resolve(this.doc)
    if (target === undefined) {
      throw this.error(
        node,
        path,
        `*${node.source} refers to no anchor`,
        'quote patterns that start with *, e.g. "*Cache*"',
        'CONFIG_SYNTAX',
      )
    }
    return target
  }

  /** The entries of a mapping at `path`; any key outside `allowed` is an error listing them. */
  mapping(node: unknown, path: string, allowed: readonly string[]): Map<string, Entry> {
    const map = this.deref(node, path)
    if (!isMap(map)) {
      throw this.error(
        map,
        path,
        `expected a mapping, got ${describe(map)}`,
        `allowed keys: ${allowed.join(', ')}`,
      )
    }
    const entries = new Map<string, Entry>()
    for (const pair of map.items) {
      const keyNode = this.deref(pair.key, path)
      const key = isScalar(keyNode) ? String(keyNode.value) : undefined
      const keyPath = path ? `${path}.${key ?? '?'}` : (key ?? '?')
      if (key === undefined || !allowed.includes(key)) {
        const problem = key === undefined ? 'keys must be plain names' : 'unknown key'
        throw this.error(keyNode, keyPath, problem, `allowed: ${allowed.join(', ')}`)
      }
      entries.set(key, { key, keyNode, value: this.deref(pair.value, keyPath) })
    }
    return entries
  }

  /** The items of a sequence at `path`; an absent or empty value is []. */
  sequence(node: unknown, path: string, help: string): unknown[] {
    const seq = this.deref(node, path)
    if (seq === null || seq === undefined || (isScalar(seq) && seq.value === null)) return []
    if (!isSeq(seq)) throw this.error(seq, path, `expected a list, got ${describe(seq)}`, help)
    return seq.items.map((item, i) => this.deref(item, `${path}[${i}]`))
  }

  /** A non-empty string scalar at `path`. */
  string(node: unknown, path: string, help: string): string {
    const value = isScalar(node) ? node.value : undefined
    if (typeof value !== 'string' || value.trim() === '') {
      throw this.error(node, path, `expected a non-empty string, got ${describe(node)}`, help)
    }
    return value
  }
}

/** The plain value of a scalar node; undefined for collections. */
export function scalarValue(node: unknown): unknown {
  return isScalar(node) ? node.value : undefined
}

/** Short, one-line description of a node's value for messages: `"ten"`, `12`, `a list`. */
export function describe(node: unknown): string {
  if (isMap(node)) return 'a mapping'
  if (isSeq(node)) return 'a list'
  const value = isScalar(node) ? node.value : node
  if (value === null || value === undefined) return 'nothing'
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value)
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}

/**
 * Control characters a key or value may bring into a message (a quoted YAML key can hold a
 * newline, a carriage return or an escape sequence): escaped, so the message stays one line
 * that cannot rewrite itself on a terminal.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f]/g

function escapeControl(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
}
