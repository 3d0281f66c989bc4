import {
  formatBytes,
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
