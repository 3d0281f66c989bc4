import {
  formatBytes,
  formatDelta,
  formatDeltaIn,
  formatDuration,
  formatPercentChange,
  parseCount,
  parsePercent,
  parseSize,
} from '../src/units.js'

describe('units', () => {
  test('parses the sizes a policy uses', () => {
    expect(parseSize('1MiB')).toBe(1048576)
    expect(parseSize('1.5 MiB')).toBe(1572864)
    expect(parseSize('512KiB')).toBe(524288)
    expect(parseSize('10MB')).toBe(10_000_000)
    expect(parseSize('4096')).toBe(4096)
    expect(parseSize('ten')).toBeUndefined()
    expect(parseSize('5 parsecs')).toBeUndefined()
  })
  test('parses counts and percentages', () => {
    expect(parseCount('1000 objects')).toBe(1000)
    expect(parseCount('2.5k')).toBe(2500)
    expect(parsePercent('10%')).toBeCloseTo(0.1)
    expect(parsePercent('x%')).toBeUndefined()
  })
  test('formats with one IEC scale and signs', () => {
    expect(formatBytes(1536)).toBe('1.5 KiB')
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(-3 * 1048576)).toBe('-3 MiB')
    expect(formatPercentChange(100, 112.5)).toBe('+12.5%')
    expect(formatPercentChange(0, 5)).toBe('new')
    expect(formatPercentChange(1_000_000, 999_999)).toBe('0%')
  })
})

describe('one unit per row, factors and points', () => {
  test('growth past +1,000 % is a factor of the baseline', () => {
    expect(formatPercentChange(100, 1100)).toBe('+1000%')
    expect(formatPercentChange(100, 3612)).toBe('×36')
    expect(formatPercentChange(1, 6668)).toBe('×6,668')
    expect(formatPercentChange(100, 50)).toBe('-50%')
  })
  test('a fraction changes in percentage points', () => {
    expect(formatDelta(-0.0207, 'fraction')).toBe('-2.07 pp')
    expect(formatDelta(0.0315, 'fraction')).toBe('+3.15 pp')
  })
  test('a delta takes the unit of the larger value beside it', () => {
    expect(formatDeltaIn(-693_110, 'nanoseconds', 4_430_000)).toBe('-0.69 ms')
    expect(formatDeltaIn(-418 * 1024, 'bytes', 9.46 * 1024 * 1024)).toBe('-0.41 MiB')
    // Too small for the larger unit: its own.
    expect(formatDeltaIn(-1.96 * 1024, 'bytes', 1.4 * 1024 * 1024)).toBe('-1.96 KiB')
    expect(formatDeltaIn(896, 'count', 1_892_835)).toBe('+896')
  })
  test('durations have three significant digits, as sizes do', () => {
    expect(formatDuration(693_110)).toBe('693 µs')
    expect(formatDuration(4_430_000)).toBe('4.43 ms')
    expect(formatDuration(62_170_000)).toBe('62.2 ms')
  })
})
