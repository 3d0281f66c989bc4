// The call tree the HTML report's flame graph draws: built root first from the judged diff's
// whole-stack rows, every sample type on one tree, small frames pruned, flattened for JSON.
import { STACK_SEPARATOR } from '../../formats/model.js'
import type { JudgedDiff } from '../../policy/types.js'
import { formatPercentChange, unitOf, type Unit } from '../../units.js'
import { escapeTerminal } from '../escape.js'
import { deltaText, valueText } from '../wording.js'

/**
 * A frame is kept when, in some sample type, it holds at least this share of that type's
 * total on either side: a tenth of a pixel on a 1,000-pixel-wide graph, a pixel after zooming
 * in tenfold. The profile fold rolls stacks up into callers at the same share.
 */
export const FLAME_MIN_SHARE = 1e-4

/** What the page's script draws; one entry per node in each per-node array, root first. */
export interface FlameData {
  /** Sample types in the diff's order, with their unit. */
  types: { name: string; unit: Unit }[]
  /** The sample type shown first (the verdict's focus). */
  focus: string
  hasBaseline: boolean
  /** Distinct frame names (controls stripped, capped); nodes refer to them by index. */
  names: string[]
  /** Per node: its name's index; node 0 is the root (`all`). */
  name: number[]
  /** Per node: its parent's index (−1 for the root); parents come before their children. */
  parent: number[]
  /** Per sample type, per node: the baseline's value (0 without a baseline). */
  baseline: number[][]
  /** Per sample type, per node: the candidate's value. */
  candidate: number[][]
  /** Per sample type, per node: `baseline → candidate` and `Δ (%)`, tab-separated. */
  text: string[][]
  /** The share under which a frame is pruned (FLAME_MIN_SHARE). */
  minShare: number
  /** Frames left out for being under `minShare` in every sample type. */
  pruned: { frames: number; share: number; candidate: number[]; baseline: number[] }
}

interface Node {
  name: string
  b: number[]
  c: number[]
  children: Map<string, Node>
}

const ROOT = 'all'

/** The flame graph's data, or undefined when the diff has no whole-stack rows. */
export function flameData(
  diff: JudgedDiff,
  focus: string,
  minShare = FLAME_MIN_SHARE,
): FlameData | undefined {
  const rows = diff.stacks
  if (!rows || rows.length === 0) return undefined
  const types = diff.sampleTypes.filter((t) => diff.totals[t.type])
  const index = new Map(types.map((t, i) => [t.type, i]))
  const n = types.length
  const node = (name: string): Node => ({
    name,
    b: new Array<number>(n).fill(0),
    c: new Array<number>(n).fill(0),
    children: new Map(),
  })
  const root = node(ROOT)
  for (const row of rows) {
    const t = index.get(row.sampleType)
    if (t === undefined) continue
    const b = row.baseline ?? 0
    const c = row.candidate
    let at = root
    at.b[t] += b
    at.c[t] += c
    const frames = row.function.split(STACK_SEPARATOR)
    for (let i = frames.length - 1; i >= 0; i--) {
      let next = at.children.get(frames[i])
      if (!next) at.children.set(frames[i], (next = node(frames[i])))
      next.b[t] += b
      next.c[t] += c
      at = next
    }
  }
  // The root is the whole profile: stacks the fold left out are its own (undrawn) width.
  types.forEach((t, i) => {
    const total = diff.totals[t.type]
    root.b[i] = Math.max(root.b[i], total.baseline ?? 0)
    root.c[i] = Math.max(root.c[i], total.candidate)
  })
  return flatten(root, types, diff.hasBaseline, focus, minShare)
}

function flatten(
  root: Node,
  types: JudgedDiff['sampleTypes'],
  hasBaseline: boolean,
  focus: string,
  minShare: number,
): FlameData {
  const n = types.length
  const floorB = root.b.map((v) => v * minShare)
  const floorC = root.c.map((v) => v * minShare)
  const kept = (x: Node) =>
    x.b.some((v, t) => v > 0 && v >= floorB[t]) || x.c.some((v, t) => v > 0 && v >= floorC[t])
  const data: FlameData = {
    types: types.map((t) => ({ name: t.type, unit: unitOf(t.unit) })),
    focus,
    hasBaseline,
    minShare,
    names: [],
    name: [],
    parent: [],
    baseline: types.map(() => []),
    candidate: types.map(() => []),
    text: types.map(() => []),
    pruned: {
      frames: 0,
      share: 0,
      candidate: new Array<number>(n).fill(0),
      baseline: new Array<number>(n).fill(0),
    },
  }
  const nameIds = new Map<string, number>()
  const nameId = (name: string) => {
    let id = nameIds.get(name)
    if (id === undefined) {
      id = data.names.length
      nameIds.set(name, id)
      data.names.push(escapeTerminal(name))
    }
    return id
  }
  // Depth first, children by name (as flame graphs order them), parents before children.
  const stack: { x: Node; parent: number }[] = [{ x: root, parent: -1 }]
  while (stack.length > 0) {
    const { x, parent } = stack.pop()!
    const id = data.name.length
    data.name.push(nameId(x.name))
    data.parent.push(parent)
    for (let t = 0; t < n; t++) {
      const b = Math.round(x.b[t])
      const c = Math.round(x.c[t])
      data.baseline[t].push(b)
      data.candidate[t].push(c)
      data.text[t].push(tip(hasBaseline ? b : null, c, data.types[t].unit))
    }
    const children = [...x.children.values()].sort((p, q) =>
      p.name < q.name ? 1 : p.name > q.name ? -1 : 0,
    )
    for (const child of children) {
      if (kept(child)) stack.push({ x: child, parent: id })
      else prune(child, data.pruned)
    }
  }
  const f = types.findIndex((t) => t.type === focus)
  if (f >= 0 && root.c[f] > 0) data.pruned.share = data.pruned.candidate[f] / root.c[f]
  return data
}

function prune(x: Node, into: FlameData['pruned']): void {
  x.c.forEach((v, t) => (into.candidate[t] += Math.round(v)))
  x.b.forEach((v, t) => (into.baseline[t] += Math.round(v)))
  let count = 0
  const walk = (y: Node) => {
    count++
    for (const c of y.children.values()) walk(c)
  }
  walk(x)
  into.frames += count
}

/** `1.5 MiB → 3 MiB` and `+1.5 MiB (+100%)`, tab-separated; the candidate alone without a baseline. */
function tip(b: number | null, c: number, unit: Unit): string {
  if (b === null) return `${valueText(c, unit)}\t`
  const change = { baseline: b, candidate: c, delta: c - b }
  return `${valueText(b, unit)} → ${valueText(c, unit)}\t${deltaText(change, unit)} (${formatPercentChange(b, c)})`
}

/**
 * The data as the text of a `<script type="application/json">`: `<`, `>`, `&`, U+2028 and
 * U+2029 as `\uXXXX`, so no name can close the element or start a comment in it.
 */
export function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}
