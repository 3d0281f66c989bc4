// The trend chart's title holds a function name from a profile: it cannot leave the chart.
import { xyChartInit } from '../../src/report/mermaid.js'
import { trendChart } from '../../src/report/markdown-history.js'

test('a hostile function name in a trend chart title stays one quoted label', () => {
  const chart = trendChart({
    metric: 'inuse_space',
    subject: 'main.evil"]\n```\n%%{init: {}}%%\n<img src=x>`@team #1',
    unit: 'bytes',
    values: [1048576, 2097152],
    candidate: 3145728,
  })
  const lines = chart.split('\n')
  // The fence, our init directive, the chart's five lines, the fence: nothing was broken out of.
  expect(lines).toHaveLength(8)
  expect(lines[0]).toBe('```mermaid')
  expect(lines[1]).toBe(xyChartInit())
  expect(lines[7]).toBe('```')
  expect(lines[3]).toMatch(/^ {4}title "[^"`<>%:#\n]*"$/)
  expect(lines[6]).toBe('    line [1, 2, 3]')
})
