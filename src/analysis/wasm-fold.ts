// Runs the compiled sample loop (assembly/fold.ts) over a protobuf profile's samples.
//
// The samples are copied into the module's memory a chunk at a time, so the profile's
// bytes are never held twice, and the loop is called once per chunk: V8 compiles a
// WebAssembly function with its fast compiler first and swaps in the optimised code
// between calls, never during one.
import type { PackedSamples } from '../formats/model.js'
import type { FileTables, FoldSums } from './aggregate.js'
import { FOLD_WASM } from './fold-wasm.generated.js'

interface FoldExports {
  setup(
    locations: number,
    index: number,
    indexLength: number,
    starts: number,
    fns: number,
    pkgs: number,
    own: number,
    out: number,
    nFn: number,
    nPkg: number,
    scratch: number,
    period: number,
  ): void
  foldChunk(first: number, count: number, ranges: number, base: number, bytes: number): number
}

const PAGE = 65536
/** Bytes of samples copied in per call, unless one sample is bigger. */
const CHUNK_BYTES = 1 << 20
/** Samples per call at most (their ranges are copied in too). */
const CHUNK_SAMPLES = 1 << 16
/** Four sums per function or package: the compiled loop knows Go's four sample types. */
const N = 4

/** One instance per thread, its memory grown to the largest profile folded so far. */
let instance: { memory: WebAssembly.Memory; exports: FoldExports } | undefined

function instantiate(): { memory: WebAssembly.Memory; exports: FoldExports } {
  const memory = new WebAssembly.Memory({ initial: 1 })
  const module = new WebAssembly.Module(Buffer.from(FOLD_WASM, 'base64'))
  const exports = new WebAssembly.Instance(module, { env: { memory, expm1: Math.expm1 } })
    .exports as unknown as FoldExports
  return { memory, exports }
}

/**
 * Folds `packed` with the tables of its file, as the JavaScript loop in aggregate.ts
 * does for Go's four heap sample types. Returns undefined when the compiled loop met
 * something it leaves to JavaScript (an unusual encoding, a missing location, a value
 * of 2^49 or more or a negative one).
 */
export function wasmFold(
  packed: PackedSamples,
  t: FileTables,
  period: number,
): FoldSums | undefined {
  const { bytes, ranges, index } = packed
  const count = ranges.length / 2
  let longest = 0
  for (let s = 0; s < count; s++) longest = Math.max(longest, ranges[2 * s + 1] - ranges[2 * s])
  // Small profiles get small chunks: the memory is sized (and zeroed) for what is used.
  const span = count > 0 ? ranges[2 * count - 1] - ranges[0] : 0
  const chunkBytes = Math.max(Math.min(CHUNK_BYTES, span), longest)
  const chunkSamples = Math.max(1, Math.min(CHUNK_SAMPLES, count))
  const nFn = t.fnKeys.length
  const nPkg = t.pkgKeys.length
  const nLoc = t.firstOwn.length

  // The layout: the module's own first page, the tables, the sums, then scratch space.
  let top = PAGE
  const place = (length: number) => {
    const at = top
    top += (length + 7) & ~7
    return at
  }
  const indexAt = index ? place(index.byteLength) : 0
  const startsAt = place(t.frameStart.byteLength)
  const fnsAt = place(t.frameFn.byteLength)
  const pkgsAt = place(t.framePkg.byteLength)
  const ownAt = place(t.firstOwn.byteLength)
  // In setup()'s order: fnFlat fnCum fnFlatVar bestValue, pkgFlat pkgCum pkgFlatVar,
  // totals totalsVar, then the i32 arrays bestSample fnSeen pkgSeen.
  const f64s = 4 * nFn * N + 3 * nPkg * N + 2 * N
  const i32s = nFn * N + nFn + nPkg
  const outAt = place(8 * f64s + 4 * i32s)
  const locsAt = place(4 * Math.max(1, longest)) // at most one location id per byte
  const rangesAt = place(8 * chunkSamples)
  const bytesAt = place(chunkBytes)

  const { memory, exports } = (instance ??= instantiate())
  const pages = Math.ceil(top / PAGE) - memory.buffer.byteLength / PAGE
  try {
    if (pages > 0) memory.grow(pages)
  } catch {
    return undefined // past what 32-bit WebAssembly can address: JavaScript folds it
  }
  const heap = memory.buffer
  if (index) new Int32Array(heap, indexAt, index.length).set(index)
  new Int32Array(heap, startsAt, t.frameStart.length).set(t.frameStart)
  new Int32Array(heap, fnsAt, t.frameFn.length).set(t.frameFn)
  new Int32Array(heap, pkgsAt, t.framePkg.length).set(t.framePkg)
  new Int32Array(heap, ownAt, nLoc).set(t.firstOwn)
  new Float64Array(heap, outAt, f64s).fill(0)
  new Int32Array(heap, outAt + 8 * f64s, i32s).fill(-1)
  exports.setup(
    nLoc,
    index ? indexAt : 0,
    index ? index.length : 0,
    startsAt,
    fnsAt,
    pkgsAt,
    ownAt,
    outAt,
    nFn,
    nPkg,
    locsAt,
    period,
  )

  const heapBytes = new Uint8Array(heap)
  const heapRanges = new Uint32Array(heap, rangesAt, 2 * chunkSamples)
  for (let first = 0; first < count;) {
    const base = ranges[2 * first]
    let end = first + 1
    while (end < count && end - first < chunkSamples && ranges[2 * end + 1] - base <= chunkBytes)
      end++
    heapBytes.set(bytes.subarray(base, ranges[2 * end - 1]), bytesAt)
    heapRanges.set(ranges.subarray(2 * first, 2 * end))
    if (exports.foldChunk(first, end - first, rangesAt, base, bytesAt) !== 0) return undefined
    first = end
  }

  let at = outAt
  const f64 = (length: number) => {
    const out = new Float64Array(heap.slice(at, at + 8 * length))
    at += 8 * length
    return out
  }
  const i32 = (length: number) => {
    const out = new Int32Array(heap.slice(at, at + 4 * length))
    at += 4 * length
    return out
  }
  // In the order setup() laid them out: each call reads on from the last.
  return {
    fnFlat: f64(nFn * N),
    fnCum: f64(nFn * N),
    fnFlatVar: f64(nFn * N),
    bestValue: f64(nFn * N),
    pkgFlat: f64(nPkg * N),
    pkgCum: f64(nPkg * N),
    pkgFlatVar: f64(nPkg * N),
    totals: f64(N),
    totalsVar: f64(N),
    bestSample: i32(nFn * N),
    fnSeen: i32(nFn),
    pkgSeen: i32(nPkg),
  }
}
