// Reads goroutine profiles: /debug/pprof/goroutine as debug=1 (counted stacks) and
// debug=2 (every goroutine's stack, as a panic prints it), and /debug/pprof/goroutineleak
// (Go 1.26) as debug=1, the same records under `goroutineleak profile: total N`. The
// protobuf is read in pprof.ts.
import { GateError } from '../errors.js'
import type { Frame, GoroutineProfile } from './model.js'
import { capName } from './names.js'
import { figure } from './numbers.js'

const DEBUG1_HEADER = /^goroutine(leak)? profile: total (\d+)/
const DEBUG1_RECORD = /^(\d+) @( 0x[0-9a-f]+)+\s*$/
/** The longest line read (64 KiB, as for text heap profiles); a longer one is refused. */
const MAX_LINE = 64 * 1024
const DEBUG2_HEADER = /^goroutine \d+ \[[^\]]*\]:$/
/** What a debug=2 header looks like whatever its id: one that is not a number is corrupt. */
const DEBUG2_HEADER_SHAPE = /^goroutine \S+ \[.*\]:$/

/** True when the text starts like a debug=1 or debug=2 goroutine profile. */
export function isGoroutineText(head: string): boolean {
  return DEBUG1_HEADER.test(head) || DEBUG2_HEADER.test(head.split('\n', 1)[0])
}

/** Parses either text form. */
export function readGoroutineText(text: string, source: string): GoroutineProfile {
  const long = longLine(text)
  if (long) {
    throw new GateError(
      'MALFORMED',
      `${source}:${long.line}: corrupt goroutine profile: line of ${long.length} characters (at most ${MAX_LINE})`,
      'fetch /debug/pprof/goroutine again',
    )
  }
  return DEBUG1_HEADER.test(text) ? readDebug1(text, source) : readDebug2(text, source)
}

function readDebug1(text: string, source: string): GoroutineProfile {
  const lines = text.split('\n')
  const header = DEBUG1_HEADER.exec(lines[0])!
  const total = figure(header[2], `${source}:1`, 'the total')
  const leaked = header[1] !== undefined
  let sum = 0
  const stacks: GoroutineProfile['stacks'] = []
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]
    if (line.trim() === '') continue
    if (!DEBUG1_RECORD.test(line)) {
      throw new GateError(
        'MALFORMED',
        `${source}:${i + 1}: corrupt goroutine profile: unexpected line ${JSON.stringify(line.slice(0, 60))}`,
        'fetch /debug/pprof/goroutine?debug=1 again',
      )
    }
    const frames: Frame[] = []
    while (i + 1 < lines.length && lines[i + 1].startsWith('#\t')) {
      const f = parseFrame(lines[++i])
      if (f) frames.push(f)
    }
    const count = figure(line.split(' ', 1)[0], `${source}:${i + 1}`, 'a record count')
    sum += count
    stacks.push({ frames, count })
  }
  if (sum !== total) {
    throw new GateError(
      'MALFORMED',
      `${source}:1: corrupt goroutine profile: the header says total ${total} but the records count ${sum}`,
      'the file was edited or cut; fetch /debug/pprof/goroutine?debug=1 again',
    )
  }
  return { total, stacks, ...(leaked ? { leaked } : {}) }
}

/** The first line longer than MAX_LINE, 1-based, without splitting the text. */
function longLine(text: string): { line: number; length: number } | undefined {
  let line = 1
  for (let at = 0; at <= text.length; line++) {
    let end = text.indexOf('\n', at)
    if (end < 0) end = text.length
    if (end - at > MAX_LINE) return { line, length: end - at }
    at = end + 1
  }
  return undefined
}

/**
 * `#\t0x4635e4\truntime/pprof.f+0x24\t\tfile.go:846`, read by hand: the function before its
 * last `+0x`, the tabs after it skipped, the line number after the path's last colon.
 */
function parseFrame(line: string): Frame | undefined {
  const a = line.indexOf('\t', 2)
  if (a < 0 || !/^0x[0-9a-f]+$/.test(line.slice(2, a))) return undefined
  const b = line.indexOf('\t', a + 1)
  if (b < 0) return undefined
  const fn = line.slice(a + 1, b)
  const plus = fn.lastIndexOf('+0x')
  if (plus <= 0 || !/^[0-9a-f]+$/.test(fn.slice(plus + 3))) return undefined
  let c = b
  while (line[c] === '\t') c++
  const loc = line.slice(c).trimEnd()
  const colon = loc.lastIndexOf(':')
  if (colon < 0 || !/^\d+$/.test(loc.slice(colon + 1))) return undefined
  return {
    function: capName(fn.slice(0, plus)),
    file: capName(loc.slice(0, colon)),
    line: Number(loc.slice(colon + 1)),
  }
}

/** debug=2: blocks of `function(args)` / `\tfile:line +0x..` pairs; "created by" is not a frame. */
function readDebug2(text: string, source: string): GoroutineProfile {
  const byStack = new Map<string, { frames: Frame[]; count: number }>()
  let total = 0
  let frames: Frame[] | undefined
  const flush = () => {
    if (!frames) return
    total++
    const key = frames.map((f) => f.function).join('\n')
    const entry = byStack.get(key)
    if (entry) entry.count++
    else byStack.set(key, { frames, count: 1 })
    frames = undefined
  }
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (DEBUG2_HEADER.test(line)) {
      flush()
      frames = []
      continue
    }
    if (DEBUG2_HEADER_SHAPE.test(line)) {
      throw new GateError(
        'MALFORMED',
        `${source}:${i + 1}: corrupt goroutine dump: a goroutine header without a number: ${JSON.stringify(line.slice(0, 60))}`,
        'fetch /debug/pprof/goroutine?debug=2 again',
      )
    }
    if (!frames || line === '' || line.startsWith('\t') || line.startsWith('created by ')) {
      if (line.startsWith('created by ')) i++ // skip the location line of the creator
      continue
    }
    // `main.(*Server).watch.func1(0xc000, ...)`: drop only the trailing argument list.
    const name = line.replace(/\([^()]*\)$/, '')
    const loc = /^\t(.*):(\d+)/.exec(lines[i + 1] ?? '')
    frames.push({
      function: capName(name),
      file: capName(loc?.[1] ?? ''),
      line: loc ? Number(loc[2]) : 0,
    })
    if (loc) i++
  }
  flush()
  return { total, stacks: [...byStack.values()] }
}
