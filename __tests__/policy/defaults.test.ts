import { loadPolicy } from '../../src/policy/config.js'
import { DEFAULT_RULES } from '../../src/policy/defaults.js'
import { evaluate } from '../../src/policy/evaluate.js'
import { leakyCacheDiff, makeDiff, MiB } from './diffs.js'

const TODAY = '2026-06-15'
const defaults = () => loadPolicy(undefined, '.github/gomem-gate.yml')

/** Two runs of the same code: every figure within a few percent, sampling noise included. */
function unchangedDiff() {
  return makeDiff({
    totals: {
      alloc_objects: [1_450_000, 1_471_000],
      alloc_space: [310 * MiB, 322 * MiB],
      inuse_objects: [210_000, 214_500],
      inuse_space: [40 * MiB, 42.5 * MiB],
    },
    memstats: {
      HeapInuse: [48 * MiB, 50 * MiB],
      StackInuse: [1.2 * MiB, 1.4 * MiB],
      Goroutines: [42, 47],
      NumGC: [31, 33],
    },
    allocators: [
      { fn: 'main.(*Cache).Put', values: [12 * MiB, 13.5 * MiB] },
      { fn: 'bufio.NewReaderSize', values: [0, 0.5 * MiB] },
      { fn: 'main.(*Cache).Put', type: 'alloc_space', values: [40 * MiB, 52 * MiB] },
    ],
  })
}

describe('built-in defaults', () => {
  test('every default rule is named, documented by metric and scope, and checkable', () => {
    for (const r of DEFAULT_RULES) {
      expect(r.id).toMatch(/^default:/)
      expect(r.line).toBe(0)
      expect(r.maxIncrease !== undefined || r.max !== undefined).toBe(true)
    }
  })

  test('two runs of unchanged code pass', () => {
    const v = evaluate(unchangedDiff(), defaults(), TODAY).verdict
    expect(v.violations).toEqual([])
    expect(v.status).toBe('pass')
    expect(v.warnings).toEqual([])
  })

  test('a +20 MiB leak fails, on the total and on the leaking function', () => {
    const v = evaluate(leakyCacheDiff(), defaults(), TODAY).verdict
    expect(v.status).toBe('fail')
    expect(v.policySource).toBe('built-in defaults')
    const hits = v.violations.map((x) => `${x.rule} ${x.subject}`)
    expect(hits).toEqual([
      'default:HeapAlloc HeapAlloc',
      'default:HeapInuse HeapInuse',
      'default:inuse_space inuse_space',
      'default:allocator:inuse_space main.(*Cache).Put',
    ])
    expect(v.violations[2].limitText).toBe('+20% (changes under 4 MiB ignored)')
  })

  test('leaked goroutines fail on their count and their stacks', () => {
    const diff = makeDiff({
      memstats: { Goroutines: [42, 1042], StackInuse: [1.2 * MiB, 9.2 * MiB] },
    })
    const v = evaluate(diff, defaults(), TODAY).verdict
    expect(v.violations.map((x) => x.subject).sort()).toEqual(['Goroutines', 'StackInuse'])
  })
})
