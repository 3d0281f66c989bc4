// The limits docs/cli.md's table promises are the ones the code applies: each is written
// once, in code, and the table must say the same numbers.
import { readFileSync } from 'node:fs'
import {
  MAX_CAPTURE_REDIRECTS,
  MAX_CONFIG_BYTES,
  MAX_FILE_BYTES,
  MAX_INFLATED_BYTES,
  MAX_MANIFEST_BYTES,
  MAX_PROFILE_FUNCTIONS,
  MAX_RUN_DEPTH,
  MAX_RUN_FILES,
  MAX_SIDE_BYTES,
  MAX_SIDE_FUNCTIONS,
  MAX_TEXT_BYTES,
  sizeText,
} from '../../src/driver/limits.js'
import { MAX_LINE } from '../../src/formats/heaptext.js'
import { MAX_NAME_LENGTH } from '../../src/formats/names.js'
import { MAX_HISTORY_READ } from '../../src/history/file.js'
import { MAX_PATTERN_LENGTH } from '../../src/policy/matcher.js'
import { MAX_ALIASES } from '../../src/policy/yaml-reader.js'

const row = (what: string): string => {
  const doc = readFileSync('docs/cli.md', 'utf8')
  const line = doc.split('\n').find((l) => l.startsWith(`| ${what}`))
  if (!line) throw new Error(`docs/cli.md's Limits table has no row "${what}"`)
  return line
}
const n = (x: number) => x.toLocaleString('en-US')

test("docs/cli.md's limits are the code's", () => {
  expect(row('one input file, on disk')).toContain(sizeText(MAX_FILE_BYTES))
  expect(row('all files of one side')).toContain(sizeText(MAX_SIDE_BYTES))
  expect(row('gzip, inflated')).toContain(sizeText(MAX_INFLATED_BYTES))
  expect(row('text input')).toContain(sizeText(MAX_TEXT_BYTES))
  expect(row('text input')).toContain(sizeText(MAX_LINE))
  expect(row('policy file')).toContain(
    `${sizeText(MAX_CONFIG_BYTES)} (${MAX_ALIASES} YAML aliases); ${sizeText(MAX_HISTORY_READ)}; ${sizeText(MAX_MANIFEST_BYTES)}`,
  )
  expect(row('a captured response')).toContain(
    `${sizeText(MAX_FILE_BYTES)}, as one input file; ${MAX_CAPTURE_REDIRECTS} redirects`,
  )
  expect(row('run folders')).toContain(`${n(MAX_RUN_FILES)} files, ${MAX_RUN_DEPTH} levels`)
  expect(row('a function or file name')).toContain(
    `cut at ${n(MAX_NAME_LENGTH)} characters; patterns at most ${n(MAX_PATTERN_LENGTH)}`,
  )
  expect(row('functions in one profile')).toContain(
    `${n(MAX_PROFILE_FUNCTIONS)} (pprof: ${n(2 * MAX_PROFILE_FUNCTIONS)} locations); ${n(MAX_SIDE_FUNCTIONS)}`,
  )
})
