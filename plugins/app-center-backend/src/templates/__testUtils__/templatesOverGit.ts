import path from 'node:path';
import {
  createGitTestEnv,
  GitTestEnv,
} from '../../git/__testUtils__/gitTestEnv';
import { EnvironmentAppStore } from '../../environmentApps/EnvironmentAppStore';
import { TemplateDrift } from '../TemplateDrift';
import type { ProjectRepository } from '../../git';
import { TemplateStore } from '../TemplateStore';
import { TemplateSummaryCache } from '../TemplateSummaryCache';

export const author = { name: 'Jane Doe', email: 'jane@example.com' };
export const dev = { name: 'dev', namespace: 'shop-dev' };
export const prod = { name: 'prod', namespace: 'shop-prod' };

/** What each test of templates over a real git server starts from. */
export interface TemplatesOverGit {
  env: GitTestEnv;
  repo: ProjectRepository;
  templates: TemplateStore;
  apps: EnvironmentAppStore;
  drift: TemplateDrift;
  summaries: TemplateSummaryCache;
  /** The bare repository on the git server. */
  bare: string;
  /** A file on main as the git server has it. */
  show(p: string): Promise<string>;
  /** The files under `dir` on main as the git server has them. */
  tree(dir: string): Promise<string[]>;
}

/**
 * A fresh git server with one GitOps repository and the stores over it for
 * every test of the enclosing describe block (removed after each test).
 */
export function templatesOverGit(): TemplatesOverGit {
  const f = {
    show: (p: string) => f.env.git(['--git-dir', f.bare, 'show', `main:${p}`]),
    tree: async (dir: string) =>
      (
        await f.env.git([
          '--git-dir',
          f.bare,
          'ls-tree',
          '-r',
          '--name-only',
          'main',
          dir,
        ])
      )
        .trim()
        .split('\n')
        .filter(Boolean),
  } as TemplatesOverGit;

  beforeEach(async () => {
    f.env = await createGitTestEnv();
    const url = await f.env.server.createBareRepo('gitops.git', {
      initialFiles: { 'README.md': 'GitOps\n' },
    });
    f.bare = path.join(f.env.server.root, 'gitops.git');
    f.repo = { project: 'shop', url, branch: 'main', dir: 'apps' };
    const cache = f.env.cache({ freshnessMs: 0 });
    f.summaries = new TemplateSummaryCache();
    f.templates = new TemplateStore({ cache, summaries: f.summaries });
    f.apps = new EnvironmentAppStore({ cache });
    f.drift = new TemplateDrift({ cache });
  });
  afterEach(async () => {
    await f.env.cleanup();
  });
  return f;
}
