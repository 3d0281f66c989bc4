// A fold as it crosses from a worker thread to the main thread: names in arrays and the
// sums in one Float64Array per map, not a NodeSums object (and five small arrays) per
// function. Structured clone copies a typed array as bytes: for the 3,000 functions of a
// big profile the objects took 20-46 ms to deserialize on the main thread, this 3-6 ms.
import type { Frame } from '../formats/model.js'
import type { NodeSums, SideAggregate } from '../analysis/aggregate.js'

/** One map of NodeSums, by columns: sums[(i * FIELDS.length + field) * n + c]. */
interface PackedSums {
  names: string[]
  packages: string[]
  /** flat, cum, flatVar and heaviestValue of each node, n values each. */
  sums: Float64Array
  /** [node index, column, stack] for each heaviest stack that is set. */
  heaviest: [number, number, Frame[]][]
}

/** A SideAggregate in transfer form. */
export interface PackedAggregate {
  sampleTypes: string[]
  totals: number[]
  totalsVar: number[]
  functions: PackedSums
  packages: PackedSums
  stacks?: PackedSums
  stacksOmitted?: number
}

const FIELDS = ['flat', 'cum', 'flatVar', 'heaviestValue'] as const

/** The transfer form of a fold (what a worker posts). */
export function packAggregate(agg: SideAggregate): PackedAggregate {
  const n = agg.sampleTypes.length
  const pack = (map: Map<string, NodeSums>): PackedSums => {
    const nodes = [...map.values()]
    const sums = new Float64Array(nodes.length * FIELDS.length * n)
    const heaviest: PackedSums['heaviest'] = []
    nodes.forEach((node, i) => {
      FIELDS.forEach((field, f) => sums.set(node[field], (i * FIELDS.length + f) * n))
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
    sampleTypes: agg.sampleTypes,
    totals: agg.totals,
    totalsVar: agg.totalsVar,
    functions: pack(agg.functions),
    packages: pack(agg.packages),
    stacks: agg.stacks && pack(agg.stacks),
    stacksOmitted: agg.stacksOmitted,
  }
}

/** The fold again, from its transfer form (on the main thread). */
export function unpackAggregate(p: PackedAggregate): SideAggregate {
  const n = p.sampleTypes.length
  const unpack = (packed: PackedSums): Map<string, NodeSums> => {
    const nodes = packed.names.map((name, i): NodeSums => {
      // A plain loop: Array.from on a typed array goes through its iterator, 10x slower.
      const at = (f: number) => {
        const start = (i * FIELDS.length + f) * n
        const out = new Array<number>(n)
        for (let c = 0; c < n; c++) out[c] = packed.sums[start + c]
        return out
      }
      return {
        name,
        package: packed.packages[i],
        flat: at(FIELDS.indexOf('flat')),
        cum: at(FIELDS.indexOf('cum')),
        flatVar: at(FIELDS.indexOf('flatVar')),
        heaviestValue: at(FIELDS.indexOf('heaviestValue')),
        heaviest: new Array<Frame[] | undefined>(n).fill(undefined),
      }
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
