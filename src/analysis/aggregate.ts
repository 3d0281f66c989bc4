// Folds profiles into per-function and per-package sums, flat and cumulative.
import type { Frame, HeapProfile, StackSample } from '../formats/model.js'
import { isRuntimeFrame, matchKey, packageOf } from './names.js'

/** Sums for one function or package; arrays are indexed like `SideAggregate.sampleTypes`. */
export interface NodeSums {
  name: string
  package: string
  flat: number[]
  cum: number[]
  /**
   * Per sample type: the heaviest stack (leaf first) in which this node allocates itself,
   * else the heaviest one passing through it; and that stack's value.
   */
  heaviest: (Frame[] | undefined)[]
  heaviestValue: number[]
  heaviestIsLeaf: boolean[]
}

/** One side (several profiles) folded together. */
export interface SideAggregate {
  sampleTypes: string[]
  totals: number[]
  functions: Map<string, NodeSums>
  packages: Map<string, NodeSums>
  /** Per whole call stack (matched names, leaf first); only when asked for. */
  stacks?: Map<string, NodeSums>
}

/** Creates an empty aggregate over the given sample type names. */
export function emptyAggregate(sampleTypes: string[], withStacks = false): SideAggregate {
  return {
    sampleTypes,
    totals: sampleTypes.map(() => 0),
    functions: new Map(),
    packages: new Map(),
    stacks: withStacks ? new Map() : undefined,
  }
}

/** Separates the functions of a call stack in its name. */
export const STACK_SEPARATOR = ' ← '

/**
 * Adds a profile to an aggregate. Leading `runtime.*` frames are dropped as pprof does
 * (unless the whole stack is runtime); a function or package that appears several times
 * in one stack (recursion) counts once in cum.
 */
export function addProfile(agg: SideAggregate, profile: HeapProfile): void {
  const n = agg.sampleTypes.length
  // Column of each of the profile's sample types in the aggregate (-1: not tracked).
  const cols = profile.sampleTypes.map((t) => agg.sampleTypes.indexOf(t.type))
  const names = new Map<string, { key: string; pkg: string }>()
  const ident = (fn: string) => {
    let id = names.get(fn)
    if (!id) {
      id = { key: matchKey(fn), pkg: packageOf(fn) }
      names.set(fn, id)
    }
    return id
  }
  const values = new Array<number>(n)
  for (const sample of profile.samples) {
    values.fill(0)
    let any = false
    for (let i = 0; i < cols.length; i++) {
      if (cols[i] >= 0 && sample.values[i] !== 0) {
        values[cols[i]] = sample.values[i]
        any = true
      }
    }
    if (!any) continue
    for (let c = 0; c < n; c++) agg.totals[c] += values[c]
    const frames = trimRuntime(sample)
    if (frames.length === 0) continue
    if (agg.stacks) {
      const leaf = ident(frames[0].function)
      const key = frames.map((f) => ident(f.function).key).join(STACK_SEPARATOR)
      add(agg.stacks, key, leaf.pkg, values, true, frames)
    }
    const seenFn = new Set<string>()
    const seenPkg = new Set<string>()
    for (let f = 0; f < frames.length; f++) {
      const { key, pkg } = ident(frames[f].function)
      const isLeaf = f === 0
      if (!seenFn.has(key)) {
        seenFn.add(key)
        add(agg.functions, key, pkg, values, isLeaf, frames)
      }
      if (!seenPkg.has(pkg)) {
        seenPkg.add(pkg)
        add(agg.packages, pkg, pkg, values, isLeaf, frames)
      }
    }
  }
}

function add(
  map: Map<string, NodeSums>,
  key: string,
  pkg: string,
  values: number[],
  isLeaf: boolean,
  frames: Frame[],
): void {
  let node = map.get(key)
  const n = values.length
  if (!node) {
    node = {
      name: key,
      package: pkg,
      flat: new Array<number>(n).fill(0),
      cum: new Array<number>(n).fill(0),
      heaviest: new Array<Frame[] | undefined>(n).fill(undefined),
      heaviestValue: new Array<number>(n).fill(0),
      heaviestIsLeaf: new Array<boolean>(n).fill(false),
    }
    map.set(key, node)
  }
  for (let c = 0; c < n; c++) {
    const v = values[c]
    if (v === 0) continue
    if (isLeaf) node.flat[c] += v
    node.cum[c] += v
    const better = isLeaf
      ? !node.heaviestIsLeaf[c] || v > node.heaviestValue[c]
      : !node.heaviestIsLeaf[c] && v > node.heaviestValue[c]
    if (better) {
      node.heaviestValue[c] = v
      node.heaviest[c] = frames
      node.heaviestIsLeaf[c] = isLeaf
    }
  }
}

/** Drops the allocator's own frames at the leaf, keeping at least one frame. */
function trimRuntime(sample: StackSample): Frame[] {
  const frames = sample.frames
  let i = 0
  while (i < frames.length && isRuntimeFrame(frames[i].function)) i++
  return i === 0 || i === frames.length ? frames : frames.slice(i)
}
