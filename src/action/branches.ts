// Which branches store a baseline: the `baseline-branches` globs, else the default branch. Pure.

/**
 * Whether `branch` matches one of `globs`: `*` matches within one path segment, `**` across
 * segments (`release/*`, `release/**`), like the branch filters of a workflow's `on:`.
 */
export function matchesBranch(globs: string[], branch: string): boolean {
  return globs.some((g) => globRegExp(g).test(branch))
}

/** The globs in force: the input's, else the default branch alone. */
export function baselineBranchesOf(input: string[], defaultBranch: string): string[] {
  return input.length > 0 ? input : [defaultBranch]
}

function globRegExp(glob: string): RegExp {
  let re = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*'
      i++
    } else if (c === '*') re += '[^/]*'
    else re += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${re}$`)
}
