import {
  codeFence,
  escapeHtml,
  escapeMarkdown,
  escapeTerminal,
  MAX_NAME_LENGTH,
  shellQuote,
  stripControls,
} from '../../src/report/escape.js'

describe('escapeMarkdown', () => {
  test('keeps an ordinary Go name readable once rendered', () => {
    expect(escapeMarkdown('main.(*Cache).Put')).toBe('main\\.\\(\\*Cache\\)\\.Put')
    expect(escapeMarkdown('net/http.HandlerFunc.ServeHTTP')).toBe(
      'net/http\\.HandlerFunc\\.ServeHTTP',
    )
  })

  test('turns HTML into text, so no tag or comment survives', () => {
    const s = escapeMarkdown('main.(*T).Put|<img src=x onerror=alert(1)>')
    expect(s).not.toContain('<')
    expect(s).toContain('&lt;img src=x onerror=alert\\(1\\)&gt;')
    expect(escapeMarkdown('<!-- gomem-gate -->')).toBe('&lt;\\!\\-\\- gomem\\-gate \\-\\-&gt;')
    expect(escapeMarkdown(`a&b "c" 'd'`)).toBe('a&amp;b &quot;c&quot; &#39;d&#39;')
  })

  test('escapes every pipe so a table cell cannot be split', () => {
    expect(escapeMarkdown('a|b||c')).toBe('a\\|b\\|\\|c')
    // A backslash before the pipe is escaped too, so the pipe stays escaped.
    expect(escapeMarkdown('a\\|b')).toBe('a\\\\\\|b')
  })

  test('breaks the URLs GFM autolinks whatever the escapes: scheme://, bare hosts, www.', () => {
    expect(escapeMarkdown('http://1249717606/')).toBe('http:&#8203;//1249717606/')
    expect(escapeMarkdown('https://localhost/x')).toBe('https:&#8203;//localhost/x')
    expect(escapeMarkdown('ftp://a')).toBe('ftp:&#8203;//a')
    expect(escapeMarkdown('WWW.evil.example')).toBe('W&#8203;WW\\.evil\\.example')
    // Go names keep their colons and w's where no link can start.
    expect(escapeMarkdown('main.ww:x')).toBe('main\\.ww:x')
  })

  test('breaks mentions, issue links and e-mail autolinks', () => {
    expect(escapeMarkdown('@octocat')).toBe('@&#8203;octocat')
    expect(escapeMarkdown('fixes #1')).toBe('fixes \\#&#8203;1')
    expect(escapeMarkdown('a@b.io')).not.toMatch(/@b/)
  })

  test('escapes link, emphasis, code and math syntax', () => {
    expect(escapeMarkdown('[click](http://evil)')).toBe('\\[click\\]\\(http:&#8203;//evil\\)')
    expect(escapeMarkdown('**bold** _i_ ~s~')).toBe('\\*\\*bold\\*\\* \\_i\\_ \\~s\\~')
    expect(escapeMarkdown('```evil')).toBe('\\`\\`\\`evil')
    expect(escapeMarkdown('$x$')).toBe('\\$x\\$')
  })

  test('keeps everything on one line', () => {
    expect(escapeMarkdown('a\nb\r\nc\td')).toBe('a b  c d')
    expect(escapeMarkdown('a\u0000b\u001b[31mc')).toBe('ab\\[31mc')
  })

  test('caps absurdly long names', () => {
    const s = escapeMarkdown('x'.repeat(5000))
    expect(Array.from(s)).toHaveLength(MAX_NAME_LENGTH)
    expect(s.endsWith('…')).toBe(true)
    // The cut happens before escaping: an entity is never cut in half.
    expect(escapeMarkdown('<'.repeat(400))).toMatch(/^(&lt;)+…$/)
  })
})

describe('escapeHtml', () => {
  test('escapes markup but leaves markdown punctuation alone (raw HTML is not parsed)', () => {
    expect(escapeHtml('main.(*T).Put|<b>')).toBe('main.(*T).Put|&lt;b&gt;')
    expect(escapeHtml('<!-- x -->')).toBe('&lt;!-- x --&gt;')
    expect(escapeHtml('```evil')).toBe('&#96;&#96;&#96;evil')
  })

  test('breaks mentions and keeps one line', () => {
    expect(escapeHtml('@octocat #1\nnext')).toBe('@&#8203;octocat #&#8203;1 next')
  })
})

describe('terminal text', () => {
  test('drops escape sequences and other controls', () => {
    expect(stripControls('main.\u001b[31mRED\u001b[0m\u0007')).toBe('main.[31mRED[0m')
    expect(stripControls('a\u009b2Jb')).toBe('a2Jb')
    expect(stripControls('a\u202eb')).toBe('ab')
    expect(escapeTerminal('a\nb')).toBe('a b')
  })
})

describe('shell and fences', () => {
  test('quotes a path as one shell word', () => {
    expect(shellQuote('bench/heap.pb.gz')).toBe(`'bench/heap.pb.gz'`)
    expect(shellQuote(`it's $(rm -rf /)`)).toBe(`'it'\\''s $(rm -rf /)'`)
    expect(shellQuote('a\nb')).toBe(`'a b'`)
  })

  test('a fence is longer than any backtick run inside it', () => {
    expect(codeFence('go tool pprof x', 'sh')).toBe('```sh\ngo tool pprof x\n```')
    expect(codeFence("go tool pprof '```evil'", 'sh')).toBe("````sh\ngo tool pprof '```evil'\n````")
  })
})
