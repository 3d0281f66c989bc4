// Entry point of the gomem-gate command.
import { EXEC_MODE, runExecWrapper } from '../go-test/exec-wrapper.js'
import { runCli } from './run.js'

// A reader that stops early (`| head`) closes the pipe: the rest of the report has nowhere
// to go, which is no error of ours; the exit code still tells the verdict.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err
})

// `go test -exec` re-enters the CLI in its hidden mode to run each test binary (go-test).
const argv = process.argv.slice(2)
process.exitCode =
  argv[0] === EXEC_MODE
    ? await runExecWrapper(argv.slice(1))
    : await runCli(argv, {
        stdout: (s) => process.stdout.write(s),
        stderr: (s) => process.stderr.write(s),
        isTTY: process.stdout.isTTY === true,
        stderrIsTTY: process.stderr.isTTY === true,
        columns: process.stdout.isTTY === true ? process.stdout.columns : undefined,
        env: process.env,
        today: new Date().toISOString().slice(0, 10),
      })
