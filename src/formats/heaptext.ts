// Reads the legacy text heap profile that /debug/pprof/heap?debug=1 serves.
import { GateError } from '../errors.js'
import { profileFromSamples, type DecodedProfile } from './fold/decoded.js'
import { foldedProfile, type FoldOptions } from './fold/fold.js'
import type { Frame, HeapProfile, MemStats } from './model.js'
import { capName } from './names.js'
import { figure, isGoalSentinel } from './numbers.js'
import { warning, type Warning } from '../warnings.js'

const HEADER = /^heap profile: *(\d+): *(\d+) *\[ *(\d+): *(\d+) *\] *@ *heap\/(\d+)/
const RECORD = /^(\d+): *(\d+) *\[ *(\d+): *(\d+) *\] *@(.*)$/
/** The sample types of a text heap profile, in the order Go's protobuf writer uses. */
const HEAP_SAMPLE_TYPES = [
  { type: 'alloc_objects', unit: 'count' },
  { type: 'alloc_space', unit: 'bytes' },
  { type: 'inuse_objects', unit: 'count' },
  { type: 'inuse_space', unit: 'bytes' },
]
/**
 * The longest line read (64 KiB). Go writes a record line of at most a few thousand
 * characters (a stack of 128 addresses) and a frame line of one symbol and one path; a
 * longer line is refused, so no line costs more than its length.
 */
export const MAX_LINE = 64 * 1024

/** True when the text starts like a debug=1 heap profile. */
export function isHeapText(head: string): boolean {
  return /^heap profile: *\d+: *\d+ *\[/.test(head)
}

/** The result: the profile and, when the trailer is present, its MemStats. */
export interface HeapText<P = HeapProfile> {
  profile: P
  memstats?: MemStats
  warnings: Warning[]
}

/** Reads the text format, its profile folded. */
export function readHeapText(text: string, source: string, opts: FoldOptions = {}): HeapText {
  const { profile, ...rest } = decodeHeapText(text, source)
  return { profile: foldedProfile(profile, opts), ...rest }
}

/**
 * Parses the text format sample by sample. Its counts are raw, so each record is unbiased
 * exactly as Go's protobuf writer does (scaleHeapSample), with period = R/2 from `@ heap/R`.
 */
export function decodeHeapText(text: string, source: string): HeapText<DecodedProfile> {
  const lines = text.split('\n')
  // A file Go wrote ends in a newline: a last line without one was cut mid-line.
  const cutMidLine = lines.length > 1 && lines[lines.length - 1] !== ''
  for (let n = 0; n < lines.length; n++) {
    if (lines[n].length > MAX_LINE) {
      throw malformed(source, n + 1, `line of ${lines[n].length} characters (at most ${MAX_LINE})`)
    }
  }
  const header = HEADER.exec(lines[0])
  if (!header) throw malformed(source, 1, 'the first line is not a heap profile header')
  for (let g = 1; g <= 4; g++) figure(header[g], `${source}:1`, 'the header count')
  const rate = figure(header[5], `${source}:1`, 'the sampling rate (@ heap/)')
  const period = Math.floor(rate / 2)
  const samples: { locations: Frame[][]; values: number[] }[] = []
  // The comment lines under a record name its frames, one line per frame; an inlining
  // chain repeats one address. Each address becomes one location, shared by all records.
  const locationOf = new Map<string, Frame[]>()
  const location = (addr: string, frames: Frame[]) => {
    let loc = locationOf.get(addr)
    if (!loc) {
      loc = frames
      locationOf.set(addr, loc)
    }
    return loc
  }
  let symbolized = false
  /** The line of the last record, and whether it had frames. */
  let lastRecord = 0
  let lastFramed = false
  /** Whether the last record's frames reach its last caller (see framesEnd). */
  let lastComplete = true
  let i = 1
  for (; i < lines.length; i++) {
    const line = lines[i]
    if (line.startsWith('# runtime.MemStats')) break
    if (line.trim() === '') continue
    const rec = RECORD.exec(line)
    if (!rec) throw malformed(source, i + 1, `unexpected line ${JSON.stringify(line.slice(0, 60))}`)
    const at = `${source}:${i + 1}`
    const counts = [1, 2, 3, 4].map((g) => figure(rec[g], at, 'a record count'))
    lastRecord = i + 1
    const groups: [string, Frame[]][] = []
    while (i + 1 < lines.length && lines[i + 1].startsWith('#\t')) {
      const f = parseFrame(lines[++i])
      if (!f) continue
      const last = groups[groups.length - 1]
      if (last && last[0] === f.addr) last[1].push(f.frame)
      else groups.push([f.addr, [f.frame]])
    }
    lastFramed = groups.length > 0
    lastComplete = !lastFramed || framesEnd(rec[5], groups[groups.length - 1][0])
    symbolized ||= groups.length > 0
    const locations =
      groups.length > 0
        ? groups.map(([addr, frames]) => location(addr, frames))
        : rec[5]
            .trim()
            .split(/\s+/)
            .filter(Boolean)
            .map((a) => location(a, [{ function: a, file: '', line: 0 }]))
    const [inuseObjects, inuseBytes] = scale(counts[0], counts[1], period)
    const [allocObjects, allocBytes] = scale(counts[2], counts[3], period)
    samples.push({ locations, values: [allocObjects, allocBytes, inuseObjects, inuseBytes] })
  }
  const trailer = i < lines.length
  // No trailer: the text ends after the last record. It was cut inside that record when
  // its last line is unfinished, or it lost the frames every other record has.
  if (!trailer && lastRecord > 0 && (cutMidLine || (symbolized && !lastFramed) || !lastComplete)) {
    throw new GateError(
      'TRUNCATED',
      `${source}:${lastRecord}: text heap profile cut inside a record`,
      'the file was not written to the end; fetch /debug/pprof/heap?debug=1 again',
    )
  }
  if (trailer && cutMidLine) {
    throw new GateError(
      'TRUNCATED',
      `${source}:${lines.length}: text heap profile cut inside its # runtime.MemStats trailer`,
      'the file was not written to the end; fetch /debug/pprof/heap?debug=1 again',
    )
  }
  const warnings: Warning[] = []
  if (!symbolized && samples.length > 0) {
    warnings.push(
      warning(
        'no-symbols',
        `${source}: frames carry no symbols; functions are shown as addresses`,
        source,
      ),
    )
  }
  const memstats = trailer ? readTrailer(lines.slice(i + 1), source, i + 2) : undefined
  if (!memstats)
    warnings.push(
      warning(
        'no-memstats-trailer',
        `${source}: no # runtime.MemStats trailer; the file may be cut short`,
        source,
      ),
    )
  const head = { sampleTypes: HEAP_SAMPLE_TYPES, defaultSampleType: '', period, timeNanos: 0 }
  return {
    profile: profileFromSamples(head, samples),
    memstats,
    warnings,
  }
}

/** Go's scaleHeapSample: undo the bias of sampling one allocation per `rate` bytes. */
export function scale(count: number, size: number, rate: number): [number, number] {
  if (count === 0 || size === 0) return [0, 0]
  if (rate <= 1) return [count, size]
  const avgSize = size / count
  const s = 1 / (1 - Math.exp(-avgSize / rate))
  return [Math.trunc(count * s), Math.trunc(size * s)]
}

/** `# Stack = 425984 / 425984` style lines hold an in-use and a sys figure. */
const PAIRS: Record<string, [string, string]> = {
  Stack: ['StackInuse', 'StackSys'],
  MSpan: ['MSpanInuse', 'MSpanSys'],
  MCache: ['MCacheInuse', 'MCacheSys'],
}
const SKIP = new Set(['LastGC', 'PauseNs', 'PauseEnd', 'DebugGC', 'EnableGC'])

function readTrailer(lines: string[], source: string, first: number): MemStats {
  const out: MemStats = {}
  lines.forEach((line, n) => {
    const m = /^# (\w+) = (.*)$/.exec(line)
    if (!m || SKIP.has(m[1])) return
    const at = `${source}:${first + n}`
    const pair = PAIRS[m[1]]
    if (pair) {
      const p = /^(\d+) \/ (\d+)$/.exec(m[2])
      if (p) {
        out[pair[0]] = figure(p[1], at, pair[0])
        out[pair[1]] = figure(p[2], at, pair[1])
      }
      return
    }
    if (m[1] === 'NextGC' && isGoalSentinel(Number(m[2]))) return // 2^64-1 while GC is off
    out[m[1]] = figure(m[2], at, m[1], m[1] === 'GCCPUFraction' ? 'fraction' : 'integer')
  })
  return out
}

/**
 * True when a record's frames reach the end of its stack: the last frame is the caller of
 * the last address or of the one before it (Go leaves out runtime.goexit). A record cut
 * between two of its frame lines ends earlier. Frame PCs are return addresses minus one.
 */
function framesEnd(addrs: string, lastFrame: string): boolean {
  const list = addrs.trim().split(/\s+/)
  const pc = Number.parseInt(lastFrame, 16)
  for (let k = list.length - 1; k >= 0 && k >= list.length - 2; k--) {
    const a = Number.parseInt(list[k], 16)
    if (a === pc || a === pc + 1) return true
  }
  return false
}

/**
 * `#\t0x57ed84\tmain.makeRequests+0xc4\tpath/main.go:58`, read by hand: split at tabs, the
 * function before its last `+0x`, the line after the path's last colon. Linear on any line.
 */
function parseFrame(line: string): { addr: string; frame: Frame } | undefined {
  const a = line.indexOf('\t', 2)
  if (a < 0) return undefined
  const addr = line.slice(2, a)
  if (!/^0x[0-9a-f]+$/.test(addr)) return undefined
  const b = line.indexOf('\t', a + 1)
  if (b < 0) return undefined
  const fn = line.slice(a + 1, b)
  const plus = fn.lastIndexOf('+0x')
  if (plus <= 0 || !/^[0-9a-f]+$/.test(fn.slice(plus + 3))) return undefined
  // As Go's frame line has it: the path is all after the tab that follows the function.
  const loc = line.slice(b + 1)
  const colon = loc.lastIndexOf(':')
  if (colon < 0 || !/^\d+$/.test(loc.slice(colon + 1))) return undefined
  return {
    addr,
    frame: {
      function: capName(fn.slice(0, plus)),
      file: capName(loc.slice(0, colon)),
      line: Number(loc.slice(colon + 1)),
    },
  }
}

function malformed(source: string, line: number, detail: string): GateError {
  return new GateError(
    'MALFORMED',
    `${source}:${line}: corrupt text heap profile: ${detail}`,
    'fetch /debug/pprof/heap?debug=1 again',
  )
}
