// Reads the legacy text heap profile that /debug/pprof/heap?debug=1 serves.
import { GateError } from '../errors.js'
import { profileFromSamples, type DecodedProfile } from './fold/decoded.js'
import { foldedProfile, type FoldOptions } from './fold/fold.js'
import type { Frame, HeapProfile, MemStats } from './model.js'
import { isExact } from './numbers.js'
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
const FRAME = /^#\t(0x[0-9a-f]+)\t(.+?)\+0x[0-9a-f]+\t(.*):(\d+)$/

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
  const header = HEADER.exec(lines[0])
  if (!header) throw malformed(source, 1, 'the first line is not a heap profile header')
  const period = Math.floor(Number(header[5]) / 2)
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
  let i = 1
  for (; i < lines.length; i++) {
    const line = lines[i]
    if (line.startsWith('# runtime.MemStats')) break
    if (line.trim() === '') continue
    const rec = RECORD.exec(line)
    if (!rec) throw malformed(source, i + 1, `unexpected line "${line.slice(0, 60)}"`)
    const groups: [string, Frame[]][] = []
    while (i + 1 < lines.length && lines[i + 1].startsWith('#\t')) {
      const f = FRAME.exec(lines[++i])
      if (!f) continue
      const frame = { function: f[2], file: f[3], line: Number(f[4]) }
      const last = groups[groups.length - 1]
      if (last && last[0] === f[1]) last[1].push(frame)
      else groups.push([f[1], [frame]])
    }
    symbolized ||= groups.length > 0
    const locations =
      groups.length > 0
        ? groups.map(([addr, frames]) => location(addr, frames))
        : rec[5]
            .trim()
            .split(/\s+/)
            .filter(Boolean)
            .map((a) => location(a, [{ function: a, file: '', line: 0 }]))
    const [inuseObjects, inuseBytes] = scale(Number(rec[1]), Number(rec[2]), period)
    const [allocObjects, allocBytes] = scale(Number(rec[3]), Number(rec[4]), period)
    samples.push({ locations, values: [allocObjects, allocBytes, inuseObjects, inuseBytes] })
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
  const memstats = i < lines.length ? readTrailer(lines.slice(i + 1)) : undefined
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

function readTrailer(lines: string[]): MemStats {
  const out: MemStats = {}
  for (const line of lines) {
    const m = /^# (\w+) = (.*)$/.exec(line)
    if (!m || SKIP.has(m[1])) continue
    const pair = PAIRS[m[1]]
    if (pair) {
      const p = /^(\d+) \/ (\d+)$/.exec(m[2])
      if (p) {
        out[pair[0]] = Number(p[1])
        out[pair[1]] = Number(p[2])
      }
      continue
    }
    const v = Number(m[2])
    if (isExact(v)) out[m[1]] = v
  }
  return out
}

function malformed(source: string, line: number, detail: string): GateError {
  return new GateError(
    'MALFORMED',
    `${source}:${line}: corrupt text heap profile: ${detail}`,
    'fetch /debug/pprof/heap?debug=1 again',
  )
}
