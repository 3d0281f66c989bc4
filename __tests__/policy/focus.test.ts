import { loadPolicy } from '../../src/policy/config.js'
import { evaluate } from '../../src/policy/evaluate.js'
import { isOwnCode } from '../../src/policy/focus.js'
import { makeDiff, MiB } from './diffs.js'

const TODAY = '2026-06-15'
const only = (yaml: string) => loadPolicy(`defaults: false\n${yaml}`, 'p.yml')
const rule = (metric: string, extra = '') =>
  only(`rules:\n  - metric: ${metric}\n    max-increase: 10%\n${extra}`)

/** A churning service: allocation volume tripled, live heap flat, Sys and idle heap up. */
const churn = () =>
  makeDiff({
    totals: { alloc_space: [180 * MiB, 640 * MiB], inuse_space: [16 * MiB, 15 * MiB] },
    memstats: {
      Sys: [60 * MiB, 76 * MiB],
      HeapIdle: [24 * MiB, 40 * MiB],
      HeapAlloc: [14 * MiB, 20 * MiB],
      Goroutines: [10, 400],
      Mallocs: [1_000_000, 3_000_000],
    },
    allocators: [
      { fn: 'bytes.growSlice', type: 'alloc_space', values: [35 * MiB, 219 * MiB] },
      { fn: 'main.(*Cache).Put', values: [2 * MiB, 2 * MiB] },
    ],
  })

describe('the focus is the sample type of the worst violation', () => {
  test.each([
    ['alloc_space', 'alloc_space', 'alloc_space'],
    ['Sys', 'alloc_space', 'alloc_space'],
    ['HeapIdle', 'alloc_space', 'alloc_space'],
    ['Mallocs', 'alloc_objects', 'inuse_space'],
    ['HeapAlloc', 'inuse_space', 'inuse_space'],
    ['Goroutines', null, 'inuse_space'],
  ])('a %s violation is about %s; the focus is %s', (metric, sampleType, focus) => {
    const { verdict } = evaluate(churn(), rule(metric), TODAY)
    expect(verdict.violations.map((v) => [v.metric, v.sampleType])).toEqual([[metric, sampleType]])
    // alloc_objects has no total here, so a Mallocs finding leaves the diff's own focus.
    expect(verdict.focus).toBe(focus)
  })

  test('without a violation the focus is the diff’s; an asked sample type always wins', () => {
    expect(evaluate(churn(), only(''), TODAY).verdict.focus).toBe('inuse_space')
    const asked = { ...churn(), focusAsked: true }
    expect(evaluate(asked, rule('alloc_space'), TODAY).verdict.focus).toBe('inuse_space')
  })

  test('an ignored function is no row of the judged diff; totals stay', () => {
    const { diff } = evaluate(churn(), rule('alloc_space', 'ignore:\n  - bytes.*\n'), TODAY)
    expect(diff.allocators.map((r) => r.function)).toEqual(['main.(*Cache).Put'])
    expect(diff.totals.alloc_space.delta).toBe(460 * MiB)
  })

  test('own code: main and module paths; the standard library is not', () => {
    expect(['main', 'github.com/acme/svc', 'example.com/x/y'].every(isOwnCode)).toBe(true)
    expect(['bytes', 'encoding/json', 'runtime', ''].some(isOwnCode)).toBe(false)
  })
})
