// Merges the folds of several files into one, by name: sample types, functions, packages
// and stacks. Reading a file folds it (src/formats); analysis only adds folds up.
import { emptyFold, nodeOf, type Fold, type NodeSums } from '../formats/model.js'

/** The fold of one side: its files' folds merged. */
export type SideAggregate = Fold

/**
 * The folds added up over `sampleTypes` (matched by name; a type a fold lacks adds
 * nothing). The heavier stack of two is kept; stacks only when `withStacks`.
 */
export function mergeFolds(folds: Fold[], sampleTypes: string[], withStacks = false): Fold {
  const into = emptyFold(sampleTypes, withStacks)
  const n = sampleTypes.length
  for (const from of folds) {
    const cols = from.sampleTypes.map((t) => sampleTypes.indexOf(t))
    cols.forEach((c, j) => {
      if (c < 0) return
      into.totals[c] += from.totals[j]
      into.totalsVar[c] += from.totalsVar[j]
    })
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
    if (into.stacks && from.stacks) {
      mergeMap(into.stacks, from.stacks)
      into.stacksOmitted = (into.stacksOmitted ?? 0) + (from.stacksOmitted ?? 0)
    }
  }
  return into
}
