// Mutations of real input files, for the property tests (__tests__/fuzz/) and the long
// campaign (scripts/fuzz/campaign.mjs). Every case starts from a real seed file in fixtures/,
// examples/ or the docs' YAML and changes it in one way; nothing here writes bytes from
// nothing. A case is deterministic in (seed file, mutation, number): the same three give the
// same bytes, so a failing case can be written again from its description.
//
//   import { SEEDS, mutators, makeCase } from './mutate.mjs'
//   const c = makeCase(SEEDS[3], 'bit-flip', 12345) // { bytes, seed, mutation, n, mustRefuse, note }
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { Profile, StringTable } from 'pprof-format'
import { parseDocument, isMap, isSeq, isScalar, isPair } from 'yaml'
import { varint } from '../hostile/pprof-variants.mjs'

const ROOT = new URL('../../', import.meta.url).pathname

// ---------------------------------------------------------------------------------------
// Seeds: every real input kind the readers know, and the configs.

/** A seed file: its path from the repository root and its kind. */
function seedsIn(dir, test, kind) {
  return readdirSync(join(ROOT, dir))
    .filter(test)
    .sort()
    .map((f) => ({ path: join(dir, f), kind }))
}

/**
 * The seed files by kind. `pprof` (gzipped or raw protobuf), `text` (every text reader:
 * heap text, goroutines, gctrace, benchmarks, Prometheus), `json` (MemStats, expvar,
 * runtime/metrics, go test -json), `config` (YAML policies).
 */
export const SEEDS = [
  ...seedsIn('fixtures', (f) => f.endsWith('.pb.gz'), 'pprof'),
  ...seedsIn('fixtures/peer', (f) => f.endsWith('.pb.gz') || f.endsWith('.pprof'), 'pprof'),
  ...seedsIn('fixtures/rate1', (f) => f.endsWith('.pb.gz'), 'pprof'),
  ...seedsIn(
    'fixtures',
    (f) =>
      f.endsWith('.heap.txt') ||
      f.endsWith('.goroutine.txt') ||
      f.endsWith('.goroutine-stacks.txt.gz') ||
      f.endsWith('.gctrace.txt') ||
      (f.startsWith('bench-') && f.endsWith('.txt')) ||
      f === 'prometheus.txt',
    'text',
  ),
  ...seedsIn('fixtures/peer', (f) => f.endsWith('.txt'), 'text'),
  ...seedsIn(
    'fixtures',
    (f) =>
      f.endsWith('.memstats.json') ||
      f.endsWith('.runtime-metrics.json') ||
      f === 'expvar.json' ||
      (f.startsWith('bench-') && f.endsWith('.json')),
    'json',
  ),
  ...seedsIn('fixtures/peer', (f) => f.endsWith('.json') && f !== 'expected-totals.json', 'json'),
  { path: 'examples/gomem-gate.yml', kind: 'config' },
  ...['policy', 'benchmarks', 'leaks', 'memory'].flatMap((doc) =>
    yamlBlocks(`docs/${doc}.md`).map((_, i) => ({
      path: `docs/${doc}.md#yaml${i + 1}`,
      kind: 'config',
    })),
  ),
]

/** The ```yaml blocks of a markdown file, in order. */
function yamlBlocks(path) {
  const md = readFileSync(join(ROOT, path), 'utf8')
  return [...md.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((m) => m[1])
}

const seedCache = new Map()

/** The bytes of a seed (a docs block: its YAML). Cached. */
export function seedBytes(seed) {
  let b = seedCache.get(seed.path)
  if (!b) {
    const [file, block] = seed.path.split('#yaml')
    b = block ? Buffer.from(yamlBlocks(file)[Number(block) - 1]) : readFileSync(join(ROOT, file))
    seedCache.set(seed.path, b)
  }
  return b
}

/** The seed's content, inflated when it is gzip: [content, wasGzip]. */
const inflatedCache = new Map()
function inflated(seed) {
  let v = inflatedCache.get(seed.path)
  if (!v) {
    const b = seedBytes(seed)
    v = b[0] === 0x1f && b[1] === 0x8b ? [gunzipSync(b), true] : [b, false]
    inflatedCache.set(seed.path, v)
  }
  return v
}

// ---------------------------------------------------------------------------------------
// A small deterministic random source (mulberry32), so a case is a function of its number.

export function rng(n) {
  let a = n >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)) // inclusive
  const pick = (xs) => xs[int(0, xs.length - 1)]
  return { next, int, pick }
}

// ---------------------------------------------------------------------------------------
// Protobuf: a message as a tree of fields, re-encoded with lengths recomputed.

export { varint }

function readVarint(buf, at) {
  let v = 0n
  let shift = 0n
  for (;;) {
    if (at >= buf.length) throw new Error('varint past the end')
    const b = buf[at++]
    v |= BigInt(b & 0x7f) << shift
    shift += 7n
    if (b < 0x80) return [v, at]
  }
}

/** Which fields of which message hold messages (profile.proto). */
const SUBMESSAGES = {
  Profile: {
    1: 'ValueType',
    2: 'Sample',
    3: 'Mapping',
    4: 'Location',
    5: 'Function',
    11: 'ValueType',
  },
  Sample: { 3: 'Label' },
  Location: { 4: 'Line' },
}

/** Fields holding string table indexes, per message. */
const STRING_FIELDS = {
  Profile: [7, 8, 13, 14],
  ValueType: [1, 2],
  Mapping: [5, 6],
  Function: [2, 3, 4],
  Label: [1, 2, 4],
}

/**
 * Parses a message into fields { field, wire, type, value (BigInt, varint), bytes (payload
 * or fixed bytes), children (a submessage's fields) }.
 */
export function parseMessage(buf, type = 'Profile') {
  const out = []
  let at = 0
  while (at < buf.length) {
    const [tag, afterTag] = readVarint(buf, at)
    const field = Number(tag >> 3n)
    const wire = Number(tag & 7n)
    const f = { field, wire, type }
    if (wire === 0) {
      const [v, end] = readVarint(buf, afterTag)
      f.value = v
      at = end
    } else if (wire === 2) {
      const [len, payload] = readVarint(buf, afterTag)
      const end = payload + Number(len)
      f.bytes = buf.subarray(payload, end)
      const sub = SUBMESSAGES[type]?.[field]
      if (sub) f.children = parseMessage(f.bytes, sub)
      f.sub = sub
      at = end
    } else if (wire === 1 || wire === 5) {
      const n = wire === 1 ? 8 : 4
      f.bytes = buf.subarray(afterTag, afterTag + n)
      at = afterTag + n
    } else throw new Error(`wire type ${wire}`)
    out.push(f)
  }
  return out
}

/** Encodes fields back; `raw` on a field replaces its whole encoding (tag included). */
export function encodeMessage(fields) {
  const parts = []
  for (const f of fields) {
    if (f.raw) {
      parts.push(Buffer.from(f.raw))
      continue
    }
    const tag = varint((BigInt(f.field) << 3n) | BigInt(f.wire))
    if (f.wire === 0) parts.push(Buffer.from([...tag, ...varint(f.value)]))
    else if (f.wire === 2) {
      const payload = f.children ? encodeMessage(f.children) : Buffer.from(f.bytes)
      const len = f.length ?? BigInt(payload.length)
      parts.push(Buffer.from([...tag, ...varint(len)]), payload)
    } else parts.push(Buffer.from(tag), Buffer.from(f.bytes))
  }
  return Buffer.concat(parts)
}

/** Every field of the tree with its parent list: [{ f, list, index }]. */
function allFields(fields, out = []) {
  fields.forEach((f, index) => {
    out.push({ f, list: fields, index })
    if (f.children) allFields(f.children, out)
  })
  return out
}

// ---------------------------------------------------------------------------------------
// Hostile names, put into real profiles through pprof-format.

const HOSTILE_NAMES = [
  (r) => 'main.' + 'a'.repeat(r.pick([5000, 70_000, 300_000])),
  (r) => 'a'.repeat(r.int(1000, 50_000)) + '!', // backtracking bait for (a+)+$-like patterns
  () => '(((((((((((((((((((((((((((((((((((((((((' + '.*'.repeat(2000),
  () => 'main.f\x00\x01\x07\x1b[31mred\x1b[0m\r\nsecond line\u2028\u202e',
  () => 'http://1249717606/x www.example.com/y https://evil.example/@user #123',
  () => '<!-- --> <script>alert(1)</script> | `` ** __ [x](javascript:1) @octocat',
  () => '',
  () => ' ← '.repeat(3000), // the stack separator
  () => '\ud800 lone surrogate \udfff',
  (r) => 'runtime.' + '\t'.repeat(r.int(1, 10_000)),
  () => 'x'.repeat(4096) + 'y', // one past the name cap
]

/** A real profile with some names (functions, files, sample types) replaced. */
function renamed(content, r) {
  const p = Profile.decode(content)
  const old = p.stringTable.strings
  const fnNames = new Set(p.function.map((f) => Number(f.name)))
  const files = new Set(p.function.map((f) => Number(f.filename)))
  const types = new Set(p.sampleType.map((t) => Number(t.type)))
  const target = r.pick(['functions', 'functions', 'files', 'all'])
  const share = r.pick([1, 0.5, 0.05])
  const make = r.pick(HOSTILE_NAMES)
  const table = new StringTable()
  const used = new Set()
  old.forEach((s, i) => {
    if (i === 0) return
    const hit =
      (target === 'functions' && fnNames.has(i)) ||
      (target === 'files' && files.has(i)) ||
      (target === 'all' && !types.has(i))
    let name = hit && r.next() < share ? make(r) : s
    // Keep indexes: a renamed string must stay distinct from every other one.
    if (used.has(name) || (name !== s && old.includes(name))) name = `${name}#${i}`
    used.add(name)
    const index = table.dedup(name)
    if (index !== i) throw new Error(`renaming made string ${i} collide with ${index}`)
  })
  p.stringTable = table
  return Buffer.from(p.encode())
}

// ---------------------------------------------------------------------------------------
// The mutations. Each takes (seed, r) and returns { bytes, note, mustRefuse? }.

const gz = (b) => gzipSync(b)

/** Re-wraps the mutated content the way the seed came (gzip or not). */
const rewrap = (content, wasGzip) => (wasGzip ? gz(content) : Buffer.from(content))

function cutAt(b, at) {
  return Buffer.from(b.subarray(0, at))
}

const bytesMutations = {
  /** The file (as stored: gzip stays gzip) cut at some offset. A cut gzip is always refused. */
  truncate(seed, r) {
    const b = seedBytes(seed)
    const at = r.int(0, b.length - 1)
    const isGz = b[0] === 0x1f && b[1] === 0x8b
    return { bytes: cutAt(b, at), note: `cut at byte ${at} of ${b.length}`, mustRefuse: isGz }
  },
  /** The content (inflated) cut, re-gzipped when the seed was. */
  'truncate-inner'(seed, r) {
    const [c, wasGz] = inflated(seed)
    const at = r.int(0, c.length - 1)
    return { bytes: rewrap(cutAt(c, at), wasGz), note: `content cut at byte ${at} of ${c.length}` }
  },
  /** 1-16 random bits of the content flipped, re-gzipped. */
  'bit-flip'(seed, r) {
    const [c, wasGz] = inflated(seed)
    const out = Buffer.from(c)
    const n = r.int(1, 16)
    const at = []
    for (let i = 0; i < n; i++) {
      const p = r.int(0, out.length - 1)
      out[p] ^= 1 << r.int(0, 7)
      at.push(p)
    }
    return { bytes: rewrap(out, wasGz), note: `bits flipped at ${at.join(',')}` }
  },
  /** Bits flipped in the gzip stream itself (header, deflate data, CRC). */
  'bit-flip-raw'(seed, r) {
    const out = Buffer.from(seedBytes(seed))
    const n = r.int(1, 4)
    const at = []
    for (let i = 0; i < n; i++) {
      const p = r.int(0, out.length - 1)
      out[p] ^= 1 << r.int(0, 7)
      at.push(p)
    }
    return { bytes: out, note: `raw bits flipped at ${at.join(',')}` }
  },
  /** A run of bytes taken from elsewhere in the content inserted, deleted or duplicated. */
  'byte-runs'(seed, r) {
    const [c, wasGz] = inflated(seed)
    const op = r.pick(['insert', 'delete', 'duplicate'])
    const at = r.int(0, c.length - 1)
    const len = Math.min(r.pick([1, 2, 7, 64, 1000]), c.length - at)
    let out
    if (op === 'delete') out = Buffer.concat([c.subarray(0, at), c.subarray(at + len)])
    else if (op === 'duplicate') {
      const times = r.pick([2, 10, 1000])
      out = Buffer.concat([
        c.subarray(0, at),
        ...Array(times).fill(c.subarray(at, at + len)),
        c.subarray(at),
      ])
    } else {
      const from = r.int(0, c.length - len)
      out = Buffer.concat([c.subarray(0, at), c.subarray(from, from + len), c.subarray(at)])
    }
    return { bytes: rewrap(out, wasGz), note: `${op} ${len} bytes at ${at}` }
  },
}

const gzipMutations = {
  /** A valid gzip stream whose trailer claims another inflated size: always refused. */
  'gzip-wrong-size'(seed, r) {
    const [c] = inflated(seed)
    const g = Buffer.from(gz(c))
    const claim = r.pick([0, 1, c.length + 1, 0xffffffff])
    g.writeUInt32LE(claim >>> 0, g.length - 4)
    return { bytes: g, note: `gzip trailer claims ${claim} bytes`, mustRefuse: true }
  },
  /** The content gzipped twice, or as two gzip members, or gzip of a cut gzip. */
  'gzip-wrappers'(seed, r) {
    const [c] = inflated(seed)
    const op = r.pick(['twice', 'two-members', 'member-then-junk'])
    let bytes
    if (op === 'twice') bytes = gz(gz(c))
    else if (op === 'two-members') bytes = Buffer.concat([gz(c), gz(c)])
    else bytes = Buffer.concat([gz(c), c.subarray(0, r.int(1, 64))])
    return { bytes, note: `gzip ${op}` }
  },
  /**
   * Gzip members of zeros after the content: inflates past the 1 GiB limit (refused while
   * inflating), or to just under it.
   */
  'gzip-bomb'(seed, r) {
    const [c] = inflated(seed)
    const over = r.next() < 0.5
    const block = zeroBlock()
    const members = over ? 17 : 15 // 64 MiB each
    return {
      bytes: Buffer.concat([gz(c), ...Array(members).fill(block)]),
      note: `content then ${members} gzip members of 64 MiB of zeros`,
      mustRefuse: true,
    }
  },
}

let zeros
function zeroBlock() {
  zeros ??= gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 })
  return zeros
}

const pprofMutations = {
  /** One varint value of the profile tree set to 0, 1, a huge or a negative number. */
  'pb-varint'(seed, r) {
    const [c, wasGz] = inflated(seed)
    const tree = parseMessage(c)
    const vs = allFields(tree).filter(({ f }) => f.wire === 0)
    const { f } = r.pick(vs)
    f.value = r.pick([
      0n,
      1n,
      2n ** 53n + 1n,
      2n ** 63n - 1n,
      -1n,
      -(2n ** 62n),
      BigInt(r.int(2, 1_000_000)),
    ])
    return {
      bytes: rewrap(encodeMessage(tree), wasGz),
      note: `${f.type}.${f.field} = ${BigInt.asIntN(64, BigInt.asUintN(64, f.value))}`,
    }
  },
  /** One packed value (sample values, location ids) made negative or huge. */
  'pb-packed'(seed, r) {
    const [c, wasGz] = inflated(seed)
    const tree = parseMessage(c)
    const samples = allFields(tree).filter(
      ({ f }) => f.type === 'Sample' && f.wire === 2 && !f.children,
    )
    if (samples.length === 0) return bytesMutations['bit-flip'](seed, r)
    const { f } = r.pick(samples)
    const vals = []
    for (let at = 0; at < f.bytes.length;) {
      const [v, next] = readVarint(f.bytes, at)
      vals.push(v)
      at = next
    }
    const i = r.int(0, vals.length - 1)
    const v = r.pick([-1n, 2n ** 63n - 1n, 2n ** 53n, 0n, 999_999_999n])
    vals[i] = v
    f.bytes = Buffer.from(vals.flatMap((x) => varint(x)))
    return { bytes: rewrap(encodeMessage(tree), wasGz), note: `Sample.${f.field}[${i}] = ${v}` }
  },
  /** A length-delimited field's length made negative or past the end: always refused. */
  'pb-length'(seed, r) {
    const [c, wasGz] = inflated(seed)
    const tree = parseMessage(c)
    const ls = allFields(tree).filter(({ f }) => f.wire === 2)
    const { f } = r.pick(ls)
    const how = r.pick(['negative', 'huge', 'past-end'])
    f.length =
      how === 'negative'
        ? -BigInt(r.int(1, 1000))
        : how === 'huge'
          ? 2n ** 62n
          : BigInt(c.length + r.int(1, 100))
    return {
      bytes: rewrap(encodeMessage(tree), wasGz),
      note: `${f.type}.${f.field} length ${how} (${f.length})`,
      mustRefuse: true,
    }
  },
  /** A field's number or wire type changed. */
  'pb-tag'(seed, r) {
    const [c, wasGz] = inflated(seed)
    const tree = parseMessage(c)
    const { f } = r.pick(allFields(tree))
    const what = r.pick(['field', 'wire'])
    const before = `${f.type}.${f.field}/${f.wire}`
    if (what === 'field') {
      f.field = r.pick([0, 1, 2, 3, 4, 5, 6, 15, 16, 1000, 2 ** 29 - 1])
    } else {
      // Keep the payload, lie about its wire type.
      const payload =
        f.wire === 0
          ? varint(f.value)
          : f.wire === 2
            ? [
                ...varint(encodeMessage(f.children ?? []).length || f.bytes.length),
                ...(f.children ? encodeMessage(f.children) : f.bytes),
              ]
            : [...f.bytes]
      const wire = r.pick([0, 1, 2, 3, 4, 5, 6, 7].filter((w) => w !== f.wire))
      f.raw = [...varint((BigInt(f.field) << 3n) | BigInt(wire)), ...payload]
    }
    return {
      bytes: rewrap(encodeMessage(tree), wasGz),
      note: `${before} ${what} changed to ${f.raw ? 'raw' : f.field}`,
    }
  },
  /** A field duplicated (next to itself or at the end of its message) or dropped. */
  'pb-dup-drop'(seed, r) {
    const [c, wasGz] = inflated(seed)
    const tree = parseMessage(c)
    const { f, list, index } = r.pick(allFields(tree))
    const op = r.pick(['duplicate', 'drop', 'move-to-end'])
    if (op === 'duplicate') list.splice(index, 0, f)
    else if (op === 'drop') list.splice(index, 1)
    else list.push(list.splice(index, 1)[0])
    return { bytes: rewrap(encodeMessage(tree), wasGz), note: `${op} ${f.type}.${f.field}` }
  },
  /** A string table index set past the table: always refused (never a silent "<unknown>"). */
  'pb-string-index'(seed, r) {
    const [c, wasGz] = inflated(seed)
    const tree = parseMessage(c)
    const nStrings = tree.filter((f) => f.field === 6).length
    const cands = allFields(tree).filter(
      ({ f }) => f.wire === 0 && STRING_FIELDS[f.type]?.includes(f.field) && !(f.type === 'Label'),
    )
    if (cands.length === 0) return bytesMutations['bit-flip'](seed, r)
    const { f } = r.pick(cands)
    f.value = r.pick([BigInt(nStrings), BigInt(nStrings + 1000), 2n ** 62n, -1n])
    return {
      bytes: rewrap(encodeMessage(tree), wasGz),
      note: `${f.type}.${f.field} = string ${BigInt.asIntN(64, f.value)} of ${nStrings}`,
      mustRefuse: true,
    }
  },
  /** The content cut inside a top-level field (not between fields): always refused. */
  'pb-cut-inside'(seed, r) {
    const [c, wasGz] = inflated(seed)
    const tree = parseMessage(c)
    const ends = []
    let at = 0
    for (const f of tree) {
      const len = encodeMessage([f]).length
      ends.push([at, at + len])
      at += len
    }
    const big = ends.filter(([s, e]) => e - s > 1)
    const [s, e] = r.pick(big)
    const cut = r.int(s + 1, e - 1)
    return {
      bytes: rewrap(cutAt(c, cut), wasGz),
      note: `cut at ${cut} inside the field at ${s}-${e}`,
      mustRefuse: true,
    }
  },
  /** Hostile function names, file names or every string, re-encoded with pprof-format. */
  'hostile-names'(seed, r) {
    const [c, wasGz] = inflated(seed)
    return { bytes: rewrap(renamed(c, r), wasGz), note: 'hostile names' }
  },
}

/** Lines of a text seed with positions of its number tokens. */
const NUMBER = /-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi

const textMutations = {
  /** One very long line inserted (300 KB of one character, or of a piece of the file). */
  'long-line'(seed, r) {
    const [c, wasGz] = inflated(seed)
    const s = c.toString('latin1')
    const lines = s.split('\n')
    const i = r.int(0, lines.length - 1)
    const len = r.pick([70_000, 300_000, 2_000_000])
    const ch = r.pick(['x', ' ', '\t', '0', '#', 'a+', '@ 0x1 ', lines[i].slice(0, 40) || 'y'])
    const long = ch.repeat(Math.ceil(len / ch.length)).slice(0, len)
    const where = r.pick(['append', 'replace', 'new'])
    if (where === 'append') lines[i] += long
    else if (where === 'replace') lines[i] = long
    else lines.splice(i, 0, long)
    return {
      bytes: rewrap(Buffer.from(lines.join('\n'), 'latin1'), wasGz),
      note: `${where} line ${i + 1}: ${len} × ${JSON.stringify(ch)}`,
    }
  },
  /** One number token replaced by 400 digits, a negative, NaN, Inf, a fraction or 1e400. */
  'bad-number'(seed, r) {
    const [c, wasGz] = inflated(seed)
    const s = c.toString('latin1')
    const ms = [...s.matchAll(NUMBER)]
    if (ms.length === 0) return textMutations['long-line'](seed, r)
    const count = r.pick([1, 1, 1, 5, 50])
    const value = r.pick([
      '9'.repeat(400),
      '-1',
      '-12345',
      'NaN',
      'Inf',
      '+Inf',
      '-Inf',
      'Infinity',
      '0.5',
      '1.5e3',
      '1e400',
      '0x10',
      '9007199254740993',
      '18446744073709551616',
      '-0',
      '1_000',
    ])
    let out = s
    const chosen = new Set()
    for (let k = 0; k < count; k++) chosen.add(r.int(0, ms.length - 1))
    // Replace from the end so earlier offsets stay valid.
    for (const i of [...chosen].sort((a, b) => b - a)) {
      const m = ms[i]
      out = out.slice(0, m.index) + value + out.slice(m.index + m[0].length)
    }
    return {
      bytes: rewrap(Buffer.from(out, 'latin1'), wasGz),
      note: `${chosen.size} number(s) -> ${value.length > 20 ? `${value.length} digits` : value}`,
    }
  },
  /** The file cut in the middle of a line (a record). */
  'cut-mid-line'(seed, r) {
    const [c, wasGz] = inflated(seed)
    const nls = []
    for (let i = 0; i < c.length; i++) if (c[i] === 10) nls.push(i)
    if (nls.length < 2) return bytesMutations['truncate-inner'](seed, r)
    const k = r.int(0, nls.length - 2)
    const at = r.int(nls[k] + 1, Math.max(nls[k] + 1, nls[k + 1] - 1))
    return { bytes: rewrap(cutAt(c, at), wasGz), note: `cut at byte ${at}, inside line ${k + 2}` }
  },
  /** One line repeated (2 to 100,000 times), or lines shuffled, deleted or CRLF-ended. */
  lines(seed, r) {
    const [c, wasGz] = inflated(seed)
    const lines = c.toString('latin1').split('\n')
    const op = r.pick(['repeat', 'repeat', 'delete', 'swap', 'crlf', 'bom', 'nul'])
    const i = r.int(0, lines.length - 1)
    let note = op
    if (op === 'repeat') {
      const times = r.pick([2, 100, 10_000, 100_000])
      lines.splice(i, 0, ...Array(times).fill(lines[i]))
      note = `line ${i + 1} repeated ${times} times`
    } else if (op === 'delete') lines.splice(i, 1)
    else if (op === 'swap') {
      const j = r.int(0, lines.length - 1)
      ;[lines[i], lines[j]] = [lines[j], lines[i]]
      note = `lines ${i + 1} and ${j + 1} swapped`
    }
    let out = lines.join(op === 'crlf' ? '\r\n' : '\n')
    if (op === 'bom') out = '\uFEFF' + out
    if (op === 'nul') out = out.slice(0, i) + '\0' + out.slice(i)
    return { bytes: rewrap(Buffer.from(out, op === 'bom' ? 'utf8' : 'latin1'), wasGz), note }
  },
  /** Hostile names put where a text file names functions, metrics or benchmarks. */
  'hostile-text-names'(seed, r) {
    const [c, wasGz] = inflated(seed)
    const s = c.toString('utf8')
    const words = [...s.matchAll(/[A-Za-z_][\w./()*-]{3,}/g)]
    if (words.length === 0) return textMutations['long-line'](seed, r)
    const m = r.pick(words)
    const name = r.pick(HOSTILE_NAMES)(r).replace(/\n/g, ' ')
    const parts = s.split(m[0])
    const k = Math.min(parts.length - 1, r.pick([1, 50]))
    const out =
      parts.slice(0, k + 1).join(name) +
      (k < parts.length - 1 ? m[0] + parts.slice(k + 1).join(m[0]) : '')
    return {
      bytes: rewrap(Buffer.from(out, 'utf8'), wasGz),
      note: `every ${JSON.stringify(m[0].slice(0, 40))} -> hostile name ${name.length} chars`,
    }
  },
}

const jsonMutations = {
  /** One JSON value replaced by a wrong type, 400 digits, a negative or a huge string. */
  'json-value'(seed, r) {
    const text = seedBytes(seed).toString('utf8')
    let lines = null
    let li = 0
    let s = text
    try {
      JSON.parse(text)
    } catch {
      // go test -json: one object per line; mutate one of them.
      lines = text.split('\n')
      const ok = lines.map((l, i) => [l, i]).filter(([l]) => l.startsWith('{'))
      li = r.pick(ok)[1]
      s = lines[li]
    }
    const doc = JSON.parse(s)
    const paths = []
    const walk = (v, p) => {
      if (p.length) paths.push(p)
      if (v && typeof v === 'object' && p.length < 6)
        for (const k of Object.keys(v)) walk(v[k], [...p, k])
    }
    walk(doc, [])
    const p = r.pick(paths)
    const raw = r.pick([
      '"x"',
      '-1',
      '-1e300',
      '1e400',
      '9'.repeat(400),
      'null',
      'true',
      '[]',
      '{}',
      '1.5',
      `"${'a'.repeat(r.pick([10, 100_000]))}"`,
      '18446744073709551615',
      '-0',
    ])
    const marker = '"__FUZZ_VALUE__"'
    let parent = doc
    for (const k of p.slice(0, -1)) parent = parent[k]
    parent[p[p.length - 1]] = '__FUZZ_VALUE__'
    let out = JSON.stringify(doc, null, lines ? 0 : r.pick([0, 2])).replace(marker, () => raw)
    if (lines) out = [...lines.slice(0, li), out, ...lines.slice(li + 1)].join('\n')
    return {
      bytes: Buffer.from(out),
      note: `${p.join('.')} = ${raw.length > 30 ? `${raw.length} chars` : raw}`,
    }
  },
  /** A key duplicated with another value, nested deeply, or the document wrapped. */
  'json-structure'(seed, r) {
    const s = seedBytes(seed).toString('utf8').trim().split('\n')[0]
    const op = r.pick(['deep', 'dup-key', 'array', 'trailing'])
    let out
    if (op === 'deep') {
      const d = r.pick([100, 10_000, 100_000])
      out = s.slice(0, -1) + `,"deep":${'['.repeat(d)}${']'.repeat(d)}}`
    } else if (op === 'dup-key') {
      const keys = [...s.matchAll(/"(\w+)":\s*\d+/g)]
      const k = keys.length ? r.pick(keys)[1] : 'HeapAlloc'
      out = s.slice(0, -1) + `,"${k}":-5}`
    } else if (op === 'array') out = `[${s},${s}]`
    else out = s + r.pick(['garbage', '}', ',', '\n{"HeapAlloc":1}'])
    return { bytes: Buffer.from(out), note: `json ${op}` }
  },
}

const ALL_CONFIG_VALUES = [
  (r) => r.int(-5, 5),
  () => '9'.repeat(400),
  () => '-1',
  () => 'NaN',
  () => '.inf',
  () => '-.inf',
  () => '1e400',
  () => '10%%',
  () => '-10%',
  () => '1e400%',
  () => '9'.repeat(400) + 'MiB',
  () => '-1MiB',
  () => '1.5.5GiB',
  () => null,
  () => true,
  () => [],
  () => ({}),
  () => ['a', 'b'],
  () => ({ nested: { deeper: 1 } }),
  (r) => 'x'.repeat(r.pick([1000, 200_000])),
  () => 'regex:(a+)+$',
  () => 'regex:(',
  () => '2026-02-30',
  () => '99999-12-31',
  () => 'inuse_space < ' + '9'.repeat(400),
  () => '\x00\x1b[31m',
]

const configMutations = {
  /** One key's value replaced by another type or a hostile value. */
  'config-value'(seed, r) {
    const doc = parseDocument(seedBytes(seed).toString('utf8'))
    const paths = []
    const walk = (node, p) => {
      if (isMap(node))
        for (const it of node.items) {
          if (!isPair(it) || !isScalar(it.key)) continue
          const q = [...p, it.key.value]
          paths.push(q)
          walk(it.value, q)
        }
      else if (isSeq(node))
        node.items.forEach((it, i) => {
          paths.push([...p, i])
          walk(it, [...p, i])
        })
    }
    walk(doc.contents, [])
    if (paths.length === 0) return configMutations['config-text'](seed, r)
    const p = r.pick(paths)
    const v = r.pick(ALL_CONFIG_VALUES)(r)
    doc.setIn(p, v)
    const shown = JSON.stringify(v) ?? String(v)
    return {
      bytes: Buffer.from(doc.toString({ lineWidth: 0 })),
      note: `${p.join('.')} = ${shown.length > 40 ? `${shown.length} chars` : shown}`,
    }
  },
  /** An unknown key added to the top level or to a rule: always refused. */
  'config-unknown-key'(seed, r) {
    const doc = parseDocument(seedBytes(seed).toString('utf8'))
    const key = r.pick([
      'rulez',
      'max-increse',
      '__proto__',
      'constructor',
      'x'.repeat(5000),
      'toString',
    ])
    const rules = doc.get('rules')
    const where = isSeq(rules) && rules.items.length && r.next() < 0.5 ? ['rules', 0, key] : [key]
    if (!isMap(doc.contents)) return configMutations['config-text'](seed, r)
    doc.setIn(where, 1)
    return {
      bytes: Buffer.from(doc.toString({ lineWidth: 0 })),
      note: `unknown key ${where.join('.').slice(0, 60)}`,
      mustRefuse: true,
    }
  },
  /** Text-level changes: aliases (a billion laughs), deep nesting, tabs, duplicate keys, cuts. */
  'config-text'(seed, r) {
    const s = seedBytes(seed).toString('utf8')
    const op = r.pick([
      'laughs',
      'alias',
      'deep',
      'tab',
      'dup-key',
      'cut',
      'long-line',
      'binary',
      'anchor-loop',
    ])
    let out = s
    if (op === 'laughs') {
      let l = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
      for (let i = 1; i < 10; i++)
        l += `${'abcdefghij'[i]}: &${'abcdefghij'[i]} [${Array(9)
          .fill('*' + 'abcdefghij'[i - 1])
          .join(',')}]\n`
      out = s + '\n' + l
    } else if (op === 'alias')
      out = s.replace(/^(\w[\w-]*):/m, '$1: &anchor') + '\nextra: *anchor\n'
    else if (op === 'anchor-loop') out = s + '\nx: &x [*x]\n'
    else if (op === 'deep') {
      const d = r.pick([100, 5000, 100_000])
      out = s + `\nrules: ${'['.repeat(d)}${']'.repeat(d)}\n`
    } else if (op === 'tab') out = s.replace(/^ {2}/m, '\t')
    else if (op === 'dup-key') {
      const m = s.match(/^(\w[\w-]*):.*$/m)
      out = m ? s + '\n' + m[0] + '\n' : s + '\nversion: 1\nversion: 1\n'
    } else if (op === 'cut') out = s.slice(0, r.int(0, s.length - 1))
    else if (op === 'long-line') out = s + `\n# ${'x'.repeat(500_000)}\n`
    else out = s.slice(0, r.int(0, s.length)) + '\x00\xff\xfe' + s.slice(r.int(0, s.length))
    return {
      bytes: Buffer.from(out, op === 'binary' ? 'latin1' : 'utf8'),
      note: `yaml ${op}`,
      mustRefuse:
        op === 'laughs' || op === 'anchor-loop' || (op === 'deep' && out.length > 200_000),
    }
  },
}

/** The mutations that apply to each kind of seed. */
export const mutators = {
  pprof: { ...bytesMutations, ...gzipMutations, ...pprofMutations },
  text: { ...bytesMutations, ...gzipMutations, ...textMutations },
  json: { ...bytesMutations, ...textMutations, ...jsonMutations },
  config: {
    ...configMutations,
    'bit-flip': bytesMutations['bit-flip'],
    truncate: bytesMutations.truncate,
  },
}

/** Mutations too slow for the in-process property tests (they build 1 GiB streams). */
export const HEAVY = new Set(['gzip-bomb'])

/**
 * One case: the seed mutated by `mutation` with random number `n`. `mustRefuse`: every
 * such file is invalid, so accepting it is garbage accepted.
 */
export function makeCase(seed, mutation, n) {
  const r = rng(n)
  const m = mutators[seed.kind][mutation]
  if (!m) throw new Error(`no mutation ${mutation} for ${seed.kind}`)
  const out = m(seed, r)
  return {
    seed: seed.path,
    kind: seed.kind,
    mutation,
    n,
    mustRefuse: !!out.mustRefuse,
    note: out.note,
    bytes: out.bytes,
  }
}

/** Seeds of a kind. */
export const seedsOf = (kind) => SEEDS.filter((s) => s.kind === kind)
