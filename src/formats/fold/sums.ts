// What the sample loop sums over one file, by function and package id. The layout is
// written here only: the JavaScript loop, the compiled one (which is handed the places
// of these arrays in this order) and the reading back all take it from FOLD_LAYOUT.

/**
 * Each array of the sums: whose it is (per function, per package or the file's), whether it
 * holds one value per sample type (`each`, at id * n + column) or one per owner, and its
 * element type and start value. `fnSeen`/`pkgSeen` hold the last sample an id was counted
 * in (-1: in no sample with a value); `bestSample` is the sample whose value was the
 * largest a function allocated itself, `bestValue` that value.
 */
export const FOLD_LAYOUT = {
  fnFlat: { per: 'fn', each: true },
  fnCum: { per: 'fn', each: true },
  fnFlatVar: { per: 'fn', each: true },
  bestValue: { per: 'fn', each: true },
  bestSample: { per: 'fn', each: true, int: true, fill: -1 },
  fnSeen: { per: 'fn', each: false, int: true, fill: -1 },
  pkgFlat: { per: 'pkg', each: true },
  pkgCum: { per: 'pkg', each: true },
  pkgFlatVar: { per: 'pkg', each: true },
  pkgSeen: { per: 'pkg', each: false, int: true, fill: -1 },
  totals: { per: 'file', each: true },
  totalsVar: { per: 'file', each: true },
} as const

type Layout = typeof FOLD_LAYOUT

/** The sums of one file, one typed array per entry of FOLD_LAYOUT. */
export type FoldSums = {
  [K in keyof Layout]: Layout[K] extends { int: true } ? Int32Array : Float64Array
}

/** The arrays of FoldSums in layout order. */
export const FOLD_SUMS = Object.keys(FOLD_LAYOUT) as (keyof FoldSums)[]

/** Empty sums for `nFn` functions and `nPkg` packages, `n` columns each. */
export function newFoldSums(nFn: number, nPkg: number, n: number): FoldSums {
  const owners = { fn: nFn, pkg: nPkg, file: 1 }
  const out: Record<string, Float64Array | Int32Array> = {}
  for (const key of FOLD_SUMS) {
    const f: { per: keyof typeof owners; each: boolean; int?: true; fill?: number } =
      FOLD_LAYOUT[key]
    const length = owners[f.per] * (f.each ? n : 1)
    const a = f.int ? new Int32Array(length) : new Float64Array(length)
    if (f.fill !== undefined) a.fill(f.fill)
    out[key] = a
  }
  return out as FoldSums
}
