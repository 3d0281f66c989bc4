// Folds profiles into per-function and per-package sums, flat and cumulative.
//
// The sample loop works on integer ids and typed arrays (a profile can hold a million
// samples); names and stacks are materialised once per file, when its sums are merged.
import type { Frame, HeapProfile } from '../formats/model.js'
import { isRuntimeFrame, matchKey, packageOf } from './names.js'
import { samplingModel } from './sampling.js'
import { StackTable } from './stack-table.js'
import { wasmFold } from './wasm-fold.js'

/** Sums for one function or package; arrays are indexed like `SideAggregate.sampleTypes`. */
export interface NodeSums {
  name: string
  package: string
  flat: number[]
  cum: number[]
  /** Sampling variance of `flat` (see sampling.ts); 0 for exact profiles. */
  flatVar: number[]
  /**
   * Per sample type: the heaviest stack (leaf first) in which this function allocates
   * itself, and that stack's value; undefined for a function that never allocates itself
   * (tracking every frame would cost the hot loop a comparison per frame).
   */
  heaviest: (Frame[] | undefined)[]
  heaviestValue: number[]
}

/** One side (several profiles) folded together. */
export interface SideAggregate {
  sampleTypes: string[]
  totals: number[]
  /** Sampling variance of each total. */
  totalsVar: number[]
  functions: Map<string, NodeSums>
  packages: Map<string, NodeSums>
  /** Per whole call stack (matched names, leaf first); only when asked for. */
  stacks?: Map<string, NodeSums>
  /** Stacks left out of `stacks` for being under STACK_MIN_SHARE of their file's total. */
  stacksOmitted?: number
}

/** Separates the functions of a call stack in its name. */
export const STACK_SEPARATOR = ' ← '

/** Creates an empty aggregate over the given sample type names. */
export function emptyAggregate(sampleTypes: string[], withStacks = false): SideAggregate {
  return {
    sampleTypes,
    totals: sampleTypes.map(() => 0),
    totalsVar: sampleTypes.map(() => 0),
    functions: new Map(),
    packages: new Map(),
    stacks: withStacks ? new Map() : undefined,
  }
}

/**
 * Per-file integer tables: every frame of every location mapped to function and package
 * ids, flattened into contiguous arrays (location l's frames are at frameStart[l] …
 * frameStart[l + 1]) so the sample loop reads cache-friendly memory.
 */
export interface FileTables {
  fnKeys: string[]
  pkgKeys: string[]
  frameStart: Int32Array
  frameFn: Int32Array
  framePkg: Int32Array
  /** Per location: its first frame that is not a runtime allocator frame, -1 if none. */
  firstOwn: Int32Array
}

export function tables(profile: HeapProfile, keyOf: (fn: string) => string): FileTables {
  const fnIds = new Map<string, number>()
  const pkgIds = new Map<string, number>()
  const fnKeys: string[] = []
  const pkgKeys: string[] = []
  const id = (map: Map<string, number>, keys: string[], key: string) => {
    let i = map.get(key)
    if (i === undefined) {
      i = keys.push(key) - 1
      map.set(key, i)
    }
    return i
  }
  const locs = profile.locations
  const frameStart = new Int32Array(locs.length + 1)
  locs.forEach((frames, l) => (frameStart[l + 1] = frameStart[l] + frames.length))
  const frameFn = new Int32Array(frameStart[locs.length])
  const framePkg = new Int32Array(frameStart[locs.length])
  const firstOwn = new Int32Array(locs.length).fill(-1)
  // Names repeat across frames (a function has a frame per call site): work each out once.
  const byName = new Map<string, { fn: number; pkg: number; runtime: boolean }>()
  locs.forEach((frames, l) => {
    frames.forEach((f, k) => {
      let ids = byName.get(f.function)
      if (!ids) {
        ids = {
          fn: id(fnIds, fnKeys, keyOf(f.function)),
          pkg: id(pkgIds, pkgKeys, packageOf(f.function)),
          runtime: isRuntimeFrame(f.function),
        }
        byName.set(f.function, ids)
      }
      frameFn[frameStart[l] + k] = ids.fn
      framePkg[frameStart[l] + k] = ids.pkg
      if (firstOwn[l] < 0 && !ids.runtime) firstOwn[l] = k
    })
  })
  return { fnKeys, pkgKeys, frameStart, frameFn, framePkg, firstOwn }
}

/**
 * What the sample loop sums over one file, by function and package id, `n` columns per
 * id (id * n + column). `fnSeen`/`pkgSeen` are -1 for ids in no sample with a value;
 * `bestSample` is the sample whose value was the largest a function allocated itself.
 */
export interface FoldSums {
  fnFlat: Float64Array
  fnCum: Float64Array
  fnFlatVar: Float64Array
  bestValue: Float64Array
  bestSample: Int32Array
  fnSeen: Int32Array
  pkgFlat: Float64Array
  pkgCum: Float64Array
  pkgFlatVar: Float64Array
  pkgSeen: Int32Array
  totals: Float64Array
  totalsVar: Float64Array
}

/** Empty sums for `nFn` functions and `nPkg` packages, `n` columns each. */
export function newFoldSums(nFn: number, nPkg: number, n: number): FoldSums {
  return {
    fnFlat: new Float64Array(nFn * n),
    fnCum: new Float64Array(nFn * n),
    fnFlatVar: new Float64Array(nFn * n),
    bestValue: new Float64Array(nFn * n),
    bestSample: new Int32Array(nFn * n).fill(-1),
    fnSeen: new Int32Array(nFn).fill(-1),
    pkgFlat: new Float64Array(nPkg * n),
    pkgCum: new Float64Array(nPkg * n),
    pkgFlatVar: new Float64Array(nPkg * n),
    pkgSeen: new Int32Array(nPkg).fill(-1),
    totals: new Float64Array(n),
    totalsVar: new Float64Array(n),
  }
}

/** Go's heap profile sample types, in Go's order: what the compiled loop handles. */
const GO_HEAP_TYPES = ['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space'].join()

/**
 * Adds a profile to an aggregate. Leading `runtime.*` frames are dropped as pprof does
 * (unless the whole stack is runtime); a function or package that appears several times
 * in one stack (recursion) counts once in cum. Functions are keyed by `keyOf` (closure
 * numbers folded by default; the identity gives pprof's own per-name rows).
 */
export function addProfile(
  agg: SideAggregate,
  profile: HeapProfile,
  keyOf: (fn: string) => string = matchKey,
): void {
  const n = agg.sampleTypes.length
  const t = tables(profile, keyOf)
  const stackTable = agg.stacks ? new StackTable(n) : undefined
  // A protobuf heap profile goes through the compiled loop (2x faster on big profiles);
  // anything it does not handle, and --stacks, through the JavaScript one.
  const goTypes =
    agg.sampleTypes.join() === GO_HEAP_TYPES &&
    profile.sampleTypes.map((st) => st.type).join() === GO_HEAP_TYPES
  const compiled =
    profile.packed && !stackTable && goTypes
      ? wasmFold(profile.packed, t, profile.period)
      : undefined
  const sums = compiled ?? foldSamples(profile, t, agg.sampleTypes, stackTable)
  for (let c = 0; c < n; c++) {
    agg.totals[c] += sums.totals[c]
    agg.totalsVar[c] += sums.totalsVar[c]
  }
  const { fnFlat, fnCum, fnFlatVar, bestValue, bestSample, fnSeen } = sums
  const { pkgFlat, pkgCum, pkgFlatVar, pkgSeen } = sums
  const stackOf = (i: number) => stackFrames(profile, t, i)
  t.fnKeys.forEach((key, fn) => {
    if (fnSeen[fn] < 0) return // in no sample with a value
    const node = nodeOf(agg.functions, key, packageOf(key), n)
    for (let c = 0; c < n; c++) {
      const at = fn * n + c
      node.flat[c] += fnFlat[at]
      node.flatVar[c] += fnFlatVar[at]
      node.cum[c] += fnCum[at]
      if (bestSample[at] >= 0 && bestValue[at] > node.heaviestValue[c]) {
        node.heaviest[c] = stackOf(bestSample[at])
        node.heaviestValue[c] = bestValue[at]
      }
    }
  })
  t.pkgKeys.forEach((key, pkg) => {
    if (pkgSeen[pkg] < 0) return
    const node = nodeOf(agg.packages, key, key, n)
    for (let c = 0; c < n; c++) {
      node.flat[c] += pkgFlat[pkg * n + c]
      node.flatVar[c] += pkgFlatVar[pkg * n + c]
      node.cum[c] += pkgCum[pkg * n + c]
    }
  })
  if (!stackTable) return
  const { stacks, omitted } = stackTable.kept(sums.totals)
  agg.stacksOmitted = (agg.stacksOmitted ?? 0) + omitted
  for (const s of stacks) {
    const key = Array.from(s.ids, (fn) => t.fnKeys[fn]).join(STACK_SEPARATOR)
    const frames = stackOf(s.sample)
    const node = nodeOf(agg.stacks!, key, packageOf(frames[0].function), n)
    for (let c = 0; c < n; c++) {
      node.flat[c] += s.sums[c]
      node.flatVar[c] += s.vars[c]
      node.cum[c] += s.sums[c]
    }
    if (!node.heaviest[0]) node.heaviest.fill(frames)
  }
}

/** The sample loop in JavaScript: any profile, any sample types, and --stacks. */
export function foldSamples(
  profile: HeapProfile,
  t: FileTables,
  columns: string[],
  stackTable: StackTable | undefined,
): FoldSums {
  const n = columns.length
  const width = profile.sampleTypes.length
  const cols = profile.sampleTypes.map((t) => columns.indexOf(t.type))
  const sums = newFoldSums(t.fnKeys.length, t.pkgKeys.length, n)
  const { fnFlat, fnCum, fnFlatVar, bestValue, bestSample, fnSeen } = sums
  const { pkgFlat, pkgCum, pkgFlatVar, pkgSeen, totals, totalsVar } = sums
  const v = new Float64Array(n)
  const w = new Float64Array(n)
  const noise = samplingModel(profile, columns)
  const { frameStart, frameFn, framePkg, firstOwn } = t

  profile.forEachSample((locs, nLocs, values, i) => {
    for (let c = 0; c < n; c++) v[c] = 0
    let any = false
    for (let j = 0; j < width; j++) {
      const x = values[j]
      if (cols[j] >= 0 && x !== 0) {
        v[cols[j]] = x
        any = true
      }
    }
    if (!any) return
    noise(v, w)
    for (let c = 0; c < n; c++) {
      totals[c] += v[c]
      totalsVar[c] += w[c]
    }
    if (nLocs === 0) return
    // Skip the allocator's own leading runtime frames (all of them only if all are runtime):
    // firstKept() inline, as this runs once per sample and must not allocate.
    let k = 0
    let at = frameStart[locs[0]]
    for (let q = 0; q < nLocs; q++) {
      const own = firstOwn[locs[q]]
      if (own >= 0) {
        k = q
        at = frameStart[locs[q]] + own
        break
      }
    }
    let last = frameStart[locs[k] + 1]
    if (stackTable) {
      pushStack(t, locs, nLocs, k, at, stackTable)
      stackTable.commit(v, w, i)
    }

    // The leaf frame: flat and cum, and the heaviest stack the function allocates in.
    const leafFn = frameFn[at]
    fnSeen[leafFn] = i
    for (let c = 0, base = leafFn * n; c < n; c++) {
      const x = v[c]
      fnFlat[base + c] += x
      fnFlatVar[base + c] += w[c]
      fnCum[base + c] += x
      if (x > bestValue[base + c]) {
        bestValue[base + c] = x
        bestSample[base + c] = i
      }
    }
    let prevPkg = framePkg[at]
    pkgSeen[prevPkg] = i
    for (let c = 0, base = prevPkg * n; c < n; c++) {
      pkgFlat[base + c] += v[c]
      pkgFlatVar[base + c] += w[c]
      pkgCum[base + c] += v[c]
    }
    at++

    // The callers: cum only, once per function and package however often they recur.
    const v0 = v[0]
    const v1 = v[1]
    const v2 = v[2]
    const v3 = v[3]
    for (;;) {
      for (; at < last; at++) {
        const fn = frameFn[at]
        if (fnSeen[fn] !== i) {
          fnSeen[fn] = i
          const base = fn * n
          if (n === 4) {
            // Unrolled for the usual four sample types: this runs once per frame.
            fnCum[base] += v0
            fnCum[base + 1] += v1
            fnCum[base + 2] += v2
            fnCum[base + 3] += v3
          } else {
            for (let c = 0; c < n; c++) fnCum[base + c] += v[c]
          }
        }
        const pkg = framePkg[at]
        // Callers mostly sit in the callee's package: skipping a repeat of the previous
        // frame's package avoids a hard-to-predict branch and halves the loop's cost.
        if (pkg !== prevPkg && pkgSeen[pkg] !== i) {
          pkgSeen[pkg] = i
          const base = pkg * n
          if (n === 4) {
            pkgCum[base] += v0
            pkgCum[base + 1] += v1
            pkgCum[base + 2] += v2
            pkgCum[base + 3] += v3
          } else {
            for (let c = 0; c < n; c++) pkgCum[base + c] += v[c]
          }
        }
        prevPkg = pkg
      }
      if (++k >= nLocs) break
      at = frameStart[locs[k]]
      last = frameStart[locs[k] + 1]
    }
  })

  return sums
}

/** Pushes the function ids of a sample's kept frames, leaf first, onto `table`. */
function pushStack(
  t: FileTables,
  locs: ArrayLike<number>,
  nLocs: number,
  k0: number,
  at0: number,
  table: StackTable,
): void {
  for (let k = k0; k < nLocs; k++) {
    const last = t.frameStart[locs[k] + 1]
    for (let at = k === k0 ? at0 : t.frameStart[locs[k]]; at < last; at++) table.push(t.frameFn[at])
  }
}

/**
 * Where a stack starts once the allocator's own leading runtime frames are dropped:
 * [location position, frame within it]. A stack that is runtime only is kept whole.
 * Returns [-1, 0] for an empty stack.
 */
function firstKept(
  t: FileTables,
  locs: ArrayLike<number>,
  start: number,
  end: number,
): [number, number] {
  for (let k = start; k < end; k++) if (t.firstOwn[locs[k]] >= 0) return [k, t.firstOwn[locs[k]]]
  return start < end ? [start, 0] : [-1, 0]
}

/** The frames of sample i, leaf first, without its leading runtime frames. */
function stackFrames(profile: HeapProfile, t: FileTables, i: number): Frame[] {
  const locs = profile.locationsOf(i)
  const [k0, f0] = firstKept(t, locs, 0, locs.length)
  const frames: Frame[] = []
  for (let k = Math.max(k0, 0); k < locs.length; k++) {
    const loc = profile.locations[locs[k]]
    frames.push(...(k === k0 ? loc.slice(f0) : loc))
  }
  return frames
}

function nodeOf(map: Map<string, NodeSums>, key: string, pkg: string, n: number): NodeSums {
  let node = map.get(key)
  if (!node) {
    node = {
      name: key,
      package: pkg,
      flat: new Array<number>(n).fill(0),
      cum: new Array<number>(n).fill(0),
      flatVar: new Array<number>(n).fill(0),
      heaviest: new Array<Frame[] | undefined>(n).fill(undefined),
      heaviestValue: new Array<number>(n).fill(0),
    }
    map.set(key, node)
  }
  return node
}

/**
 * Adds an aggregate folded elsewhere (e.g. by a worker thread, over one file) into `into`,
 * matching sample types by name. The heavier stack of the two is kept.
 */
export function mergeAggregate(into: SideAggregate, from: SideAggregate): void {
  const cols = from.sampleTypes.map((t) => into.sampleTypes.indexOf(t))
  cols.forEach((c, j) => {
    if (c < 0) return
    into.totals[c] += from.totals[j]
    into.totalsVar[c] += from.totalsVar[j]
  })
  const n = into.sampleTypes.length
  const mergeMap = (target: Map<string, NodeSums>, source: Map<string, NodeSums>) => {
    for (const [key, node] of source) {
      const t = nodeOf(target, key, node.package, n)
      cols.forEach((c, j) => {
        if (c < 0) return
        t.flat[c] += node.flat[j]
        t.cum[c] += node.cum[j]
        t.flatVar[c] += node.flatVar[j]
        if (node.heaviest[j] && node.heaviestValue[j] > t.heaviestValue[c]) {
          t.heaviest[c] = node.heaviest[j]
          t.heaviestValue[c] = node.heaviestValue[j]
        }
      })
    }
  }
  mergeMap(into.functions, from.functions)
  mergeMap(into.packages, from.packages)
  if (into.stacks && from.stacks) mergeMap(into.stacks, from.stacks)
  if (from.stacksOmitted) into.stacksOmitted = (into.stacksOmitted ?? 0) + from.stacksOmitted
}

/** A profile folded on its own, over its own sample types (what a worker hands back). */
export function foldProfile(profile: HeapProfile, withStacks = false): SideAggregate {
  const agg = emptyAggregate(
    profile.sampleTypes.map((t) => t.type),
    withStacks,
  )
  addProfile(agg, profile)
  return agg
}
