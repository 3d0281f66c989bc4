// Per-file integer tables the sample loops read: names worked out once per function.
import { isRuntimeFrame, packageOf } from '../names.js'
import type { DecodedProfile } from './decoded.js'

/**
 * Every frame of every location mapped to function and package ids, flattened into
 * contiguous arrays (location l's frames are at frameStart[l] … frameStart[l + 1]) so the
 * sample loop reads cache-friendly memory.
 */
export interface FileTables {
  fnKeys: string[]
  /** The package of each function key. */
  fnPackages: string[]
  pkgKeys: string[]
  frameStart: Int32Array
  frameFn: Int32Array
  framePkg: Int32Array
  /** Per location: its first frame that is not a runtime allocator frame, -1 if none. */
  firstOwn: Int32Array
}

/** What a function's name gives: its key, the key's package, its package, whether it is runtime. */
interface Names {
  key: string
  keyPackage: string
  pkg: string
  runtime: boolean
}

/**
 * Names already worked out on this thread, per `keyOf`: the files of a side mostly share
 * their functions (1,000 profiles of one service). Cleared when it holds this many.
 */
const KNOWN_MAX = 1 << 16
const known = new WeakMap<(fn: string) => string, Map<string, Names>>()

function namesOf(name: string, keyOf: (fn: string) => string): Names {
  let byName = known.get(keyOf)
  if (!byName) known.set(keyOf, (byName = new Map()))
  let names = byName.get(name)
  if (!names) {
    if (byName.size >= KNOWN_MAX) byName.clear()
    const key = keyOf(name)
    names = { key, keyPackage: packageOf(key), pkg: packageOf(name), runtime: isRuntimeFrame(name) }
    byName.set(name, names)
  }
  return names
}

/** The tables of `profile`, functions keyed by `keyOf`. */
export function tables(profile: DecodedProfile, keyOf: (fn: string) => string): FileTables {
  const fnIds = new Map<string, number>()
  const pkgIds = new Map<string, number>()
  const fnKeys: string[] = []
  const fnPackages: string[] = []
  const pkgKeys: string[] = []
  const id = (map: Map<string, number>, keys: string[], key: string) => {
    let i = map.get(key)
    if (i === undefined) {
      i = keys.push(key) - 1
      map.set(key, i)
    }
    return i
  }
  const { functions, start, fn } = profile.frames
  const locations = start.length - 1
  const frameFn = new Int32Array(fn.length)
  const framePkg = new Int32Array(fn.length)
  const firstOwn = new Int32Array(locations).fill(-1)
  // A function has a frame per call site, and a name may belong to several functions: each
  // function's ids are worked out once (-1: not yet), each name's once. Ids are numbered in
  // the order the frames meet them.
  const fnOf = new Int32Array(functions.length).fill(-1)
  const pkgOf = new Int32Array(functions.length)
  const runtimeOf = new Uint8Array(functions.length)
  const byName = new Map<string, { fn: number; pkg: number; runtime: boolean }>()
  for (let l = 0; l < locations; l++) {
    for (let at = start[l], end = start[l + 1]; at < end; at++) {
      const f = fn[at]
      if (fnOf[f] < 0) {
        const name = functions[f].name
        let ids = byName.get(name)
        if (!ids) {
          const names = namesOf(name, keyOf)
          const fn = id(fnIds, fnKeys, names.key)
          if (fn === fnPackages.length) fnPackages.push(names.keyPackage)
          ids = { fn, pkg: id(pkgIds, pkgKeys, names.pkg), runtime: names.runtime }
          byName.set(name, ids)
        }
        fnOf[f] = ids.fn
        pkgOf[f] = ids.pkg
        runtimeOf[f] = ids.runtime ? 1 : 0
      }
      frameFn[at] = fnOf[f]
      framePkg[at] = pkgOf[f]
      if (firstOwn[l] < 0 && runtimeOf[f] === 0) firstOwn[l] = at - start[l]
    }
  }
  return { fnKeys, fnPackages, pkgKeys, frameStart: start, frameFn, framePkg, firstOwn }
}
