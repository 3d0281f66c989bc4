// Merges the folds of several files into one, by name: sample types, functions, packages
// and stacks. Reading a file folds it (src/formats); analysis only adds folds up.
import { NODE_SUM_AT, NODE_SUMS, type Fold, type FoldNodes, type Frame } from '../formats/model.js'

/** Sums of one function, package or whole stack; arrays are indexed like `sampleTypes`. */
export interface NodeSums {
  name: string
  package: string
  flat: number[]
  cum: number[]
  /** Sampling variance of `flat`; 0 for exact profiles. */
  flatVar: number[]
  /** Per sample type: the heaviest stack in which this function allocates itself, if any. */
  heaviest: (Frame[] | undefined)[]
  heaviestValue: number[]
}

/** The folds of one side merged, by name, over the side's sample types. */
export interface SideAggregate {
  sampleTypes: string[]
  totals: number[]
  totalsVar: number[]
  functions: Map<string, NodeSums>
  packages: Map<string, NodeSums>
  /** Only when asked for (--stacks). */
  stacks?: Map<string, NodeSums>
  stacksOmitted?: number
}

/**
 * The folds added up over `sampleTypes` (matched by name; a type a fold lacks adds
 * nothing). Of two heaviest stacks the heavier is kept, the first on a tie; stacks only
 * when `withStacks`.
 */
export function mergeFolds(
  folds: Fold[],
  sampleTypes: string[],
  withStacks = false,
): SideAggregate {
  const n = sampleTypes.length
  const into: SideAggregate = {
    sampleTypes,
    totals: sampleTypes.map(() => 0),
    totalsVar: sampleTypes.map(() => 0),
    functions: new Map(),
    packages: new Map(),
    stacks: withStacks ? new Map() : undefined,
  }
  for (const from of folds) {
    const cols = from.sampleTypes.map((t) => sampleTypes.indexOf(t))
    cols.forEach((c, j) => {
      if (c < 0) return
      into.totals[c] += from.totals[j]
      into.totalsVar[c] += from.totalsVar[j]
    })
    mergeNodes(into.functions, from.functions, cols, n)
    mergeNodes(into.packages, from.packages, cols, n)
    if (into.stacks && from.stacks) {
      mergeNodes(into.stacks, from.stacks, cols, n)
      into.stacksOmitted = (into.stacksOmitted ?? 0) + (from.stacksOmitted ?? 0)
    }
  }
  return into
}

const { flat: FLAT, cum: CUM, flatVar: FLAT_VAR, heaviestValue: HEAVIEST } = NODE_SUM_AT

/** Adds `nodes` (over the fold's own sample types; `cols` maps them) into `target`. */
function mergeNodes(
  target: Map<string, NodeSums>,
  nodes: FoldNodes,
  cols: number[],
  n: number,
): void {
  const width = cols.length
  const { sums } = nodes
  const row = NODE_SUMS.length * width
  const targets = nodes.names.map((name, i) => {
    const t = nodeOf(target, name, nodes.packages[i], n)
    for (let j = 0, at = i * row; j < width; j++, at++) {
      const c = cols[j]
      if (c < 0) continue
      t.flat[c] += sums[at + FLAT * width]
      t.cum[c] += sums[at + CUM * width]
      t.flatVar[c] += sums[at + FLAT_VAR * width]
    }
    return t
  })
  for (const [i, j, stack] of nodes.heaviest) {
    const c = cols[j]
    if (c < 0) continue
    const t = targets[i]
    const value = sums[(i * NODE_SUMS.length + HEAVIEST) * width + j]
    if (!t.heaviest[c] || value > t.heaviestValue[c]) {
      t.heaviest[c] = stack
      t.heaviestValue[c] = value
    }
  }
}

/** The node for `key` in `map`, created with zero sums of width `n` when missing. */
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
