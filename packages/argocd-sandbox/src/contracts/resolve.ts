import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ContractPin } from './pins.ts';

/**
 * Finds a pinned contract, in this order:
 *  1. the file named by the pin's environment variable (e.g. `ARGOCD_SWAGGER_PATH`);
 *  2. the copy beside the repository (`../shared/contracts/...`) when it is there;
 *  3. a copy downloaded earlier into `.app-center/contracts/` (ignored by git);
 *  4. a download of the pinned URL, kept in that folder.
 * Every candidate must have the pinned sha256; when none does, it throws one message saying what to do.
 * It is synchronous (the swagger validator loads lazily inside synchronous test code), so the download runs
 * in a short-lived child process.
 */
export interface ResolveOptions {
  env?: NodeJS.ProcessEnv;
  /** The repository's root folder; found from this file and the working directory when omitted. */
  repositoryRoot?: string;
  /** How long the download may take (default 60 s). */
  downloadTimeoutMs?: number;
}

export class ContractNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContractNotFoundError';
  }
}

const ROOT_PACKAGE_NAME = 'app-center-root';

/** This source file's directory when it runs as CommonJS (Jest); undefined under Node's ESM type stripping. */
function sourceDir(): string | undefined {
  // eslint-disable-next-line no-restricted-syntax -- dev/test-only package that always runs from source, never bundled
  return typeof __dirname === 'undefined' ? undefined : __dirname;
}

function isRepositoryRoot(dir: string): boolean {
  try {
    const pkg = JSON.parse(
      fs.readFileSync(path.join(dir, 'package.json'), 'utf8'),
    );
    return pkg.name === ROOT_PACKAGE_NAME;
  } catch {
    return false;
  }
}

/** The App Center repository's root: the nearest folder above this file (or the working directory) that is it. */
export function findRepositoryRoot(): string | undefined {
  for (const start of [sourceDir(), process.cwd()]) {
    if (start === undefined) continue;
    for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
      if (isRepositoryRoot(dir)) return dir;
      if (path.dirname(dir) === dir) break;
    }
  }
  return undefined;
}

/**
 * The repository's folder and, when it is a linked git worktree (its `.git` is a file), the main checkout's
 * folder too: a worktree kept elsewhere still finds the copy beside the repository it belongs to.
 */
function checkoutsOf(root: string): string[] {
  const out = [root];
  try {
    const gitFile = fs.readFileSync(path.join(root, '.git'), 'utf8');
    const gitDir = path.resolve(
      root,
      gitFile.replace(/^gitdir:\s*/, '').trim(),
    );
    const common = path.resolve(
      gitDir,
      fs.readFileSync(path.join(gitDir, 'commondir'), 'utf8').trim(),
    );
    const main = path.dirname(common);
    if (main !== root) out.push(main);
  } catch {
    // not a linked worktree (a plain clone has a .git folder, an export has none)
  }
  return out;
}

function sha256Of(file: string): string {
  return crypto
    .createHash('sha256')
    .update(fs.readFileSync(file))
    .digest('hex');
}

/** Runs in the child: fetches argv[1] into argv[2], failing with one line on stderr. */
const DOWNLOAD_SCRIPT = `
const [url, dest, timeout] = process.argv.slice(1);
fetch(url, { signal: AbortSignal.timeout(Number(timeout)) })
  .then(async res => {
    if (!res.ok) throw new Error('HTTP ' + res.status + ' ' + res.statusText);
    require('node:fs').writeFileSync(dest, Buffer.from(await res.arrayBuffer()));
  })
  .catch(e => {
    const cause = e && e.cause && e.cause.message ? ' (' + e.cause.message + ')' : '';
    process.stderr.write(String(e && e.message ? e.message : e) + cause);
    process.exit(1);
  });
`;

function download(url: string, dest: string, timeoutMs: number): void {
  try {
    execFileSync(
      process.execPath,
      ['-e', DOWNLOAD_SCRIPT, url, dest, String(timeoutMs)],
      { stdio: ['ignore', 'ignore', 'pipe'], timeout: timeoutMs + 5000 },
    );
  } catch (e) {
    const stderr = (e as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(stderr || (e as Error).message);
  }
}

export function resolveContract(
  pin: ContractPin,
  options: ResolveOptions = {},
): string {
  const env = options.env ?? process.env;
  const tried: string[] = [];
  const matches = (file: string, where: string): boolean => {
    const actual = sha256Of(file);
    if (actual === pin.sha256) return true;
    tried.push(`${where}: ${file} has sha256 ${actual}, not the pinned one`);
    return false;
  };

  const fromEnv = env[pin.env];
  if (fromEnv) {
    if (!fs.existsSync(fromEnv))
      throw new ContractNotFoundError(
        `${pin.env} names ${fromEnv}, which does not exist.\n${advice(pin)}`,
      );
    if (matches(fromEnv, pin.env)) return path.resolve(fromEnv);
    throw new ContractNotFoundError(`${tried[0]}.\n${advice(pin)}`);
  }
  tried.push(`${pin.env}: not set`);

  const root = options.repositoryRoot ?? findRepositoryRoot();
  if (root === undefined) {
    tried.push('the App Center repository: not found from here');
    throw new ContractNotFoundError(failure(pin, tried));
  }
  for (const checkout of checkoutsOf(root)) {
    const beside = path.resolve(checkout, '..', pin.besideRepository);
    if (!fs.existsSync(beside))
      tried.push(`beside the repository: no ${beside}`);
    else if (matches(beside, 'beside the repository')) return beside;
  }

  const cacheDir = path.join(root, '.app-center', 'contracts');
  const cached = path.join(
    cacheDir,
    `${pin.sha256.slice(0, 16)}-${path.basename(pin.besideRepository)}`,
  );
  if (fs.existsSync(cached) && sha256Of(cached) === pin.sha256) return cached;

  fs.mkdirSync(cacheDir, { recursive: true });
  const partial = `${cached}.${process.pid}.download`;
  try {
    download(pin.url, partial, options.downloadTimeoutMs ?? 60_000);
    if (matches(partial, `download of ${pin.url}`)) {
      fs.renameSync(partial, cached);
      return cached;
    }
  } catch (e) {
    tried.push(`download of ${pin.url}: ${(e as Error).message}`);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  throw new ContractNotFoundError(failure(pin, tried));
}

function advice(pin: ContractPin): string {
  return (
    `What to do: download ${pin.url} (sha256 ${pin.sha256}) on a machine that reaches it, ` +
    `then set ${pin.env} to the file (or put it at ../${pin.besideRepository} beside the repository) and run again.`
  );
}

function failure(pin: ContractPin, tried: string[]): string {
  return `${pin.title} could not be found. Tried, in order:\n${tried
    .map(t => `  - ${t}`)
    .join('\n')}\n${advice(pin)}`;
}
