// The sample loop in JavaScript: any profile, any sample types, and --stacks. compiled.ts
// runs the same loop compiled (assembly/fold.ts) for Go's protobuf heap profiles.
import type { DecodedProfile } from './decoded.js'
import { samplingModel } from './sampling.js'
import type { StackTable } from './stack-table.js'
import { newFoldSums, type FoldSums } from './sums.js'
import type { FileTables } from './tables.js'

/** Sums the samples of `profile` over `columns` (sample type names), and its stacks into `stackTable`. */
export function foldSamples(
  profile: DecodedProfile,
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
  const noise = samplingModel(profile.period, columns)
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
          addCum(fnCum, fn * n, n, v, v0, v1, v2, v3)
        }
        const pkg = framePkg[at]
        // Callers mostly sit in the callee's package: skipping a repeat of the previous
        // frame's package avoids a hard-to-predict branch and halves the loop's cost.
        if (pkg !== prevPkg && pkgSeen[pkg] !== i) {
          pkgSeen[pkg] = i
          addCum(pkgCum, pkg * n, n, v, v0, v1, v2, v3)
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

/**
 * Adds a sample's values `v` (n of them; v0…v3 its first four) to a caller's cum at
 * `base`: unrolled for the usual four sample types, as this runs once per frame.
 */
function addCum(
  cum: Float64Array,
  base: number,
  n: number,
  v: Float64Array,
  v0: number,
  v1: number,
  v2: number,
  v3: number,
): void {
  if (n === 4) {
    cum[base] += v0
    cum[base + 1] += v1
    cum[base + 2] += v2
    cum[base + 3] += v3
  } else {
    for (let c = 0; c < n; c++) cum[base + c] += v[c]
  }
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
