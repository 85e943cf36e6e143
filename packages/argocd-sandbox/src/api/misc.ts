import type { Router } from '../http/router.ts';
import { isAuthenticated } from '../http/server.ts';
import type { ApiDeps } from './deps.ts';

export const SANDBOX_ARGOCD_VERSION = 'v3.6.0+sandbox';

/** Version and user info. */
export function registerMiscRoutes(r: Router, d: ApiDeps): void {
  r.get('/api/version', () => ({
    Version: SANDBOX_ARGOCD_VERSION,
    BuildDate: '2026-08-22T00:00:00Z',
    GitCommit: '37ee0097cf851bc2dd7665fc081bbce61a7e836e',
    GitTag: '',
    GitTreeState: 'clean',
    GoVersion: 'go1.25.0',
    Compiler: 'gc',
    Platform: `${process.platform}/${
      process.arch === 'x64' ? 'amd64' : process.arch
    }`,
    KustomizeVersion: 'v5.7.0 (sandbox subset)',
    HelmVersion: 'v3.18.0 (not simulated)',
    KubectlVersion: 'v0.33.0',
    JsonnetVersion: 'v0.21.0 (not simulated)',
    ExtraBuildInfo: 'argocd-sandbox',
  }));

  // skips the auth check, as the real one: a bad token is 200 with loggedIn false
  r.get('/api/v1/session/userinfo', ({ req }) =>
    isAuthenticated(req, d.token)
      ? { loggedIn: true, username: d.username, iss: 'argocd', groups: [] }
      : { loggedIn: false },
  );
}
