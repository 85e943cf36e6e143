import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A bare repository under `gitRoot` plus helpers to commit to it (tests only). */
export class GitFixture {
  readonly bareDir: string;
  readonly repoURL: string;
  private readonly work: string;
  private readonly branch: string;

  constructor(
    gitRoot: string,
    name: string,
    branch = 'main',
    baseUrl = 'http://git.sandbox.invalid',
  ) {
    this.branch = branch;
    this.bareDir = path.join(gitRoot, name);
    this.repoURL = `${baseUrl}/${name}`;
    fs.mkdirSync(gitRoot, { recursive: true });
    this.git([
      'init',
      '--quiet',
      '--bare',
      `--initial-branch=${branch}`,
      this.bareDir,
    ]);
    this.work = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-fixture-'));
    this.git(['init', '--quiet', `--initial-branch=${branch}`, this.work]);
  }

  private git(args: string[], env: Record<string, string> = {}): string {
    return execFileSync('git', args, {
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_AUTHOR_NAME: 'Test Author',
        GIT_AUTHOR_EMAIL: 'author@example.invalid',
        GIT_COMMITTER_NAME: 'Test Bot',
        GIT_COMMITTER_EMAIL: 'bot@example.invalid',
        ...env,
      },
    });
  }

  /** Writes (or, with `null`, deletes) files and pushes one commit; returns its SHA. */
  commit(
    files: Record<string, string | null>,
    message = 'update',
    author?: { name: string; email: string },
  ): string {
    for (const [file, content] of Object.entries(files)) {
      const target = path.join(this.work, file);
      if (content === null) fs.rmSync(target, { force: true });
      else {
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, content);
      }
    }
    const env: Record<string, string> = author
      ? { GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email }
      : {};
    this.git(['-C', this.work, 'add', '-A']);
    this.git(
      ['-C', this.work, 'commit', '--quiet', '--allow-empty', '-m', message],
      env,
    );
    this.git([
      '-C',
      this.work,
      'push',
      '--quiet',
      this.bareDir,
      `HEAD:refs/heads/${this.branch}`,
    ]);
    return this.git(['-C', this.work, 'rev-parse', 'HEAD']).trim();
  }

  cleanup(): void {
    fs.rmSync(this.work, { recursive: true, force: true });
  }
}

export function deploymentYaml(
  name: string,
  image: string,
  replicas = 1,
  extra: Record<string, unknown> = {},
): string {
  return JSON.stringify({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels: { app: name } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          containers: [{ name, image, ports: [{ containerPort: 8080 }] }],
        },
      },
      ...extra,
    },
  });
}

export function serviceYaml(
  name: string,
  selector: Record<string, string> = { app: name },
): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector:
${Object.entries(selector)
  .map(([k, v]) => `    ${k}: ${v}`)
  .join('\n')}
  ports:
    - port: 80
      targetPort: 8080
`;
}
