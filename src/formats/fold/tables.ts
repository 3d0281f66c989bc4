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
  pkgKeys: string[]
  frameStart: Int32Array
  frameFn: Int32Array
  framePkg: Int32Array
  /** Per location: its first frame that is not a runtime allocator frame, -1 if none. */
  firstOwn: Int32Array
}

/** The tables of `profile`, functions keyed by `keyOf`. */
export function tables(profile: DecodedProfile, keyOf: (fn: string) => string): FileTables {
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
