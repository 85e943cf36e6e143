/**
 * `node packages/argocd-sandbox/src/contracts/cli.ts [name...]`: resolves pinned contracts (all by default),
 * printing each one's file, or the message that says what to do and exit code 1. `make test` runs it first,
 * so a missing contract stops the run with one message instead of failing every suite that reads it.
 */
import { PINNED_CONTRACTS } from './pins.ts';
import { resolveContract } from './resolve.ts';

const names = process.argv.slice(2);
let failed = false;
for (const name of names.length ? names : Object.keys(PINNED_CONTRACTS)) {
  const pin = PINNED_CONTRACTS[name];
  if (!pin) {
    process.stderr.write(
      `unknown contract "${name}"; known: ${Object.keys(PINNED_CONTRACTS).join(
        ', ',
      )}\n`,
    );
    failed = true;
    continue;
  }
  try {
    process.stdout.write(`${name}: ${resolveContract(pin)}\n`);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    failed = true;
  }
}
process.exitCode = failed ? 1 : 0;
