// `gomem-gate go-test`: per-package heap profiles and GC traces from a module's tests.
export { runGoTest, defaultExecCommand } from './run.js'
export type { GoTestOptions, GoTestPackage, GoTestResult } from './run.js'
export { GoTestFailure, GoTestInterrupted } from './failure.js'
export { EXEC_MODE, runExecWrapper } from './exec-wrapper.js'
