// Entry point of the gomem-gate command.
import { runCli } from './run.js'

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: process.stdout.isTTY === true,
  env: process.env,
  today: new Date().toISOString().slice(0, 10),
})
