// Reads a pprof protobuf (already inflated) into a HeapProfile.
import { Profile } from 'pprof-format'
import { GateError } from '../errors.js'
import type { Frame, HeapProfile, StackSample, ValueType } from './model.js'
import { toNumber } from './numbers.js'

/** Sample types that make a profile a heap/allocs profile. */
const HEAP_TYPES = new Set(['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space'])

/** Decodes protobuf bytes; throws a GateError when they are not a heap profile. */
export function readPprof(bytes: Uint8Array, source: string): HeapProfile {
  let p: Profile
  try {
    p = Profile.decode(bytes)
  } catch (err) {
    throw notRecognised(source, (err as Error).message)
  }
  const strings = p.stringTable.strings
  const str = (i: number | bigint): string => strings[toNumber(i)] ?? ''
  const sampleTypes: ValueType[] = p.sampleType.map((t) => ({
    type: str(t.type),
    unit: str(t.unit),
  }))
  if (sampleTypes.length === 0 || strings[0] !== '' || sampleTypes.some((t) => t.type === '')) {
    throw notRecognised(source, 'no sample types')
  }
  if (!sampleTypes.some((t) => HEAP_TYPES.has(t.type))) {
    const kind = describeKind(sampleTypes)
    throw new GateError(
      'NOT_A_HEAP_PROFILE',
      `${source}: is a ${kind} (sample types ${sampleTypes.map((t) => t.type).join(', ')}), not a heap profile`,
      'pass the output of go test -memprofile or /debug/pprof/heap',
    )
  }

  const functions = new Map<number, { name: string; file: string }>()
  for (const f of p.function) {
    functions.set(toNumber(f.id), { name: str(f.name), file: str(f.filename) })
  }
  // Expand each location's inlining chain once: innermost first, the last line is the real frame.
  const locations = new Map<number, Frame[]>()
  for (const loc of p.location) {
    const frames: Frame[] = loc.line.map((l) => {
      const fn = functions.get(toNumber(l.functionId))
      return { function: fn?.name || '<unknown>', file: fn?.file ?? '', line: toNumber(l.line) }
    })
    if (frames.length === 0) {
      frames.push({ function: `0x${toNumber(loc.address).toString(16)}`, file: '', line: 0 })
    }
    locations.set(toNumber(loc.id), frames)
  }

  // Merge samples with identical stacks (labels are not kept).
  const byStack = new Map<string, StackSample>()
  const width = sampleTypes.length
  for (const s of p.sample) {
    const ids = s.locationId.map(toNumber)
    const key = ids.join(',')
    let entry = byStack.get(key)
    if (!entry) {
      const frames: Frame[] = []
      for (const id of ids) {
        const loc = locations.get(id)
        if (!loc) throw malformed(source, `sample refers to missing location ${id}`)
        frames.push(...loc)
      }
      entry = { frames, values: new Array<number>(width).fill(0) }
      byStack.set(key, entry)
    }
    for (let i = 0; i < width; i++) entry.values[i] += toNumber(s.value[i] ?? 0)
  }

  return {
    sampleTypes,
    defaultSampleType: str(p.defaultSampleType),
    period: toNumber(p.period),
    timeNanos: toNumber(p.timeNanos),
    samples: [...byStack.values()],
  }
}

function describeKind(types: ValueType[]): string {
  const names = new Set(types.map((t) => t.type))
  if (names.has('cpu')) return 'CPU profile'
  if (names.has('goroutine')) return 'goroutine profile'
  if (names.has('contentions')) return 'block or mutex profile'
  return 'profile of another kind'
}

function notRecognised(source: string, detail: string): GateError {
  return new GateError(
    'UNKNOWN_FORMAT',
    `${source}: not a pprof profile, MemStats JSON or Prometheus scrape (${detail})`,
    'pass a heap profile (.pb.gz), a debug=1 heap profile, a MemStats JSON dump or a /metrics scrape',
  )
}

function malformed(source: string, detail: string): GateError {
  return new GateError(
    'MALFORMED',
    `${source}: corrupt pprof profile: ${detail}`,
    'produce the file again',
  )
}
