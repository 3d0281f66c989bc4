// The per-profile view, as a user meets it: one file per package (as `gomem-gate go-test`
// names them), a regression in one package of many, packages added and removed, `profile:`
// rules and budgets. The files are real profiles, copied under package names.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileStemOf, profileNameOf } from '../../src/profile-name.js'
import { cli, tempDir } from '../helpers/cli.js'
import { fixturePath as fx } from '../helpers/fixtures.js'
import { CMARK_GFM_MISSING, hasCmarkGfm, linksIn, renderGfm, tagsIn } from '../helpers/gfm.js'

/** A folder holding `files` (import path → fixture name) as go-test names them. */
function side(files: Record<string, string>): string {
  const dir = tempDir()
  for (const [pkg, fixture] of Object.entries(files)) {
    copyFileSync(fx(fixture), join(dir, `${fileStemOf(pkg)}.pb.gz`))
  }
  return dir
}

/** Eight packages of unchanged code: three real runs of the same program, in turn. */
const PACKAGES = Array.from({ length: 8 }, (_, i) => `example.com/shop/p${i}`)
const steady = (offset: number) =>
  Object.fromEntries(PACKAGES.map((p, i) => [p, `baseline-seed${((i + offset) % 3) + 1}.pb.gz`]))

function compare(base: string, cand: string, ...args: string[]) {
  const r = cli([
    'compare',
    '--format',
    'json',
    '--baseline',
    join(base, '*'),
    '--candidate',
    join(cand, '*'),
    ...args,
  ])
  return { ...r, report: r.stdout ? JSON.parse(r.stdout) : undefined }
}

interface JsonViolation {
  rule: string
  profile?: string
  subject: string
  metric: string
}

describe('profile names', () => {
  test.each([
    ['example.com/shop/cache', 'example.com%2Fshop%2Fcache'],
    ['github.com/a/b/v2/internal/x', 'github.com%2Fa%2Fb%2Fv2%2Finternal%2Fx'],
    ['odd%name/x', 'odd%25name%2Fx'],
  ])('%s is stored as %s.pb.gz and read back', (pkg, stem) => {
    expect(fileStemOf(pkg)).toBe(stem)
    for (const suffix of ['.pb.gz', '.gctrace.txt', '.memstats.json'])
      expect(profileNameOf(`out/${stem}${suffix}`)).toBe(pkg)
  })

  test('a name is the file name without the suffix that says what the file is', () => {
    expect(profileNameOf('runs/run-1/heap.pb.gz')).toBe('heap')
    expect(profileNameOf('baseline-seed1.memstats.json')).toBe('baseline-seed1')
    expect(profileNameOf('leak.goroutine.pb.gz')).toBe('leak')
    // Only the base name counts: a folder never becomes part of it.
    expect(profileNameOf('a%2Fb/c.pb.gz')).toBe('c')
  })
})

describe('the per-profile view', () => {
  test('one profile per side, named differently, is one program: no per-profile view', () => {
    const r = compare(
      side({ 'example.com/a': 'baseline-seed1.pb.gz' }),
      side({ 'example.com/b': 'baseline-seed2.pb.gz' }),
    )
    expect(r.status).toBe(0)
    expect(r.report.profiles).toBeNull()
  })

  test('a heap profile beside a MemStats file is one program too', () => {
    const r = cli([
      'compare',
      '-f',
      'json',
      '-b',
      fx('baseline-seed1.pb.gz'),
      fx('baseline-seed1.memstats.json'),
      '-c',
      fx('baseline-seed2.pb.gz'),
      fx('baseline-seed2.memstats.json'),
    ])
    expect(JSON.parse(r.stdout).profiles).toBeNull()
  })

  test('eight packages of unchanged code pass, each with its own totals', () => {
    const r = compare(side(steady(0)), side(steady(1)))
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.report.profiles.map((p: { name: string }) => p.name).sort()).toEqual(PACKAGES)
    for (const p of r.report.profiles) {
      expect(p.presence).toBe('both')
      expect(p.totals.inuse_space.baseline).toBeGreaterThan(0)
      expect(p.files.candidate).toHaveLength(1)
    }
  })

  test('a leak in one package of eight fails on that package, though the sum stays under its limit', () => {
    const cand = steady(0)
    cand['example.com/shop/p5'] = 'leak-cache.pb.gz'
    const r = compare(side(steady(0)), side(cand))
    expect(r.status).toBe(1)
    const total = r.report.totals.inuse_space
    // The whole side grew by less than its +20 %: only the package's own rule sees the leak.
    expect(total.delta / total.baseline).toBeLessThan(0.2)
    const violations: JsonViolation[] = r.report.violations
    expect(violations.map((v) => v.rule)).not.toContain('default:inuse_space')
    expect(violations).toContainEqual(
      expect.objectContaining({
        rule: 'default:profile:inuse_space',
        profile: 'example.com/shop/p5',
        subject: 'inuse_space',
      }),
    )
    expect(r.report.profiles[0]).toMatchObject({ name: 'example.com/shop/p5', violations: 1 })
    expect(r.report.profiles[0].growers[0].function).toBe('main.(*Cache).Put')

    const text = cli([
      'compare',
      '--width',
      '100',
      '-b',
      join(side(steady(0)), '*'),
      '-c',
      join(side(cand), '*'),
    ])
    expect(text.stdout).toMatch(/^Per profile \(inuse_space\): 8 profiles · 1 with violations/m)
    // The rule keeps the end of its name, the package all of its.
    expect(text.stdout).toMatch(/ofile:inuse_space\s+example\.com\/shop\/p5\s+inuse_space/)
  })

  test('a package added and one removed are named, and the totals sum the others', () => {
    const base = steady(0)
    delete base['example.com/shop/p7']
    const cand = steady(1)
    delete cand['example.com/shop/p0']
    // The new package holds the leak: a ceiling could judge it, growth from nothing cannot.
    cand['example.com/shop/p7'] = 'leak-cache.pb.gz'
    const r = compare(side(base), side(cand))
    expect(r.status).toBe(0)
    const byName = Object.fromEntries(r.report.profiles.map((p: { name: string }) => [p.name, p]))
    expect(byName['example.com/shop/p7'].presence).toBe('new')
    expect(byName['example.com/shop/p7'].totals.inuse_space.baseline).toBeNull()
    expect(byName['example.com/shop/p0'].presence).toBe('gone')
    expect(r.report.files).toHaveLength(14)
    expect(r.report.warnings).toContainEqual(
      expect.stringMatching(
        /new in the candidate: example.com\/shop\/p7; gone from it: example.com\/shop\/p0; the totals sum the 6 profiles/,
      ),
    )
    // 6 shared packages per side: the whole side's inuse_space is theirs, not 7 packages'.
    const shared = r.report.profiles.filter((p: { presence: string }) => p.presence === 'both')
    const sum = shared.reduce(
      (n: number, p: { totals: { inuse_space: { candidate: number } } }) =>
        n + p.totals.inuse_space.candidate,
      0,
    )
    expect(r.report.totals.inuse_space.candidate).toBe(sum)
  })
})

describe('profile: rules', () => {
  function config(text: string): string {
    const dir = tempDir()
    writeFileSync(join(dir, 'gomem-gate.yml'), text)
    return join(dir, 'gomem-gate.yml')
  }

  test('a budget per package fails only the packages over it, also without a baseline', () => {
    // Exact profiles (MemProfileRate = 1), as go-test writes them: a ceiling is no guess.
    // Odd packages hold the run with 1.8 MiB more live heap.
    const cand = side(
      Object.fromEntries(
        PACKAGES.map((p, i) => [p, `rate1/${i % 2 ? 'leak-1.8mib' : 'baseline-seed1'}.pb.gz`]),
      ),
    )
    const sizes = (report: {
      profiles: { name: string; totals: Record<string, { candidate: number }> }[]
    }) => Object.fromEntries(report.profiles.map((p) => [p.name, p.totals.inuse_space.candidate]))
    const plain = sizes(JSON.parse(cli(['compare', '-f', 'json', '-c', join(cand, '*')]).stdout))
    const budget = Math.round((plain[PACKAGES[0]] + plain[PACKAGES[1]]) / 2)
    const cfg = config(
      [
        'rules:',
        '  - name: small-packages',
        "    profile: 'regex:^example\\.com/shop/p[0-3]$'",
        '    metric: inuse_space',
        `    max: ${budget}B`,
      ].join('\n'),
    )
    const r = cli(['compare', '-f', 'json', '-c', join(cand, '*'), '--config', cfg])
    expect(r.status).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(report.status).toBe('no-baseline')
    const over = report.violations.filter((v: JsonViolation) => v.rule === 'small-packages')
    expect(over.map((v: JsonViolation) => v.profile).sort()).toEqual([
      'example.com/shop/p1',
      'example.com/shop/p3',
    ])
  })

  test('an allocator rule scoped to one package judges that package alone', () => {
    const cand = steady(0)
    cand['example.com/shop/p2'] = 'leak-cache.pb.gz'
    const cfg = config(
      [
        'defaults: false',
        'rules:',
        '  - name: p2-cache',
        "    profile: 'example.com/shop/p2'",
        "    allocator: 'main.(*Cache).*'",
        '    metric: inuse_space',
        '    max-increase: 10%',
        '  - name: others-cache',
        "    profile: '/shop.p[3-7]$/'",
        "    allocator: 'main.(*Cache).*'",
        '    metric: inuse_space',
        '    max-increase: 10%',
      ].join('\n'),
    )
    const r = compare(side(steady(0)), side(cand), '--config', cfg)
    expect(r.status).toBe(1)
    const violations: JsonViolation[] = r.report.violations
    expect(violations.map((v) => `${v.rule} ${v.profile} ${v.subject}`)).toEqual([
      'p2-cache example.com/shop/p2 main.(*Cache).Put',
    ])
  })

  test('a waiver with profile: silences that package only', () => {
    const cand = steady(0)
    cand['example.com/shop/p5'] = 'leak-cache.pb.gz'
    cand['example.com/shop/p6'] = 'leak-cache.pb.gz'
    const cfg = config(
      [
        'waivers:',
        '  - subject: inuse_space',
        "    profile: 'example.com/shop/p5'",
        '    reason: the cache of p5 grows on purpose',
        '    expires: 2099-01-01',
      ].join('\n'),
    )
    const r = compare(side(steady(0)), side(cand), '--config', cfg)
    const profiled = (list: JsonViolation[]) =>
      list.filter((v) => v.rule === 'default:profile:inuse_space').map((v) => v.profile)
    expect(profiled(r.report.waived)).toEqual(['example.com/shop/p5'])
    expect(profiled(r.report.violations)).toEqual(['example.com/shop/p6'])
  })

  test('a profile pattern that matches nothing is a warning naming the rule', () => {
    const cfg = config(
      [
        'rules:',
        "  - profile: 'example.com/other/*'",
        '    metric: inuse_space',
        '    max: 1GiB',
      ].join('\n'),
    )
    const r = compare(side(steady(0)), side(steady(1)), '--config', cfg)
    expect(r.status).toBe(0)
    expect(r.report.warnings).toContainEqual(
      expect.stringContaining('rules[0]: profile pattern "example.com/other/*" matches no profile'),
    )
  })

  test.each([
    ["profile: ''", /gomem-gate\.yml:2: rules\[0\]\.profile: expected a non-empty string, got ""/],
    [
      'profile: [a, b]',
      /gomem-gate\.yml:2: rules\[0\]\.profile: expected a non-empty string, got a list/,
    ],
  ])('a bad %s is one line naming the key, exit 2', (line, message) => {
    const cfg = config(
      ['rules:', `  - ${line}`, '    metric: inuse_space', '    max: 1GiB'].join('\n'),
    )
    const r = compare(side(steady(0)), side(steady(1)), '--config', cfg)
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
  })
})

describe('hostile profile names (a fork names its files)', () => {
  const hostile = [
    '<img src=x onerror=alert(1)>',
    '@octocat',
    '#1',
    'http://1249717606/x',
    '<!-- gomem-gate:gomem-gate -->',
    '[a](javascript:alert(1))',
  ]
  const run = (format = 'markdown') => {
    const base = tempDir()
    const cand = tempDir()
    mkdirSync(base, { recursive: true })
    hostile.forEach((name, i) => {
      const stem = fileStemOf(`evil/${name}`)
      copyFileSync(fx('baseline-seed1.pb.gz'), join(base, `${stem}.pb.gz`))
      copyFileSync(
        fx(i === 0 ? 'leak-cache.pb.gz' : 'baseline-seed2.pb.gz'),
        join(cand, `${stem}.pb.gz`),
      )
    })
    return cli(['compare', '-f', format, '-b', join(base, '*'), '-c', join(cand, '*')])
  }

  test('the comment names the failing package, escaped', () => {
    const r = run()
    expect(r.status).toBe(1)
    expect(r.stdout).toContain('Per profile')
    expect(r.stdout).not.toMatch(/<img|<!-- gomem-gate:gomem-gate -->|\]\(javascript/)
  })

  test('the HTML page lists them as text', () => {
    const html = run('html').stdout
    expect(html).toContain('<section id="profiles">')
    expect(html).toContain('evil/&lt;img src=x onerror=alert(1)&gt;')
    expect(html).not.toContain('<img src=x')
    expect(html).not.toContain('<!-- gomem-gate')
  })

  const rendered = hasCmarkGfm() || process.env.CI === 'true'
  ;(rendered ? test : test.skip)(
    `GitHub's renderer makes no tag, link or mention of them${rendered ? '' : ` (${CMARK_GFM_MISSING})`}`,
    () => {
      const html = renderGfm(run().stdout)
      expect([...tagsIn(html)].filter((t) => !ALLOWED.has(t))).toEqual([])
      expect(linksIn(html)).toEqual([])
    },
  )
})

/** The elements the comment itself is made of. */
const ALLOWED = new Set([
  'h3',
  'p',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'strong',
  'em',
  'code',
  'pre',
  'details',
  'summary',
  'sub',
  'blockquote',
  'ul',
  'li',
  'br',
])
