// Entry point of the gomem-gate command.
import { runCli } from './run.js'

// A reader that stops early (`| head`) closes the pipe: the rest of the report has nowhere
// to go, which is no error of ours; the exit code still tells the verdict.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err
})

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: process.stdout.isTTY === true,
  columns: process.stdout.isTTY === true ? process.stdout.columns : undefined,
  env: process.env,
  today: new Date().toISOString().slice(0, 10),
})
