/**
 * The runner of the Node end-to-end scripts: each check runs in order on a context of its own,
 * `ok` or `FAIL` (with the stack) is printed per check, and the last line is
 * `N passed, N failed, N checks`, which tests/python/test_typescript.py reads.
 */

/** A named check, given the context `prepare` made for it. */
export type Check<T> = readonly [string, (context: T) => Promise<void>];

/** Runs `checks`, each on what `prepare` returns (a failing `prepare` fails that check), then exits. */
export async function runChecks<T>(checks: readonly Check<T>[], prepare: () => Promise<T>): Promise<never> {
  let failed = 0;
  for (const [name, run] of checks) {
    try {
      await run(await prepare());
      console.log(`ok    ${name}`);
    } catch (error) {
      failed += 1;
      console.log(`FAIL  ${name}\n      ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
  console.log(`\n${checks.length - failed} passed, ${failed} failed, ${checks.length} checks`);
  process.exit(failed === 0 ? 0 : 1);
}
