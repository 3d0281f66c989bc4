// Reads a pprof protobuf (already inflated) into a folded HeapProfile.
//
// Two passes: the first walks the top-level fields, hands everything but the samples to
// pprof-format (locations, functions, strings: small) and notes where each sample lies;
// the second decodes the samples straight into typed arrays. Decoding a million samples
// into pprof-format's objects would take seconds and most of a gigabyte.
import { Profile } from 'pprof-format'
import { GateError } from '../errors.js'
import { capName, decodeName, MAX_PROFILE_FUNCTIONS, tooManyFunctions } from './names.js'
import { notAHeapProfile, pprofKind } from './kinds.js'
import { locationsOf, samplesOf, type DecodedProfile, type FrameTable } from './fold/decoded.js'
import { foldedProfile, type FoldOptions } from './fold/fold.js'
import {
  GO_HEAP_SAMPLE_TYPES,
  type Frame,
  type GoroutineProfile,
  type HeapProfile,
  type ValueType,
} from './model.js'
import { toNumber } from './numbers.js'
import { WireError, WireReader } from './protowire.js'
import { grown } from '../typed-arrays.js'

/** Sample types that make a profile a heap/allocs profile. */
const HEAP_TYPES: ReadonlySet<string> = new Set(GO_HEAP_SAMPLE_TYPES)

/** Profile.sample: field 2, length-delimited. */
const SAMPLE_TAG = (2 << 3) | 2
/** Profile.location: field 4, length-delimited. */
const LOCATION_TAG = (4 << 3) | 2
/** Profile.function (field 5) and Profile.string_table (field 6), length-delimited. */
const FUNCTION_TAG = (5 << 3) | 2
const STRING_TAG = (6 << 3) | 2

/** The function table: each function's name and file, and its index by function id. */
interface Functions {
  list: { name: string; file: string }[]
  indexOf: Map<number, number>
}

/** A pprof file: a heap profile, or a goroutine profile. */
export type PprofContent<P = HeapProfile> =
  { kind: 'heap'; profile: P } | { kind: 'goroutine'; goroutines: GoroutineProfile }

/** Reads protobuf bytes, a heap profile folded; throws a GateError when they are neither heap nor goroutines. */
export function readPprof(bytes: Uint8Array, source: string, opts: FoldOptions = {}): PprofContent {
  const content = decodePprof(bytes, source)
  return content.kind === 'heap'
    ? { kind: 'heap', profile: foldedProfile(content.profile, opts) }
    : content
}

/** Decodes protobuf bytes, a heap profile sample by sample (for the fold, and its tests). */
export function decodePprof(bytes: Uint8Array, source: string): PprofContent<DecodedProfile> {
  let meta: Profile
  let sampleRanges: Uint32Array
  let longest: number
  let locationRanges: Uint32Array
  let strings: string[]
  let functions: Functions
  try {
    ;({ meta, sampleRanges, longest, locationRanges, strings, functions } = split(bytes))
  } catch (err) {
    // Broken protobuf after a first field that pprof has is a corrupt profile; broken from
    // its first byte, or a field pprof-format refuses, some other file.
    if (err instanceof Invalid || (err instanceof WireError && opensAsPprof(bytes))) {
      throw malformed(source, (err as Error).message)
    }
    throw notRecognised(source, (err as Error).message)
  }
  let str: (i: number | bigint) => string
  try {
    str = checkMeta(meta, strings)
  } catch (err) {
    throw malformed(source, (err as Error).message)
  }
  // Cut like function names: a report names the sample types.
  const sampleTypes: ValueType[] = meta.sampleType.map((t) => ({
    type: capName(str(t.type)),
    unit: capName(str(t.unit)),
  }))
  if (sampleTypes.length === 0 || strings[0] !== '' || sampleTypes.some((t) => t.type === '')) {
    throw notRecognised(source, 'no sample types')
  }
  // A goroutine leak profile (Go 1.26) is a goroutine profile of leaked goroutines only.
  const leaked = sampleTypes.length === 1 && sampleTypes[0].type === 'goroutineleak'
  const isGoroutine = (sampleTypes.length === 1 && sampleTypes[0].type === 'goroutine') || leaked
  if (!isGoroutine && !sampleTypes.some((t) => HEAP_TYPES.has(t.type))) {
    const kind = pprofKind(sampleTypes, () => functions.list.map((f) => f.name))
    throw notAHeapProfile(source, kind, `sample types ${sampleTypes.map((t) => t.type).join(', ')}`)
  }

  if (functions.list.length > MAX_PROFILE_FUNCTIONS)
    throw tooManyFunctions(source, functions.list.length)
  if (locationRanges.length / 2 > 2 * MAX_PROFILE_FUNCTIONS)
    throw tooManyFunctions(source, locationRanges.length / 2, 'locations')
  const period = toNumber(meta.period)
  if (period < 0) throw malformed(source, `the sampling period is negative (${period})`)
  // A collection time before 1970 is no time Go writes: unknown.
  const timeNanos = Math.max(0, toNumber(meta.timeNanos))

  let read: { frames: FrameTable; indexOfId?: Map<number, number> }
  try {
    read = readLocations(bytes, locationRanges, functions, mappingIds(meta))
  } catch (err) {
    throw malformed(source, (err as Error).message)
  }
  const { frames, indexOfId } = read

  const samples = lazySamples(
    bytes,
    sampleRanges,
    longest,
    frames.start.length - 1,
    sampleTypes.length,
    indexOfId,
    source,
  )
  let locations: Frame[][] | undefined
  const profile: DecodedProfile = {
    sampleTypes,
    defaultSampleType: capName(str(meta.defaultSampleType)),
    period,
    timeNanos,
    frames,
    get locations() {
      return (locations ??= locationsOf(frames))
    },
    ...samples,
  }
  if (!isGoroutine) return { kind: 'heap', profile }
  const stacks = samplesOf(profile).map((s) => ({ frames: s.frames, count: s.values[0] }))
  return {
    kind: 'goroutine',
    goroutines: {
      total: stacks.reduce((n, s) => n + s.count, 0),
      stacks,
      ...(leaked ? { leaked } : {}),
    },
  }
}

/**
 * Pass one: the profile without its samples and locations, and the [start, end) of every
 * sample and location. Locations are decoded here rather than by pprof-format: there are
 * tens of thousands in a big profile, and its object per field made them most of the cost.
 * So are the functions and the strings, when every one is a plain length-delimited field
 * (pprof-format re-encodes each string as it reads it: 20-45 ms for 1,500 functions on a
 * fresh thread); otherwise pprof-format reads them, as it reads the rest.
 */
function split(
  bytes: Uint8Array,
  apart = true,
): {
  meta: Profile
  sampleRanges: Uint32Array
  /** The longest sample's length in bytes. */
  longest: number
  locationRanges: Uint32Array
  strings: string[]
  functions: Functions
} {
  const r = new WireReader(bytes)
  // Go's samples average 20-60 bytes: start with room for one per 32 bytes.
  let sampleRanges = new Uint32Array(Math.max(1024, (bytes.length >> 4) & ~1))
  let count = 0
  let longest = 0
  let locationRanges = new Uint32Array(1024)
  let locationCount = 0
  const functionRanges: number[] = []
  const stringRanges: number[] = []
  // The other fields, as runs of adjacent ones: Go writes them after the samples, so
  // usually one run (a copy per field would cost ~40,000 small buffers).
  const rest: Uint8Array[] = []
  let runStart = 0
  let runEnd = 0
  const length = bytes.length
  let pos = 0
  while (pos < length) {
    let start: number
    let end: number
    if (bytes[pos] === SAMPLE_TAG && pos + 1 < length && bytes[pos + 1] < 0x80) {
      // The hot path, once per sample: its tag and a one-byte length, read in place.
      start = pos + 2
      end = start + bytes[pos + 1]
      if (end > length) throw new WireError(pos + 1, 'length % runs past the end of the message')
    } else {
      r.reset(pos, length)
      const tag = r.varint()
      const field = checkTag(tag, pos)
      if (tag === LOCATION_TAG) {
        const end = r.lengthEnd()
        if (locationCount + 2 > locationRanges.length) locationRanges = grown(locationRanges)
        locationRanges[locationCount++] = r.pos
        locationRanges[locationCount++] = end
        pos = end
        continue
      }
      if (apart && (tag === FUNCTION_TAG || tag === STRING_TAG)) {
        const end = r.lengthEnd()
        ;(tag === FUNCTION_TAG ? functionRanges : stringRanges).push(r.pos, end)
        pos = end
        continue
      }
      if (tag !== SAMPLE_TAG) {
        r.skip(tag & 7)
        // pprof-format reads one-byte tags only: a field it does not know is left out.
        if (field > 15) {
          pos = r.pos
          continue
        }
        // The small messages pprof-format reads: their own fields checked here.
        if ((tag & 7) === 2) checkFields(bytes, pos + 1, field === 13)
        if (pos !== runEnd) {
          if (runEnd > runStart) rest.push(bytes.subarray(runStart, runEnd))
          runStart = pos
        }
        pos = runEnd = r.pos
        continue
      }
      end = r.lengthEnd()
      start = r.pos
    }
    if (count + 2 > sampleRanges.length) sampleRanges = grown(sampleRanges)
    sampleRanges[count++] = start
    sampleRanges[count++] = end
    if (end - start > longest) longest = end - start
    pos = end
  }
  if (runEnd > runStart) rest.push(bytes.subarray(runStart, runEnd))
  // pprof-format takes a subarray per field: a plain Uint8Array's are far cheaper than a
  // Buffer's (which go through Buffer's own constructor), 0.1 s on a 17,000-location profile.
  const metaBytes = Buffer.concat(rest)
  const meta = Profile.decode(
    new Uint8Array(metaBytes.buffer, metaBytes.byteOffset, metaBytes.length),
  )
  let strings = meta.stringTable.strings
  let functions: Functions | undefined
  if (apart) {
    // As pprof-format reads them: a table without strings is [''].
    const decoder = new TextDecoder()
    if (stringRanges.length > 0) strings = []
    // Cut while decoded: every string the report uses is a name, a file or a type.
    for (let i = 0; i < stringRanges.length; i += 2)
      strings.push(decodeName(bytes, stringRanges[i], stringRanges[i + 1], decoder))
    functions = readFunctions(bytes, functionRanges, strings)
    if (!functions) return split(bytes, false)
  }
  functions ??= functionsOf(meta, strings)
  return {
    meta,
    strings,
    functions,
    // A view of a big table; a copy of a mostly empty one (small profiles are kept by the thousand).
    longest,
    sampleRanges:
      sampleRanges.length > 2 * count
        ? sampleRanges.slice(0, count)
        : sampleRanges.subarray(0, count),
    locationRanges: locationRanges.subarray(0, locationCount),
  }
}

/** A profile that is well-formed protobuf but not a valid pprof profile (profile.CheckValid). */
class Invalid extends Error {}

/**
 * Wire types of Profile's fields 1-15 (pprof's profile.proto): 2 for messages and strings,
 * 0 for numbers; comment (13) is a repeated int64, packed or not.
 */
const WIRE_TYPES = [-1, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 2, 0, -2, 0, 0]

/** The field number of a top-level tag read at `at`; throws for one pprof would refuse. */
function checkTag(tag: number, at: number): number {
  if (tag < 8 || tag > 0xffffffff) {
    throw new WireError(
      at,
      tag < 8 && tag >= 0 ? 'field % has field number 0' : 'tag % is out of range',
    )
  }
  const field = Math.floor(tag / 8)
  const want = field < WIRE_TYPES.length ? WIRE_TYPES[field] : -3
  if (want >= 0 ? (tag & 7) !== want : want === -2 && (tag & 7) !== 0 && (tag & 7) !== 2) {
    throw new WireError(
      at,
      `field % (number ${field}) has wire type ${tag & 7}, not ${want >= 0 ? want : '0 or 2'}`,
    )
  }
  return field
}

/**
 * Walks the fields inside the length-delimited field whose length is at `at` (a sample
 * type, mapping, period type or function, or packed numbers), so that what pprof-format
 * then reads of it is well-formed.
 */
function checkFields(bytes: Uint8Array, at: number, packed: boolean): void {
  const r = new WireReader(bytes, at)
  r.end = r.lengthEnd()
  while (r.more()) {
    if (packed) {
      r.varint()
      continue
    }
    const tagAt = r.pos
    const tag = r.varint()
    if (tag < 8 || tag > 0xffffffff) throw new WireError(tagAt, 'field % has field number 0')
    r.skip(tag & 7)
  }
}

/** True when the bytes open with a field that pprof's Profile has, of its wire type. */
function opensAsPprof(bytes: Uint8Array): boolean {
  try {
    return checkTag(new WireReader(bytes).varint(), 0) <= 15
  } catch {
    return false
  }
}

/**
 * Checks the fields pprof-format decoded as CheckValid does (mapping ids nonzero and
 * unique) and that each string index is in the table; returns the string lookup.
 */
function checkMeta(meta: Profile, strings: string[]): (i: number | bigint) => string {
  const str = (i: number | bigint, what = 'a string'): string => {
    const n = toNumber(i)
    const s = strings[n]
    if (s === undefined) {
      throw new Invalid(`${what} refers to string ${n}, past the string table's ${strings.length}`)
    }
    return s
  }
  for (const t of meta.sampleType) {
    str(t.type, 'a sample type')
    str(t.unit, 'a sample type')
  }
  if (meta.periodType) {
    str(meta.periodType.type, 'the period type')
    str(meta.periodType.unit, 'the period type')
  }
  str(meta.defaultSampleType, 'the default sample type')
  str(meta.dropFrames, 'drop_frames')
  str(meta.keepFrames, 'keep_frames')
  for (const c of meta.comment) str(c, 'a comment')
  for (const m of meta.mapping) {
    str(m.filename, `mapping ${toNumber(m.id)}`)
    str(m.buildId, `mapping ${toNumber(m.id)}`)
  }
  mappingIds(meta)
  return str
}

/** The mapping ids; throws for a zero or repeated one. */
function mappingIds(meta: Profile): Set<number> {
  const ids = new Set<number>()
  for (const m of meta.mapping) {
    const id = toNumber(m.id)
    if (id === 0) throw new Invalid('a mapping has id 0, which pprof reserves')
    if (ids.has(id)) throw new Invalid(`two mappings have id ${id}`)
    ids.add(id)
  }
  return ids
}

/** The functions as pprof-format decoded them. */
function functionsOf(meta: Profile, strings: string[]): Functions {
  const functions: Functions = { list: [], indexOf: new Map() }
  for (const f of meta.function) {
    const id = toNumber(f.id)
    addFunction(
      functions,
      id,
      strings,
      toNumber(f.name),
      toNumber(f.filename),
      toNumber(f.systemName),
    )
  }
  return functions
}

/**
 * Adds a function; a frame shows a nameless one as <unknown>. Throws for an id of 0 or
 * one seen before, or a string index past the table (CheckValid and pprof's decoder).
 */
function addFunction(
  functions: Functions,
  id: number,
  strings: string[],
  name: number,
  file: number,
  systemName: number,
): void {
  if (id === 0) throw new Invalid('a function has id 0, which pprof reserves')
  if (functions.indexOf.has(id)) throw new Invalid(`two functions have id ${id}`)
  const most = Math.max(name, file, systemName)
  if (most >= strings.length || Math.min(name, file, systemName) < 0) {
    throw new Invalid(
      `function ${id} refers to string ${most}, past the string table's ${strings.length}`,
    )
  }
  const n = strings[name]
  functions.indexOf.set(
    id,
    // Names come from whoever wrote the profile: cut once here, so no report carries more.
    functions.list.push({ name: capName(n || '<unknown>'), file: capName(strings[file]) }) - 1,
  )
}

// Tags of Function's fields: id 1, name 2, system_name 3, filename 4, start_line 5 (varints).
const FUNCTION_ID = 1 << 3
const FUNCTION_NAME = 2 << 3
const FUNCTION_FILENAME = 4 << 3
const FUNCTION_SYSTEM_NAME = 3 << 3

/**
 * The functions, read from the bytes. Undefined for anything pprof-format
 * would read differently (a field of another wire type, a tag or a value over four bytes),
 * which it then reads instead.
 */
function readFunctions(
  bytes: Uint8Array,
  ranges: number[],
  strings: string[],
): Functions | undefined {
  const r = new WireReader(bytes)
  const functions: Functions = { list: [], indexOf: new Map() }
  for (let i = 0; i < ranges.length; i += 2) {
    r.reset(ranges[i], ranges[i + 1])
    let id = 0
    let name = 0
    let file = 0
    let systemName = 0
    while (r.more()) {
      const tag = bytes[r.pos++]
      if (tag >= 0x80 || tag < 8 || (tag & 7) !== 0 || tag > 5 << 3 || !r.more()) return undefined
      const start = r.pos
      let value: number
      try {
        value = r.varint()
      } catch {
        return undefined
      }
      if (r.pos - start > 4 || r.pos > r.end) return undefined
      if (tag === FUNCTION_ID) id = value
      else if (tag === FUNCTION_NAME) name = value
      else if (tag === FUNCTION_FILENAME) file = value
      else if (tag === FUNCTION_SYSTEM_NAME) systemName = value
    }
    addFunction(functions, id, strings, name, file, systemName)
  }
  return functions
}

// Tags of Location's fields (id 1, address 3, line 4) and Line's (function_id 1, line 2).
const LOCATION_ID = 1 << 3
const LOCATION_MAPPING = 2 << 3
const LOCATION_ADDRESS = 3 << 3
const LOCATION_LINE = (4 << 3) | 2
const LINE_FUNCTION = 1 << 3
const LINE_LINE = 2 << 3

/** Each location's inlining chain, innermost first (the last line is the real frame). */
function readLocations(
  bytes: Uint8Array,
  ranges: Uint32Array,
  functions: Functions,
  mappings: Set<number>,
): { frames: FrameTable; indexOfId?: Map<number, number> } {
  const r = new WireReader(bytes)
  const inner = new WireReader(bytes)
  const count = ranges.length / 2
  const list = functions.list
  const start = new Int32Array(count + 1)
  // Most locations have one line: room for one each, grown when more.
  let fn = new Int32Array(Math.max(16, count))
  let line = new Float64Array(fn.length)
  let at = 0
  // Location id → index, made only once an id is not its index + 1 (Go numbers them 1…N).
  let indexOfId: Map<number, number> | undefined
  for (let l = 0; l < count; l++) {
    r.reset(ranges[2 * l], ranges[2 * l + 1])
    let id = 0
    let address = '0'
    while (r.more()) {
      const tagAt = r.pos
      const tag = r.varint()
      if (tag === LOCATION_ID) id = r.varint()
      else if (tag === LOCATION_ADDRESS) address = r.hex()
      else if (tag === LOCATION_MAPPING) {
        const mapping = r.varint()
        if (mapping !== 0 && !mappings.has(mapping)) {
          throw new Invalid(`location ${id || `#${l + 1}`} refers to missing mapping ${mapping}`)
        }
      } else if (tag === LOCATION_LINE) {
        const end = r.lengthEnd()
        inner.reset(r.pos, end)
        let functionId = 0
        let lineNo = 0
        while (inner.more()) {
          const tAt = inner.pos
          const t = inner.varint()
          if (t === LINE_FUNCTION) functionId = inner.varint()
          else if (t === LINE_LINE) lineNo = inner.varint()
          else if (t < 8) throw new WireError(tAt, 'field % has field number 0')
          else inner.skip(t & 7)
        }
        const f = functions.indexOf.get(functionId)
        if (f === undefined) {
          throw new Invalid(
            `location ${id || `#${l + 1}`} has a line of missing function ${functionId}`,
          )
        }
        if (at === fn.length) {
          fn = grown(fn)
          line = grown(line)
        }
        fn[at] = f
        // Go writes no negative line; one is no line known.
        line[at++] = lineNo < 0 ? 0 : lineNo
        r.pos = end
      } else if (tag < 8) throw new WireError(tagAt, 'field % has field number 0')
      else r.skip(tag & 7)
    }
    if (id === 0) throw new Invalid(`location #${l + 1} has id 0, which pprof reserves`)
    if (at === start[l]) {
      // No line: the address stands for the function.
      if (at === fn.length) {
        fn = grown(fn)
        line = grown(line)
      }
      fn[at] = list.push({ name: `0x${address}`, file: '' }) - 1
      line[at++] = 0
    }
    start[l + 1] = at
    if (!indexOfId && id !== l + 1) {
      indexOfId = new Map()
      for (let k = 0; k < l; k++) indexOfId.set(k + 1, k)
    }
    if (indexOfId?.has(id)) throw new Invalid(`two locations have id ${id}`)
    indexOfId?.set(id, l)
  }
  return {
    frames: { functions: list, start, fn: fn.slice(0, at), line: line.slice(0, at) },
    indexOfId,
  }
}

/**
 * Pass two, on demand: the samples stay in the profile's bytes and are decoded as they are
 * visited, into scratch arrays. A corrupt sample is a GateError naming the file when it is
 * met (the fold visits every sample once).
 */
function lazySamples(
  bytes: Uint8Array,
  ranges: Uint32Array,
  longest: number,
  locations: number,
  width: number,
  indexOfId: Map<number, number> | undefined,
  source: string,
): Pick<DecodedProfile, 'sampleCount' | 'forEachSample' | 'locationsOf' | 'packed'> {
  const n = ranges.length / 2
  const r = new WireReader(bytes)
  const inner = new WireReader(bytes)
  let locs = new Uint32Array(64)
  const values = new Float64Array(width)
  const missing = (id: number) => malformed(source, `a sample refers to missing location ${id}`)
  // Go numbers locations 1…N in the order it writes them: then id − 1 is the index, and
  // the lookup (once per frame) is a subtraction.
  const count = indexOfId?.size ?? locations
  const sequential = !indexOfId || [...indexOfId].every(([id, i]) => id === i + 1)
  const index = !indexOfId || sequential ? new Int32Array(0) : denseIndex(indexOfId)
  const at = sequential
    ? (id: number) => {
        if (id - 1 >= count || id < 1) throw missing(id)
        return id - 1
      }
    : (id: number) => {
        const i = id < index.length ? index[id] : (indexOfId!.get(id) ?? -1)
        if (i < 0) throw missing(id)
        return i
      }
  /** Decodes sample i into locs/values; returns how many locations it has. */
  const decode = (i: number): number => {
    let k = 0
    let v = 0
    // A loop, not fill(): a builtin call per sample costs more than four stores.
    for (let c = 0; c < width; c++) values[c] = 0
    r.reset(ranges[2 * i], ranges[2 * i + 1])
    while (r.more()) {
      const tag = r.varint()
      if (tag === LOCATIONS_PACKED && locs.length - k >= r.end - r.pos) {
        // The hot path: a packed run of location ids, most of them one or two bytes long,
        // read straight from the bytes (there is room for one id per remaining byte).
        const end = r.lengthEnd()
        let p = r.pos
        while (p < end) {
          const b0 = bytes[p]
          if (b0 < 0x80) {
            locs[k++] = at(b0)
            p += 1
          } else if (p + 1 < end && bytes[p + 1] < 0x80) {
            locs[k++] = at((b0 & 0x7f) | (bytes[p + 1] << 7))
            p += 2
          } else {
            inner.reset(p, end)
            locs[k++] = at(inner.varint())
            p = inner.pos
          }
        }
        r.pos = end
      } else if (tag === LOCATIONS_PACKED || tag === LOCATION_ONE) {
        const end = tag === LOCATIONS_PACKED ? r.lengthEnd() : r.pos + 10
        inner.reset(r.pos, Math.min(end, r.end))
        do {
          if (k === locs.length) {
            locs = grown(locs)
          }
          locs[k++] = at(inner.varint())
        } while (tag === LOCATIONS_PACKED && inner.more())
        r.pos = inner.pos
      } else if (tag === VALUES_PACKED) {
        const end = r.lengthEnd()
        inner.reset(r.pos, end)
        while (inner.more()) {
          const x = inner.varint()
          if (x < 0) throw negativeValue(i, x)
          if (v < width) values[v] = x
          v++
        }
        r.pos = end
      } else if (tag === VALUE_ONE) {
        const x = r.varint()
        if (x < 0) throw negativeValue(i, x)
        if (v < width) values[v] = x
        v++
      } else if (tag < 8) {
        throw new WireError(r.pos - 1, 'field % has field number 0')
      } else {
        r.skip(tag & 7)
      }
    }
    if (v !== width) {
      throw new Invalid(`sample ${i + 1} has ${v} values for ${width} sample types`)
    }
    return k
  }
  const guarded = <T>(f: () => T): T => {
    try {
      return f()
    } catch (err) {
      if (err instanceof GateError) throw err
      throw malformed(source, (err as Error).message)
    }
  }
  return {
    sampleCount: n,
    forEachSample: (visit) =>
      guarded(() => {
        for (let i = 0; i < n; i++) {
          const k = decode(i)
          visit(locs, k, values, i)
        }
      }),
    locationsOf: (i) => guarded(() => Array.from(locs.subarray(0, decode(i)))),
    packed:
      sequential || index.length > 0
        ? { bytes, ranges, index: sequential ? undefined : index, longest }
        : undefined,
  }
}

/** Go never writes a negative count or size; a diff profile (pprof -diff_base) does. */
function negativeValue(i: number, x: number): Error {
  return new Invalid(
    `sample ${i + 1} has the negative value ${x} (a heap profile, not a diff of two)`,
  )
}

// Tags of Sample's fields: location_id (1) and value (2), packed (wire type 2) or not (0).
const LOCATIONS_PACKED = (1 << 3) | 2
const LOCATION_ONE = 1 << 3
const VALUES_PACKED = (2 << 3) | 2
const VALUE_ONE = 2 << 3

/** Location id → index as an array when the ids are dense (Go numbers them 1…N). */
function denseIndex(indexOfId: Map<number, number>): Int32Array {
  let max = 0
  for (const id of indexOfId.keys()) max = Math.max(max, id)
  if (max > 4 * indexOfId.size + 1024) return new Int32Array(0)
  const out = new Int32Array(max + 1).fill(-1)
  for (const [id, i] of indexOfId) out[id] = i
  return out
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
