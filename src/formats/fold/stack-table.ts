// Sums per whole call stack (`--stacks`) without a string per sample: stacks are interned
// as sequences of function ids in one growing Int32Array, found by hash and compared in
// full. A profile at MemProfileRate 1 can hold a million distinct stacks; their names are
// only built for the stacks that are kept (see `kept`).
import { grown } from '../../typed-arrays.js'

/** Stacks under this share of the file's total, in every sample type, are left out. */
export const STACK_MIN_SHARE = 1e-4

/**
 * `--stacks` folds whole stacks (`true`); the HTML report's flame graph asks for `'prefixes'`:
 * the same, plus the left-out stacks rolled up into their callers (StackTable.prefixes).
 */
export type StackFold = boolean | 'prefixes'

/** A caller prefix is rolled up into when it holds this share of a sample type's total. */
export const PREFIX_MIN_SHARE = 1e-4

export class StackTable {
  private pool: Int32Array<ArrayBuffer> = new Int32Array(1 << 16)
  private poolLength = 0
  private start: Int32Array<ArrayBuffer> = new Int32Array(1 << 12)
  private length: Int32Array<ArrayBuffer> = new Int32Array(1 << 12)
  private firstSample: Int32Array<ArrayBuffer> = new Int32Array(1 << 12)
  private sums: Float64Array<ArrayBuffer>
  private vars: Float64Array<ArrayBuffer>
  /** Open addressing: slot → stack id + 1 (0 is empty), at most half full. */
  private slots: Int32Array<ArrayBuffer> = new Int32Array(1 << 13)
  private hashes: Int32Array<ArrayBuffer> = new Int32Array(1 << 12)
  private count = 0
  /** The stack being built by push(). */
  private scratch: Int32Array<ArrayBuffer> = new Int32Array(256)
  private scratchLength = 0

  /** `width`: how many values each stack sums (the aggregate's sample types). */
  constructor(private readonly width: number) {
    this.sums = new Float64Array(this.start.length * width)
    this.vars = new Float64Array(this.start.length * width)
  }

  /** Appends a function id to the stack being built (leaf first). */
  push(id: number): void {
    if (this.scratchLength === this.scratch.length) {
      this.scratch = grown(this.scratch)
    }
    this.scratch[this.scratchLength++] = id
  }

  /** Adds values `v` (variances `w`) of sample `sample` to the stack built by push(). */
  commit(v: Float64Array, w: Float64Array, sample: number): void {
    const ids = this.scratch
    const n = this.scratchLength
    this.scratchLength = 0
    let hash = 0x811c9dc5
    for (let j = 0; j < n; j++) hash = Math.imul(hash ^ ids[j], 0x01000193)
    // FNV's low bits depend only on the ids' low bits: mix (murmur3's finaliser) before masking.
    hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b)
    hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35)
    hash ^= hash >>> 16
    const mask = this.slots.length - 1
    let slot = hash & mask
    let s = this.slots[slot] - 1
    while (s >= 0 && !(this.hashes[s] === hash && this.same(s, ids, n))) {
      slot = (slot + 1) & mask
      s = this.slots[slot] - 1
    }
    if (s < 0) s = this.insert(slot, hash, ids, n, sample)
    const base = s * this.width
    for (let c = 0; c < this.width; c++) {
      this.sums[base + c] += v[c]
      this.vars[base + c] += w[c]
    }
  }

  /**
   * The stacks whose value reaches `minShare` of `totals` in some sample type, as
   * [function ids, sums, variances, first sample]; and how many were left out.
   */
  kept(
    totals: Float64Array,
    minShare = STACK_MIN_SHARE,
  ): {
    stacks: { ids: Int32Array; sums: number[]; vars: number[]; sample: number }[]
    omitted: number
  } {
    const stacks = []
    for (let s = 0; s < this.count; s++) {
      const base = s * this.width
      let big = false
      for (let c = 0; c < this.width && !big; c++) {
        big = Math.abs(this.sums[base + c]) >= minShare * Math.abs(totals[c]) && totals[c] !== 0
      }
      if (!big) continue
      stacks.push({
        ids: this.pool.subarray(this.start[s], this.start[s] + this.length[s]),
        sums: Array.from(this.sums.subarray(base, base + this.width)),
        vars: Array.from(this.vars.subarray(base, base + this.width)),
        sample: this.firstSample[s],
      })
    }
    return { stacks, omitted: this.count - stacks.length }
  }

  /**
   * The stacks `kept` left out, rolled up into caller prefixes: each is cut, at its root end,
   * to the longest prefix that holds PREFIX_MIN_SHARE of `totals` in some sample type (over
   * all stacks through it), and its values go to that prefix, as a stack of its own (ids leaf
   * first). A stack with no such prefix is dropped. Summing kept and rolled-up stacks per
   * prefix gives every prefix above the share its exact value: what a flame graph draws.
   */
  prefixes(
    totals: Float64Array,
    keptShare = STACK_MIN_SHARE,
    minShare = PREFIX_MIN_SHARE,
  ): { ids: Int32Array; sums: number[]; vars: number[]; sample: number }[] {
    const w = this.width
    const floor = Array.from(totals, (t) => Math.abs(t) * minShare)
    const isKept = (s: number) => {
      for (let c = 0; c < w; c++) {
        if (totals[c] !== 0 && Math.abs(this.sums[s * w + c]) >= keptShare * Math.abs(totals[c]))
          return true
      }
      return false
    }
    // Level by level from the root: node ids per (parent node, function); -1 = no big prefix.
    const node = new Int32Array(this.count).fill(-1)
    const deepest = new Int32Array(this.count).fill(-1)
    let active: number[] = Array.from({ length: this.count }, (_, s) => s)
    const parents: number[] = []
    const fns: number[] = []
    const groupOf = new Int32Array(this.count)
    const { pool, start, length, sums: stackSums } = this
    for (let d = 0; active.length > 0; d++) {
      // Per parent node (+1), function id → group: small integer keys keep the maps fast.
      const groups: (Map<number, number> | undefined)[] = []
      const keys: number[] = []
      let sums = new Float64Array(1024 * w)
      for (const s of active) {
        if (length[s] <= d) {
          groupOf[s] = -1
          continue
        }
        const fn = pool[start[s] + length[s] - 1 - d]
        const parent = node[s] + 1
        const byFn = groups[parent] ?? (groups[parent] = new Map())
        let g = byFn.get(fn)
        if (g === undefined) {
          g = keys.length / 2
          byFn.set(fn, g)
          keys.push(parent, fn)
          if ((g + 1) * w > sums.length) sums = grown(sums)
        }
        groupOf[s] = g
        for (let c = 0; c < w; c++) sums[g * w + c] += stackSums[s * w + c]
      }
      const ids = new Int32Array(keys.length / 2).fill(-1)
      for (let g = 0; g < ids.length; g++) {
        for (let c = 0; c < w; c++) {
          if (floor[c] > 0 && Math.abs(sums[g * w + c]) >= floor[c]) {
            ids[g] = parents.length
            parents.push(keys[2 * g] - 1)
            fns.push(keys[2 * g + 1])
            break
          }
        }
      }
      const next: number[] = []
      for (const s of active) {
        const g = groupOf[s]
        if (g < 0 || ids[g] < 0) continue
        node[s] = deepest[s] = ids[g]
        next.push(s)
      }
      active = next
    }
    const rolled = new Map<number, { sums: number[]; vars: number[]; sample: number }>()
    for (let s = 0; s < this.count; s++) {
      if (deepest[s] < 0 || isKept(s)) continue
      let r = rolled.get(deepest[s])
      if (!r) {
        r = { sums: new Array<number>(w).fill(0), vars: new Array<number>(w).fill(0), sample: -1 }
        rolled.set(deepest[s], r)
      }
      for (let c = 0; c < w; c++) {
        r.sums[c] += this.sums[s * w + c]
        r.vars[c] += this.vars[s * w + c]
      }
      if (r.sample < 0) r.sample = this.firstSample[s]
    }
    return [...rolled].map(([id, r]) => {
      const ids: number[] = []
      for (let at = id; at >= 0; at = parents[at]) ids.push(fns[at])
      return { ids: Int32Array.from(ids), ...r }
    })
  }

  private same(s: number, ids: Int32Array<ArrayBuffer>, n: number): boolean {
    if (this.length[s] !== n) return false
    const at = this.start[s]
    for (let j = 0; j < n; j++) if (this.pool[at + j] !== ids[j]) return false
    return true
  }

  private insert(
    slot: number,
    hash: number,
    ids: Int32Array<ArrayBuffer>,
    n: number,
    sample: number,
  ): number {
    if (this.poolLength + n > this.pool.length) {
      this.pool = grown(this.pool, Math.max(2 * this.pool.length, this.poolLength + n))
    }
    if (this.count === this.start.length) {
      const size = 2 * this.count
      this.start = grown(this.start, size)
      this.length = grown(this.length, size)
      this.hashes = grown(this.hashes, size)
      this.firstSample = grown(this.firstSample, size)
      this.sums = grown(this.sums, size * this.width)
      this.vars = grown(this.vars, size * this.width)
    }
    const s = this.count++
    this.pool.set(ids.subarray(0, n), this.poolLength)
    this.start[s] = this.poolLength
    this.length[s] = n
    this.poolLength += n
    this.firstSample[s] = sample
    this.hashes[s] = hash
    this.slots[slot] = s + 1
    if (2 * this.count > this.slots.length) this.rehash()
    return s
  }

  private rehash(): void {
    this.slots = new Int32Array(2 * this.slots.length)
    const mask = this.slots.length - 1
    for (let s = 0; s < this.count; s++) {
      let slot = this.hashes[s] & mask
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask
      this.slots[slot] = s + 1
    }
  }
}
