import { render } from '../../src/report/index.js'
import { failVerdict, input, leakDiff, noBaselineDiff, passVerdict } from './helpers.js'

const ESC = '\u001b'
/** On a terminal wide enough for every table (text-width.test.ts covers narrow ones). */
const failing = (color = false) =>
  render(input(leakDiff(), failVerdict(), { color, width: 200 }), 'text')

describe('text report', () => {
  test('the verdict comes first, one line per status', () => {
    expect(failing().split('\n')[0]).toBe(
      'FAIL  gomem-gate: 2 rules violated (policy: .gomem-gate.yml)',
    )
    expect(failing().split('\n')[1]).toBe('      inuse_space 12 MiB → 30.5 MiB (+18.5 MiB, +154%)')
    expect(render(input(leakDiff(), passVerdict()), 'text').split('\n')[0]).toBe(
      'PASS  gomem-gate: no memory regression (policy: built-in defaults)',
    )
    const first = { ...passVerdict(), status: 'no-baseline' as const }
    expect(render(input(noBaselineDiff(), first), 'text').split('\n')[0]).toBe(
      'INFO  gomem-gate: no baseline yet — nothing to compare against (policy: built-in defaults)',
    )
  })

  test('violations, waivers and growers are listed', () => {
    const text = failing()
    expect(text).toMatch(
      /^ {2}cache-growth +main\.\(\*Cache\)\.Put +inuse_space +2 MiB +20 MiB +\+18 MiB \(\+900%\) +\+10%$/m,
    )
    expect(text).toMatch(/^ {2}json +encoding\/json\.Marshal .* 2026-12-31 +new encoder buffers$/m)
    expect(text).toContain(
      '! waiver for bytes.growSlice expired on 2026-01-31 and no longer applies',
    )
    const growers = text.split('Top growing allocators (inuse_space)\n')[1].split('\n\n')[0]
    expect(
      growers
        .split('\n')
        .slice(1)
        .map((l) => l.split('  ').pop()),
    ).toEqual(['main.(*Cache).Put', 'main.loadConfig', 'encoding/json.Marshal'])
    expect(text).toContain('    main.(*Cache).Put (example.com/svc/cache.go:42)')
  })

  test('columns line up', () => {
    const growers = failing().split('Top growing allocators (inuse_space)\n')[1].split('\n\n')[0]
    const lines = growers.split('\n')
    const nameAt = lines.map((l) => l.lastIndexOf('  ') + 2)
    expect(new Set(nameAt).size).toBe(1)
    const memstats = failing().split('MemStats\n')[1].split('\n\n')[0].split('\n')
    expect(new Set(memstats.map((l) => l.length)).size).toBe(1)
  })

  test('the pprof command is there to paste', () => {
    expect(failing()).toContain(
      "  go tool pprof -http=: -diff_base='bench/base/heap.pb.gz' 'bench/cand/heap.pb.gz'",
    )
  })

  test('no escape codes without color, coloured verdict and deltas with it', () => {
    expect(failing(false)).not.toContain(ESC)
    const coloured = failing(true)
    expect(coloured.startsWith(`${ESC}[1;31mFAIL${ESC}[0m`)).toBe(true)
    expect(coloured).toContain(`${ESC}[31m+18 MiB${ESC}[0m`)
    expect(render(input(leakDiff(), passVerdict(), { color: true }), 'text')).toContain(
      `${ESC}[1;32mPASS${ESC}[0m`,
    )
  })

  test('shrinkage is green', () => {
    const diff = leakDiff()
    diff.totals.inuse_space = {
      ...diff.totals.inuse_space,
      candidate: 6 * 1024 * 1024,
      delta: -6 * 1024 * 1024,
    }
    const text = render(input(diff, passVerdict(), { color: true }), 'text')
    expect(text).toContain(`${ESC}[32m-6 MiB${ESC}[0m`)
  })

  test('without a baseline there are no deltas', () => {
    const first = { ...passVerdict(), status: 'no-baseline' as const }
    const text = render(input(noBaselineDiff(), first), 'text')
    expect(text).toContain('Largest allocators (inuse_space)')
    expect(text).not.toMatch(/Δ|→ |\+\d/)
  })
})
