// The real scenarios the golden tests run through the CLI (fixtures/golden/<name>.*), shared
// with the tests that render them at other widths.
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fixturePath } from './fixtures.js'
import { renamedProfile } from './rewrite.js'

/** Both files of one real run of the service: heap profile and MemStats. */
const run = (name: string) => [`fixtures/${name}.pb.gz`, `fixtures/${name}.memstats.json`]
const DEMO = ['-b', ...run('baseline-seed1'), '-c', ...run('leak-cache')]
/** Three run folders of fixtures/runs/<name>. */
const runDirs = (name: string) => [1, 2, 3].map((i) => `fixtures/runs/${name}/run-${i}`)

/** Names a fork could give its functions and files: every trick a comment could fall for. */
export const HOSTILE_NAMES: Record<string, string> = {
  'main.(*Cache).Put':
    'main.(*Cache).Put|<img src=x onerror=alert(1)> @octocat #1 <!-- gomem-gate --> ```\n' +
    '[x](http://evil.example) www.evil.example http://1249717606/ \u001b[31mred\u001b]0;title\u0007',
  'container/list.(*List).insertValue':
    '<script>alert(1)</script> **bold** ~~gone~~ @acme/admins #42 https://localhost/x ' +
    'http://0x4a7d5a46/ http://0112.0175.0132.0106/ https://intranet/ http://evil%2eexample/ ' +
    'http://evil\uFF0Eexample/ mailto:a@evil.example',
}
export const HOSTILE_FILE = (path: string) =>
  path === 'gomemgate/fixtures/service/cache.go'
    ? 'gomemgate/<!-- x -->/```/@octocat/www.evil.example/<b>cache.go'
    : path

export interface Scenario {
  name: string
  /** Arguments after `compare`, paths relative to the repository root (or to `dir()`). */
  args: string[]
  /** Makes the directory to run in, when the scenario needs derived files. */
  dir?: () => string
}

/**
 * A directory holding the baseline fixture and, under derived/, the leak-cache profile with
 * hostile names: the report shows the same relative paths on every machine.
 */
function hostileDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gomem-gate-golden-'))
  mkdirSync(join(dir, 'fixtures'))
  mkdirSync(join(dir, 'derived'))
  copyFileSync(fixturePath('baseline-seed1.pb.gz'), join(dir, 'fixtures', 'baseline-seed1.pb.gz'))
  writeFileSync(
    join(dir, 'derived', 'hostile-names.pb.gz'),
    renamedProfile('leak-cache.pb.gz', (n) => HOSTILE_NAMES[n] ?? n, HOSTILE_FILE),
  )
  return dir
}

/** Every golden scenario (fixtures/golden/<name>.*). */
export const SCENARIOS: Scenario[] = [
  { name: 'demo-leak', args: DEMO },
  {
    name: 'demo-leak-ignored',
    args: [...DEMO, '--config', 'fixtures/golden/demo-leak-ignored.yml'],
  },
  { name: 'alloc-churn', args: ['-b', ...run('baseline-seed1'), '-c', ...run('alloc-churn')] },
  {
    name: 'goroutine-leak',
    args: [
      '-b',
      ...run('baseline-seed1'),
      'fixtures/baseline-seed1.goroutine.pb.gz',
      '-c',
      ...run('leak-goroutines'),
      'fixtures/leak-goroutines.goroutine.pb.gz',
    ],
  },
  { name: 'drop-buffers', args: ['-b', ...run('baseline-seed1'), '-c', ...run('drop-buffers')] },
  {
    name: 'drop-buffers-retained',
    args: [
      ...['-b', ...run('baseline-seed1'), '-c', ...run('drop-buffers')],
      ...['--config', 'fixtures/golden/drop-buffers-retained.yml'],
    ],
  },
  { name: 'leak-series', args: ['--series', 'fixtures/series/leak/*'] },
  {
    name: 'benchmarks',
    args: ['-b', 'fixtures/bench-baseline.txt', '-c', 'fixtures/bench-candidate.txt'],
  },
  { name: 'no-baseline', args: ['-c', ...run('leak-cache')] },
  {
    name: 'hostile-names',
    args: ['-b', 'fixtures/baseline-seed1.pb.gz', '-c', 'derived/hostile-names.pb.gz'],
    dir: hostileDir,
  },
  { name: 'no-change', args: ['-b', ...run('baseline-seed1'), '-c', ...run('baseline-seed2')] },
  { name: 'stacks', args: [...DEMO, '--stacks'] },
  {
    // Three runs a side cannot prove the 4 MiB leak: the verdict says it could not judge.
    name: 'too-few-runs',
    args: ['-b', ...runDirs('baseline'), '-c', ...runDirs('leak-4mib')],
  },
  {
    name: 'gctrace-leak',
    args: [
      '-b',
      'fixtures/sessions-flat-seed1.gctrace.txt',
      '-c',
      'fixtures/sessions-leak.gctrace.txt',
    ],
  },
  // gomem-gate go-test's files of fixtures/go/shop, one set per package: the candidate tag's
  // cache keeps what it should evict, in one package of four.
  {
    name: 'packages',
    args: ['-b', 'fixtures/gotest-shop/baseline/*', '-c', 'fixtures/gotest-shop/candidate/*'],
  },
]
