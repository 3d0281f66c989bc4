// The real go toolchain for the tests that need it: whether it is here, and the environment
// every such test runs go in. Without go those suites are skipped locally, saying so; in CI
// (CI=true) they run and fail, never skip.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

export const GO_MISSING = 'go not found on PATH (Debian/Ubuntu: apt-get install -y golang-go)'

/** Whether `go` runs here. */
export const goThere = spawnSync('go', ['version'], { encoding: 'utf8' }).status === 0

/** Whether the go suites are skipped: go is missing and this is not CI. */
export const goSkipped = !goThere && process.env.CI !== 'true'

/** `describe`, or `describe.skip` with a warning naming `what` when go is missing outside CI. */
export function goSuite(what: string): jest.Describe {
  if (goSkipped) console.warn(`${what} skipped: ${GO_MISSING}`)
  return goSkipped ? describe.skip : describe
}

/** In a go suite's beforeAll: fails at once, saying why, when CI runs it without go. */
export function requireGo(): void {
  if (!goThere) throw new Error(`${GO_MISSING} (CI=true: the tests that need go must run)`)
}

/** No cgo (no C compiler needed), no network, no workspace or toolchain switch. */
export const GO_ENV = {
  GOFLAGS: '',
  GOWORK: 'off',
  GOTOOLCHAIN: 'local',
  GOPROXY: 'off',
  CGO_ENABLED: '0',
}

/** Debian's client_golang for GOPATH builds (golang-github-prometheus-client-golang-dev). */
export const GOCODE = '/usr/share/gocode'
export const CLIENT_GOLANG_MISSING = `client_golang not found under ${GOCODE} (Debian/Ubuntu: apt-get install -y golang-github-prometheus-client-golang-dev)`

/** Whether go and client_golang are both here. */
export const clientGolangThere =
  goThere && existsSync(`${GOCODE}/src/github.com/prometheus/client_golang/prometheus`)

/** Whether the suites that build against client_golang are skipped: missing, and not CI. */
export const clientGolangSkipped = !clientGolangThere && process.env.CI !== 'true'

/** goSuite for suites that also need client_golang. */
export function clientGolangSuite(what: string): jest.Describe {
  if (clientGolangSkipped)
    console.warn(`${what} skipped: ${goThere ? CLIENT_GOLANG_MISSING : GO_MISSING}`)
  return clientGolangSkipped ? describe.skip : describe
}

/** In such a suite's beforeAll: fails at once, saying why, when CI runs it without them. */
export function requireClientGolang(): void {
  requireGo()
  if (!clientGolangThere) {
    throw new Error(`${CLIENT_GOLANG_MISSING} (CI=true: the tests that need it must run)`)
  }
}
