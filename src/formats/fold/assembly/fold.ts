// The sample loop of src/formats/fold/loop.ts, compiled to WebAssembly for protobuf heap
// profiles with Go's four sample types: it decodes each sample's packed location ids and
// values straight from the profile's bytes and adds them to per-function and per-package
// sums. The JavaScript loop stays the reference: a test checks both give the same arrays,
// and anything this loop does not handle (unusual encodings, ids, huge or negative values)
// returns FALLBACK so that the caller folds the profile in JavaScript instead.
//
// All pointers are byte offsets into this module's memory: ../compiled.ts lays
// out the tables and the sums and hands their places over with setTables() and setSums().

/** Returned when the JavaScript loop must fold this profile instead. */
const FALLBACK: i32 = 1

// The file's tables (see FileTables in ../tables.ts): per location index frameStart
// (nLoc + 1 entries) and firstOwn, per frame its function and package id.
let nLoc: i32 = 0
let idIndexAt: usize = 0 // 0: ids are 1…nLoc; else an i32 table id → index (-1: missing)
let idIndexLength: u32 = 0
let frameStartAt: usize = 0
let frameFnAt: usize = 0
let framePkgAt: usize = 0
let firstOwnAt: usize = 0
/** Scratch: one sample's location indexes. */
let locsAt: usize = 0
/** MemProfileRate of a sampled profile; 0 for an exact one (no variance). */
let rate: f64 = 0
// The sums (FOLD_LAYOUT in ../sums.ts): four f64 per function, package or total, except
// bestSample (four i32 per function) and fnSeen/pkgSeen (one i32 each).
let fnFlatAt: usize = 0
let fnCumAt: usize = 0
let fnFlatVarAt: usize = 0
let bestValueAt: usize = 0
let bestSampleAt: usize = 0
let fnSeenAt: usize = 0
let pkgFlatAt: usize = 0
let pkgCumAt: usize = 0
let pkgFlatVarAt: usize = 0
let pkgSeenAt: usize = 0
let totalsAt: usize = 0
let totalsVarAt: usize = 0

@external('env', 'expm1')
declare function expm1(x: f64): f64

export function setTables(
  locations: i32,
  index: usize,
  indexLength: u32,
  frameStart: usize,
  frameFn: usize,
  framePkg: usize,
  firstOwn: usize,
  locs: usize,
  period: f64,
): void {
  nLoc = locations
  idIndexAt = index
  idIndexLength = indexLength
  frameStartAt = frameStart
  frameFnAt = frameFn
  framePkgAt = framePkg
  firstOwnAt = firstOwn
  locsAt = locs
  rate = period > 1 ? period : 0
}

/** The places of FoldSums' arrays, in the order of its fields. */
export function setSums(
  fnFlat: usize,
  fnCum: usize,
  fnFlatVar: usize,
  bestValue: usize,
  bestSample: usize,
  fnSeen: usize,
  pkgFlat: usize,
  pkgCum: usize,
  pkgFlatVar: usize,
  pkgSeen: usize,
  totals: usize,
  totalsVar: usize,
): void {
  fnFlatAt = fnFlat
  fnCumAt = fnCum
  fnFlatVarAt = fnFlatVar
  bestValueAt = bestValue
  bestSampleAt = bestSample
  fnSeenAt = fnSeen
  pkgFlatAt = pkgFlat
  pkgCumAt = pkgCum
  pkgFlatVarAt = pkgFlatVar
  pkgSeenAt = pkgSeen
  totalsAt = totals
  totalsVarAt = totalsVar
}

@inline function byte(p: usize): u32 {
  return <u32>load<u8>(p)
}

/** Where varint32() stopped. */
let cursor: usize = 0

/** A varint of at most four bytes (< 2^28) from p, before end; -1 if not. Sets cursor. */
@inline function varint32(p: usize, end: usize): i32 {
  let x: u32 = 0
  let shift: u32 = 0
  let b: u32
  do {
    if (p >= end || shift > 21) return -1
    b = byte(p++)
    x |= (b & 0x7f) << shift
    shift += 7
  } while (b & 0x80)
  cursor = p
  return <i32>x
}

@inline function i32At(base: usize, i: i32): i32 {
  return load<i32>(base + (<usize>i << 2))
}

@inline function add4(at: usize, a: f64, b: f64, c: f64, d: f64): void {
  store<f64>(at, load<f64>(at) + a)
  store<f64>(at, load<f64>(at, 8) + b, 8)
  store<f64>(at, load<f64>(at, 16) + c, 16)
  store<f64>(at, load<f64>(at, 24) + d, 24)
}

/**
 * Folds samples first … first + count − 1. `ranges` holds each one's [start, end) in the
 * profile's bytes; those bytes from `base` on are copied to `bytes`. Returns 0 or FALLBACK.
 */
export function foldChunk(first: i32, count: i32, ranges: usize, base: u32, bytes: usize): i32 {
  // Locals, not globals, in the loop: the import call (expm1) would make every global reload.
  const idIndex = idIndexAt
  const frameStart = frameStartAt
  const frameFn = frameFnAt
  const framePkg = framePkgAt
  const firstOwn = firstOwnAt
  const locs = locsAt
  const fnFlat = fnFlatAt
  const fnCum = fnCumAt
  const fnFlatVar = fnFlatVarAt
  const bestValue = bestValueAt
  const bestSample = bestSampleAt
  const fnSeen = fnSeenAt
  const pkgFlat = pkgFlatAt
  const pkgCum = pkgCumAt
  const pkgFlatVar = pkgFlatVarAt
  const pkgSeen = pkgSeenAt
  for (let s: i32 = 0; s < count; s++) {
    const i = first + s
    let p = bytes + <usize>(load<u32>(ranges + (<usize>s << 3)) - base)
    const end = bytes + <usize>(load<u32>(ranges + (<usize>s << 3), 4) - base)
    let k: i32 = 0
    let nv: i32 = 0
    let v0: f64 = 0
    let v1: f64 = 0
    let v2: f64 = 0
    let v3: f64 = 0
    while (p < end) {
      // Go writes a list of one or two as plain fields (location_id 0x08, value 0x10),
      // longer ones packed (0x0a, 0x12); labels (0x1a) are skipped.
      const tag = byte(p++)
      let fieldEnd = end
      if (tag == 0x0a || tag == 0x12 || tag == 0x1a) {
        const len = varint32(p, end)
        if (len < 0) return FALLBACK
        p = cursor
        if (<usize>len > end - p) return FALLBACK
        fieldEnd = p + <usize>len
        if (tag == 0x1a) {
          p = fieldEnd
          continue
        }
      } else if (tag != 0x08 && tag != 0x10) {
        return FALLBACK
      }
      if (tag == 0x08 || tag == 0x0a) {
        do {
          // Most ids take one or two bytes: read those in place.
          let id: i32
          if (p >= fieldEnd) return FALLBACK
          const b0 = byte(p)
          if (b0 < 0x80) {
            id = <i32>b0
            p++
          } else if (p + 1 < fieldEnd && byte(p + 1) < 0x80) {
            id = <i32>((b0 & 0x7f) | (byte(p + 1) << 7))
            p += 2
          } else {
            id = varint32(p, fieldEnd)
            if (id < 0) return FALLBACK
            p = cursor
          }
          let l: i32
          if (idIndex == 0) {
            if (id < 1 || id > nLoc) return FALLBACK
            l = id - 1
          } else {
            if (<u32>id >= idIndexLength) return FALLBACK
            l = i32At(idIndex, id)
            if (l < 0) return FALLBACK
          }
          store<i32>(locs + (<usize>k << 2), l)
          k++
        } while (tag == 0x0a && p < fieldEnd)
      } else if (tag == 0x10 || tag == 0x12) {
        do {
          // Exact in a double below 2^49 (seven bytes); longer or negative ones fall back.
          let x: u64 = 0
          let shift: u64 = 0
          let b: u32
          do {
            if (p >= fieldEnd || shift > 42) return FALLBACK
            b = byte(p++)
            x |= <u64>(b & 0x7f) << shift
            shift += 7
          } while (b & 0x80)
          const f = <f64>x
          if (nv == 0) v0 = f
          else if (nv == 1) v1 = f
          else if (nv == 2) v2 = f
          else if (nv == 3) v3 = f
          nv++
        } while (tag == 0x12 && p < fieldEnd)
      }
    }
    // A sample with other than four values is refused by the JavaScript loop, which names it.
    if (nv != 4) return FALLBACK
    if (v0 == 0 && v1 == 0 && v2 == 0 && v3 == 0) continue

    // Sampling variance of alloc (0, 1) and inuse (2, 3) objects/bytes, as ../sampling.ts.
    let w0: f64 = 0
    let w1: f64 = 0
    let w2: f64 = 0
    let w3: f64 = 0
    if (rate > 0) {
      if (v0 != 0 && v1 != 0) {
        const scale = 1 / -expm1(-(v1 / v0) / rate)
        w0 = scale * v0
        w1 = (v1 / v0) * scale * v1
      }
      if (v2 != 0 && v3 != 0) {
        const scale = 1 / -expm1(-(v3 / v2) / rate)
        w2 = scale * v2
        w3 = (v3 / v2) * scale * v3
      }
    }
    add4(totalsAt, v0, v1, v2, v3)
    add4(totalsVarAt, w0, w1, w2, w3)
    if (k == 0) continue

    // The leaf: the first frame that is not the allocator's own runtime frame.
    let q: i32 = 0
    let at = i32At(frameStart, i32At(locs, 0))
    for (let j: i32 = 0; j < k; j++) {
      const l = i32At(locs, j)
      const own = i32At(firstOwn, l)
      if (own >= 0) {
        q = j
        at = i32At(frameStart, l) + own
        break
      }
    }
    let last = i32At(frameStart, i32At(locs, q) + 1)
    const leaf = <usize>i32At(frameFn, at)
    store<i32>(fnSeen + (leaf << 2), i)
    const lb = leaf << 5
    add4(fnFlat + lb, v0, v1, v2, v3)
    add4(fnFlatVar + lb, w0, w1, w2, w3)
    add4(fnCum + lb, v0, v1, v2, v3)
    const bs = bestSample + (leaf << 4)
    if (v0 > load<f64>(bestValue + lb)) {
      store<f64>(bestValue + lb, v0)
      store<i32>(bs, i)
    }
    if (v1 > load<f64>(bestValue + lb, 8)) {
      store<f64>(bestValue + lb, v1, 8)
      store<i32>(bs, i, 4)
    }
    if (v2 > load<f64>(bestValue + lb, 16)) {
      store<f64>(bestValue + lb, v2, 16)
      store<i32>(bs, i, 8)
    }
    if (v3 > load<f64>(bestValue + lb, 24)) {
      store<f64>(bestValue + lb, v3, 24)
      store<i32>(bs, i, 12)
    }
    let prevPkg = i32At(framePkg, at)
    store<i32>(pkgSeen + (<usize>prevPkg << 2), i)
    const pb = <usize>prevPkg << 5
    add4(pkgFlat + pb, v0, v1, v2, v3)
    add4(pkgFlatVar + pb, w0, w1, w2, w3)
    add4(pkgCum + pb, v0, v1, v2, v3)
    at++

    // The callers: cum only, once per function and package however often they recur.
    while (true) {
      for (; at < last; at++) {
        const fn = <usize>i32At(frameFn, at)
        const seen = fnSeen + (fn << 2)
        if (load<i32>(seen) != i) {
          store<i32>(seen, i)
          add4(fnCum + (fn << 5), v0, v1, v2, v3)
        }
        const pkg = i32At(framePkg, at)
        if (pkg != prevPkg) {
          const pkgAt = pkgSeen + (<usize>pkg << 2)
          if (load<i32>(pkgAt) != i) {
            store<i32>(pkgAt, i)
            add4(pkgCum + (<usize>pkg << 5), v0, v1, v2, v3)
          }
        }
        prevPkg = pkg
      }
      if (++q >= k) break
      const l = i32At(locs, q)
      at = i32At(frameStart, l)
      last = i32At(frameStart, l + 1)
    }
  }
  return 0
}
