// Hostile variants of a real pprof profile, for the reader's tests: each one breaks one rule
// of the wire format or of pprof's profile.CheckValid, starting from a profile Go wrote.
//
//   node scripts/hostile/pprof-variants.mjs <profile.pb[.gz]> <out-dir> [N]
//
// The profile is inflated; each variant is written raw (not gzipped) to <out-dir>, and
// <out-dir>/manifest.json lists them as { file, expect } where `expect` is a piece of the
// one-line error the CLI must print. N (default 6) is how many of the first length-delimited
// fields get a negative length each.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { gunzipSync } from 'node:zlib'

/** A varint's bytes; a negative value as protobuf writes an int64 (ten bytes). */
export function varint(value) {
  let v = BigInt.asUintN(64, BigInt(value))
  const out = []
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80)
    v >>= 7n
  }
  out.push(Number(v))
  return out
}

/** Reads the varint at `at`: [value (BigInt, unsigned), position after it]. */
function readVarint(buf, at) {
  let v = 0n
  let shift = 0n
  for (;;) {
    const b = buf[at++]
    v |= BigInt(b & 0x7f) << shift
    shift += 7n
    if (b < 0x80) return [v, at]
  }
}

/** The fields of the message in buf[start, end): { at, tag, field, wire, lenAt, payload, end }. */
export function fields(buf, start = 0, end = buf.length) {
  const out = []
  let at = start
  while (at < end) {
    const [tag, afterTag] = readVarint(buf, at)
    const wire = Number(tag & 7n)
    const f = {
      at,
      tag: Number(tag),
      field: Number(tag >> 3n),
      wire,
      lenAt: -1,
      payload: -1,
      end: -1,
    }
    if (wire === 0) f.end = readVarint(buf, afterTag)[1]
    else if (wire === 2) {
      const [len, payload] = readVarint(buf, afterTag)
      Object.assign(f, { lenAt: afterTag, payload, end: payload + Number(len) })
    } else if (wire === 1) f.end = afterTag + 8
    else if (wire === 5) f.end = afterTag + 4
    else throw new Error(`wire type ${wire} at byte ${at}`)
    out.push(f)
    at = f.end
  }
  return out
}

const bytes = (...parts) => Uint8Array.from(parts.flat())
/** A length-delimited field. */
const message = (field, ...payload) => {
  const body = payload.flat()
  return [...varint((field << 3) | 2), ...varint(body.length), ...body]
}
/** A varint field. */
const number = (field, value) => [...varint(field << 3), ...varint(value)]
/** A packed repeated varint field. */
const packed = (field, values) => message(field, values.map(varint).flat())
const sample = (locations, values) => message(2, packed(1, locations), packed(2, values))
const line = (fn) => message(4, number(1, fn), number(2, 7))

/** Field `f` of `raw` with its length replaced by `length` (a number, negative or not). */
function withLength(raw, f, length) {
  return bytes([...raw.subarray(0, f.lenAt)], varint(length), [...raw.subarray(f.payload)])
}

/** Every variant of the inflated profile `raw`: [{ name, bytes, expect }]. */
export function variants(raw, n = 6) {
  const top = fields(raw)
  const lengths = top.filter((f) => f.wire === 2)
  const append = (...extra) => bytes([...raw], ...extra)
  const out = []
  lengths.slice(0, n).forEach((f, k) => {
    out.push({
      name: `negative-length-${k + 1}`,
      bytes: withLength(raw, f, -1),
      expect: `protobuf length at byte ${f.lenAt} runs past the end of the message`,
    })
  })
  const firstSample = top.find((f) => f.field === 2)
  const firstLocation = top.find((f) => f.field === 4)
  const firstFunction = top.find((f) => f.field === 5)
  // Inside the first sample and the first location: their first length-delimited field.
  for (const [name, outer] of [
    ['sample', firstSample],
    ['location', firstLocation],
  ]) {
    const inner = fields(raw, outer.payload, outer.end).find((f) => f.wire === 2)
    if (!inner) continue
    // The outer message is written again around its longer body.
    const body = [
      ...raw.subarray(outer.payload, inner.lenAt),
      ...varint(-2),
      ...raw.subarray(inner.payload, outer.end),
    ]
    const wrapped = message(outer.field, body)
    const lenAt = outer.at + (wrapped.length - body.length) + (inner.lenAt - outer.payload)
    out.push({
      name: `negative-length-in-${name}`,
      bytes: bytes([...raw.subarray(0, outer.at)], wrapped, [...raw.subarray(outer.end)]),
      expect: `protobuf length at byte ${lenAt} runs past the end of the message`,
    })
  }
  const last = lengths[lengths.length - 1]
  out.push({
    name: 'length-past-the-end',
    bytes: withLength(raw, last, raw.length),
    expect: `protobuf length at byte ${last.lenAt} runs past the end of the message`,
  })
  // An eleven-byte varint as the first field's length.
  const first = lengths[0]
  out.push({
    name: 'overlong-varint',
    bytes: bytes(
      [...raw.subarray(0, first.lenAt)],
      [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00],
      [...raw.subarray(first.payload)],
    ),
    expect: `protobuf varint at byte ${first.lenAt} is longer than ten bytes`,
  })
  out.push({
    name: 'unsafe-value',
    bytes: append(sample([1], [2n ** 60n, 1, 1, 1])),
    expect: 'is not a safe integer',
  })
  out.push({
    name: 'value-count-mismatch',
    bytes: append(sample([1], [1, 2, 3])),
    expect: 'has 3 values for 4 sample types',
  })
  out.push({
    name: 'string-index-out-of-range',
    bytes: append(message(5, number(1, 999999), number(2, 1000000))),
    expect: "function 999999 refers to string 1000000, past the string table's",
  })
  out.push({
    name: 'default-sample-type-out-of-range',
    bytes: append(number(14, 1000000)),
    expect: "the default sample type refers to string 1000000, past the string table's",
  })
  out.push({
    name: 'zero-function-id',
    bytes: append(message(5, number(2, 1))),
    expect: 'a function has id 0, which pprof reserves',
  })
  const fnId = Number(
    readVarint(raw, fields(raw, firstFunction.payload, firstFunction.end)[0].at + 1)[0],
  )
  out.push({
    name: 'duplicate-function-id',
    bytes: append([...raw.subarray(firstFunction.at, firstFunction.end)]),
    expect: `two functions have id ${fnId}`,
  })
  out.push({
    name: 'duplicate-location-id',
    bytes: append([...raw.subarray(firstLocation.at, firstLocation.end)]),
    expect: 'two locations have id 1',
  })
  out.push({
    name: 'zero-location-id',
    bytes: append(message(4, line(fnId))),
    expect: 'has id 0, which pprof reserves',
  })
  out.push({
    name: 'missing-function',
    bytes: append(message(4, number(1, 900001), line(777777))),
    expect: 'location 900001 has a line of missing function 777777',
  })
  out.push({
    name: 'missing-mapping',
    bytes: append(message(4, number(1, 900002), number(2, 4242), line(fnId))),
    expect: 'location 900002 refers to missing mapping 4242',
  })
  out.push({
    name: 'missing-location',
    bytes: append(sample([888888], [1, 1, 1, 1])),
    expect: 'a sample refers to missing location 888888',
  })
  out.push({
    name: 'field-number-0',
    bytes: bytes([...raw.subarray(0, top[1].at)], [0x00, 0x00], [...raw.subarray(top[1].at)]),
    expect: `protobuf field at byte ${top[1].at} has field number 0`,
  })
  // Field number 0 inside the first sample (its length grown by the two bytes).
  const s = firstSample
  const body = [...raw.subarray(s.payload, s.end), 0x00, 0x00]
  out.push({
    name: 'field-number-0-in-sample',
    bytes: bytes([...raw.subarray(0, s.at)], message(2, body), [...raw.subarray(s.end)]),
    expect: 'has field number 0',
  })
  // Cuts between fields, up to the string table's end (what comes after it, pprof too
  // accepts missing): samples without their locations, locations without their functions,
  // functions without their strings.
  const lastString = top.findLast((f) => f.field === 6)
  const boundaries = top.filter((f) => f.at > 0 && f.end < lastString.end).map((f) => f.end)
  const picks = new Set()
  for (let k = 0; k < 8; k++) picks.add(boundaries[Math.floor((k * boundaries.length) / 8)])
  for (const cut of picks) {
    out.push({ name: `cut-at-${cut}`, bytes: raw.subarray(0, cut), expect: '' })
  }
  out.push({
    name: 'cut-inside-a-field',
    bytes: raw.subarray(0, last.payload + 1),
    expect: 'runs past the end of the message',
  })
  // The eleven bytes: a real first field's tag, then a negative length.
  out.push({
    name: 'eleven-bytes',
    bytes: bytes(raw[0], varint(-1)),
    expect: 'protobuf length at byte 1 runs past the end of the message',
  })
  return out
}

if (process.argv[1] && basename(process.argv[1]) === 'pprof-variants.mjs') {
  const [input, dir, n] = process.argv.slice(2)
  if (!input || !dir) {
    console.error('usage: node scripts/hostile/pprof-variants.mjs <profile.pb[.gz]> <out-dir> [N]')
    process.exit(2)
  }
  const file = readFileSync(input)
  const raw = file[0] === 0x1f && file[1] === 0x8b ? gunzipSync(file) : file
  mkdirSync(dir, { recursive: true })
  const manifest = variants(new Uint8Array(raw), n ? Number(n) : 6).map((v) => {
    const name = `${v.name}.pb`
    writeFileSync(join(dir, name), v.bytes)
    return { file: name, expect: v.expect }
  })
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n')
  console.log(`${manifest.length} variants of ${input} in ${dir}`)
}
