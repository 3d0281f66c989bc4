// Runs the compiled sample loop (assembly/fold.ts) over a protobuf profile's samples.
//
// The samples are copied into the module's memory a chunk at a time, so the profile's
// bytes are never held twice, and the loop is called once per chunk: V8 compiles a
// WebAssembly function with its fast compiler first and swaps in the optimised code
// between calls, never during one.
import { viewOf } from '../../typed-arrays.js'
import type { PackedSamples } from './decoded.js'
import { FOLD_WASM } from './fold-wasm.generated.js'
import { FOLD_SUMS, newFoldSums, type FoldSums } from './sums.js'
import type { FileTables } from './tables.js'

interface FoldExports {
  setTables(
    locations: number,
    index: number,
    indexLength: number,
    frameStart: number,
    frameFn: number,
    framePkg: number,
    firstOwn: number,
    locs: number,
    period: number,
  ): void
  /** The places of FoldSums' arrays, in the order of FOLD_LAYOUT. */
  setSums(...places: number[]): void
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
 * Folds `packed` with the tables of its file, as the JavaScript loop in loop.ts
 * does for Go's four heap sample types. Returns undefined when the compiled loop met
 * something it leaves to JavaScript (an unusual encoding, a missing location, a value
 * of 2^49 or more or a negative one).
 */
export function wasmFold(
  packed: PackedSamples,
  t: FileTables,
  period: number,
): FoldSums | undefined {
  const { bytes, ranges, index, longest } = packed
  const count = ranges.length / 2
  // Small profiles get small chunks: the memory is sized to what is used.
  const span = count > 0 ? ranges[2 * count - 1] - ranges[0] : 0
  const chunkBytes = Math.max(Math.min(CHUNK_BYTES, span), longest)
  const chunkSamples = Math.max(1, Math.min(CHUNK_SAMPLES, count))
  const sums = newFoldSums(t.fnKeys.length, t.pkgKeys.length, N)
  const tables = [index ?? new Int32Array(0), t.frameStart, t.frameFn, t.framePkg, t.firstOwn]
  const arrays = [...tables, ...FOLD_SUMS.map((key) => sums[key])]

  // The layout: the module's own first page, the tables and the sums, then scratch space.
  let top = PAGE
  const place = (length: number) => {
    const at = top
    top += (length + 7) & ~7
    return at
  }
  const places = arrays.map((a) => place(a.byteLength))
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
  // The tables, and the sums as newFoldSums() starts them (a reused memory holds the last
  // profile's), go in; after the loop the sums come back out.
  arrays.forEach((a, j) => viewOf(a, heap, places[j]).set(a))
  const [indexAt, startsAt, fnsAt, pkgsAt, ownAt] = places
  exports.setTables(
    t.firstOwn.length,
    index ? indexAt : 0,
    index ? index.length : 0,
    startsAt,
    fnsAt,
    pkgsAt,
    ownAt,
    locsAt,
    period,
  )
  exports.setSums(...places.slice(tables.length))

  const heapBytes = new Uint8Array(heap)
  const heapRanges = new Uint32Array(heap, rangesAt, 2 * chunkSamples)
  for (let first = 0; first < count;) {
    const base = ranges[2 * first]
    // The samples that fit, found by halving (their ends increase): first … end − 1.
    let end = first + 1
    let most = Math.min(count, first + chunkSamples)
    while (end < most) {
      const mid = (end + most + 1) >>> 1
      if (ranges[2 * mid - 1] - base <= chunkBytes) end = mid
      else most = mid - 1
    }
    heapBytes.set(bytes.subarray(base, ranges[2 * end - 1]), bytesAt)
    heapRanges.set(ranges.subarray(2 * first, 2 * end))
    if (exports.foldChunk(first, end - first, rangesAt, base, bytesAt) !== 0) return undefined
    first = end
  }
  FOLD_SUMS.forEach((key, j) => sums[key].set(viewOf(sums[key], heap, places[tables.length + j])))
  return sums
}
