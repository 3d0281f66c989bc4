// The GitHub Action's entry point: nothing runs at import but this call.
import { run } from './run.js'

void run()
