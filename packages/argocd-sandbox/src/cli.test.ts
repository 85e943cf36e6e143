import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CLI = path.join(__dirname, 'cli.ts');

/** Runs the CLI until its banner is printed (or it exits), then stops it; returns what it printed. */
function runCli(
  args: string[],
  env: Record<string, string>,
): Promise<{ out: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--experimental-strip-types',
        '--disable-warning=ExperimentalWarning',
        '--disable-warning=MODULE_TYPELESS_PACKAGE_JSON',
        CLI,
        '--port',
        '0',
        '--git-port',
        '0',
        '--no-example',
        ...args,
      ],
      { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes('data ') || out.includes('"dataDir"'))
        child.kill('SIGTERM');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('exit', code => resolve({ out, code }));
  });
}

describe('argocd-sandbox CLI', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'argocd-sandbox-cli-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads tokens from files and says where they are, never what they are', async () => {
    const tokenFile = path.join(dir, 'token');
    fs.writeFileSync(tokenFile, 'file-secret-1234\n');
    const { out } = await runCli(
      ['--data-dir', dir, '--token-file', tokenFile],
      { ARGOCD_SANDBOX_GIT_TOKEN: 'env-secret-5678' },
    );
    expect(out).toContain('Argo CD sandbox is running');
    expect(out).toContain(`from the file ${tokenFile}`);
    expect(out).toContain('from $ARGOCD_SANDBOX_GIT_TOKEN');
    expect(out).not.toContain('file-secret-1234');
    expect(out).not.toContain('env-secret-5678');
  });

  it('keeps the token out of the --json line too', async () => {
    const { out } = await runCli(['--data-dir', dir, '--json'], {
      ARGOCD_SANDBOX_TOKEN: 'env-secret-api',
    });
    const info = JSON.parse(out.trim().split('\n').pop()!);
    expect(info.token).toBe('from $ARGOCD_SANDBOX_TOKEN');
    expect(out).not.toContain('env-secret-api');
  });

  it('refuses a token on the command line, where ps would show it', async () => {
    const { out, code } = await runCli(
      ['--data-dir', dir, '--token', 'argv-secret'],
      {},
    );
    expect(code).toBe(1);
    expect(out).toContain('--token-file');
  });
});
