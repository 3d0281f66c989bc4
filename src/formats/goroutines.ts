// Reads goroutine profiles: /debug/pprof/goroutine as debug=1 (counted stacks) and
// debug=2 (every goroutine's stack, as a panic prints it). The protobuf is read in pprof.ts.
import { GateError } from '../errors.js'
import type { Frame, GoroutineProfile } from './model.js'

const DEBUG1_HEADER = /^goroutine profile: total (\d+)/
const DEBUG1_RECORD = /^(\d+) @( 0x[0-9a-f]+)+\s*$/
const DEBUG1_FRAME = /^#\t(0x[0-9a-f]+)\t(.+?)\+0x[0-9a-f]+\t+(.*):(\d+)\s*$/
const DEBUG2_HEADER = /^goroutine \d+ \[[^\]]*\]:$/

/** True when the text starts like a debug=1 or debug=2 goroutine profile. */
export function isGoroutineText(head: string): boolean {
  return DEBUG1_HEADER.test(head) || DEBUG2_HEADER.test(head.split('\n', 1)[0])
}

/** Parses either text form. */
export function readGoroutineText(text: string, source: string): GoroutineProfile {
  return DEBUG1_HEADER.test(text) ? readDebug1(text, source) : readDebug2(text)
}

function readDebug1(text: string, source: string): GoroutineProfile {
  const lines = text.split('\n')
  const total = Number(DEBUG1_HEADER.exec(lines[0])![1])
  const stacks: GoroutineProfile['stacks'] = []
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]
    if (line.trim() === '') continue
    if (!DEBUG1_RECORD.test(line)) {
      throw new GateError(
        'MALFORMED',
        `${source}:${i + 1}: corrupt goroutine profile: unexpected line "${line.slice(0, 60)}"`,
        'fetch /debug/pprof/goroutine?debug=1 again',
      )
    }
    const frames: Frame[] = []
    while (i + 1 < lines.length && lines[i + 1].startsWith('#\t')) {
      const f = DEBUG1_FRAME.exec(lines[++i])
      if (f) frames.push({ function: f[2], file: f[3], line: Number(f[4]) })
    }
    stacks.push({ frames, count: Number(line.split(' ', 1)[0]) })
  }
  return { total, stacks }
}

/** debug=2: blocks of `function(args)` / `\tfile:line +0x..` pairs; "created by" is not a frame. */
function readDebug2(text: string): GoroutineProfile {
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
    if (!frames || line === '' || line.startsWith('\t') || line.startsWith('created by ')) {
      if (line.startsWith('created by ')) i++ // skip the location line of the creator
      continue
    }
    // `main.(*Server).watch.func1(0xc000, ...)`: drop only the trailing argument list.
    const name = line.replace(/\([^()]*\)$/, '')
    const loc = /^\t(.*):(\d+)/.exec(lines[i + 1] ?? '')
    frames.push({ function: name, file: loc?.[1] ?? '', line: loc ? Number(loc[2]) : 0 })
    if (loc) i++
  }
  flush()
  return { total, stacks: [...byStack.values()] }
}
