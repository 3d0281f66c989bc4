// Names the runtime/pprof profiles that are not heap, allocs or goroutine profiles (CPU,
// mutex, block, threadcreate), so a file of one is refused by its kind's name rather than
// as an unknown format.
import { GateError } from '../errors.js'
import type { ValueType } from './model.js'

/** The debug=1 text headers of the other profiles runtime/pprof writes. */
const TEXT_KINDS: [RegExp, string][] = [
  [/^--- mutex:/, 'mutex contention profile'],
  [/^--- contention:/, 'block profile'],
  [/^threadcreate profile: total \d+/, 'thread creation profile'],
]

/** The kind a debug=1 text profile's first line names, or undefined for none of them. */
export function otherTextKind(head: string): string | undefined {
  const first = head.split('\n', 1)[0].replace(/\r$/, '')
  return TEXT_KINDS.find(([re]) => re.test(first))?.[1]
}

/**
 * Frames a mutex profile's stacks start with: Go records a contended mutex where it is
 * unlocked. Block and mutex profiles share their sample types (contentions/count,
 * delay/nanoseconds); a block profile's stacks start where a goroutine waited instead
 * (sync.(*Mutex).Lock, runtime.chanrecv1, runtime.selectgo…).
 */
const UNLOCK = /^(sync\.\(\*(RW)?Mutex\)\.R?Unlock|runtime\.unlock)/

/** The kind of a protobuf profile by its sample types (and, for contentions, its functions). */
export function pprofKind(types: ValueType[], functions: () => string[]): string {
  const names = new Set(types.map((t) => t.type))
  if (names.has('cpu')) return 'CPU profile'
  if (names.has('contentions')) {
    return functions().some((f) => UNLOCK.test(f)) ? 'mutex contention profile' : 'block profile'
  }
  if (names.has('threadcreate')) return 'thread creation profile'
  return 'profile of another kind'
}

/** The refusal of a profile of another kind: one line naming the file and the kind. */
export function notAHeapProfile(source: string, kind: string, detail = ''): GateError {
  return new GateError(
    'NOT_A_HEAP_PROFILE',
    `${source}: is a ${kind}${detail ? ` (${detail})` : ''}, not a heap profile`,
    'pass /debug/pprof/heap, /debug/pprof/allocs, go test -memprofile output or /debug/pprof/goroutine',
  )
}
