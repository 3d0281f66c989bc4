// A snapshot as it crosses from a worker thread to the main thread (the pool's results). Its fold travels with
// names in arrays and the sums in one Float64Array per map, not a NodeSums object (and
// five small arrays) per function. Structured clone copies a typed array as bytes: for the
// 3,000 functions of a big profile the objects took 20-46 ms to deserialize on the main
// thread, this 3-6 ms.
import {
  NODE_SUMS,
  type Fold,
  type Frame,
  type HeapProfile,
  type NodeSums,
  type Snapshot,
} from '../formats/model.js'

/** One map of NodeSums, by columns: sums[(i * NODE_SUMS.length + field) * n + c]. */
interface PackedSums {
  names: string[]
  packages: string[]
  /** The NODE_SUMS fields of each node, n values each. */
  sums: Float64Array
  /** [node index, column, stack] for each heaviest stack that is set. */
  heaviest: [number, number, Frame[]][]
}

/** A Fold in transfer form. */
export interface PackedFold {
  sampleTypes: string[]
  totals: number[]
  totalsVar: number[]
  functions: PackedSums
  packages: PackedSums
  stacks?: PackedSums
  stacksOmitted?: number
}

/** A Snapshot in transfer form: its profile's fold packed. */
export type PackedSnapshot = Omit<Snapshot, 'profile'> & {
  profile?: Omit<HeapProfile, 'fold'> & { fold: PackedFold }
}

const WIDTH = NODE_SUMS.length

/** The transfer form of a fold. */
export function packFold(fold: Fold): PackedFold {
  const n = fold.sampleTypes.length
  const pack = (map: Map<string, NodeSums>): PackedSums => {
    const nodes = [...map.values()]
    const sums = new Float64Array(nodes.length * WIDTH * n)
    const heaviest: PackedSums['heaviest'] = []
    nodes.forEach((node, i) => {
      NODE_SUMS.forEach((field, f) => sums.set(node[field], (i * WIDTH + f) * n))
      node.heaviest.forEach((stack, c) => stack && heaviest.push([i, c, stack]))
    })
    return {
      names: nodes.map((s) => s.name),
      packages: nodes.map((s) => s.package),
      sums,
      heaviest,
    }
  }
  return {
    sampleTypes: fold.sampleTypes,
    totals: fold.totals,
    totalsVar: fold.totalsVar,
    functions: pack(fold.functions),
    packages: pack(fold.packages),
    stacks: fold.stacks && pack(fold.stacks),
    stacksOmitted: fold.stacksOmitted,
  }
}

/** The fold again, from its transfer form. */
export function unpackFold(p: PackedFold): Fold {
  const n = p.sampleTypes.length
  const unpack = (packed: PackedSums): Map<string, NodeSums> => {
    const nodes = packed.names.map((name, i) => {
      const node = {
        name,
        package: packed.packages[i],
        heaviest: new Array<Frame[] | undefined>(n).fill(undefined),
      } as NodeSums
      NODE_SUMS.forEach((field, f) => {
        // A plain loop: Array.from on a typed array goes through its iterator, 10x slower.
        const start = (i * WIDTH + f) * n
        const out = new Array<number>(n)
        for (let c = 0; c < n; c++) out[c] = packed.sums[start + c]
        node[field] = out
      })
      return node
    })
    for (const [i, c, stack] of packed.heaviest) nodes[i].heaviest[c] = stack
    return new Map(nodes.map((node) => [node.name, node]))
  }
  return {
    sampleTypes: p.sampleTypes,
    totals: p.totals,
    totalsVar: p.totalsVar,
    functions: unpack(p.functions),
    packages: unpack(p.packages),
    stacks: p.stacks && unpack(p.stacks),
    stacksOmitted: p.stacksOmitted,
  }
}

/** The transfer form of a snapshot (what a worker posts). */
export function packSnapshot(s: Snapshot): PackedSnapshot {
  const { profile, ...rest } = s
  return profile ? { ...rest, profile: { ...profile, fold: packFold(profile.fold) } } : rest
}

/** The snapshot again, from its transfer form (on the main thread). */
export function unpackSnapshot(p: PackedSnapshot): Snapshot {
  const { profile, ...rest } = p
  return profile ? { ...rest, profile: { ...profile, fold: unpackFold(profile.fold) } } : rest
}
