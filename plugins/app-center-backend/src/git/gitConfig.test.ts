import os from 'node:os';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorFallback, CommitAuthors } from './CommitAuthors';
import {
  createGitCredentialsResolver,
  readConfiguredGitCredentials,
} from './gitCredentials';
import { DEFAULT_COMMITTER, readGitOpsConfig } from './gitOpsConfig';

describe('appCenter.git config', () => {
  it('defaults the working directory, committer and limits', () => {
    expect(readGitOpsConfig(new ConfigReader({}))).toEqual({
      workingDirectory: path.join(os.tmpdir(), 'app-center-git'),
      committer: DEFAULT_COMMITTER,
      maxClones: undefined,
      maxPushAttempts: undefined,
    });
    const c = readGitOpsConfig(
      new ConfigReader({
        backend: { workingDirectory: '/var/backstage' },
        appCenter: {
          git: {
            committer: { name: 'Bot', email: 'bot@example.com' },
            maxClones: 3,
          },
        },
      }),
    );
    expect(c).toMatchObject({
      workingDirectory: path.resolve('/var/backstage/app-center-git'),
      committer: { name: 'Bot', email: 'bot@example.com' },
      maxClones: 3,
    });
  });

  it('refuses a bad committer or limit', () => {
    expect(() =>
      readGitOpsConfig(
        new ConfigReader({
          appCenter: { git: { committer: { email: 'nope' } } },
        }),
      ),
    ).toThrow(/committer/);
    expect(() =>
      readGitOpsConfig(
        new ConfigReader({ appCenter: { git: { maxClones: 0 } } }),
      ),
    ).toThrow(/maxClones/);
  });

  it('checks appCenter.git.credentials entries without echoing secrets', () => {
    const read = (credentials: unknown[]) =>
      readConfiguredGitCredentials(
        new ConfigReader({ appCenter: { git: { credentials } } } as any),
      );
    expect(() =>
      read([{ host: 'https://git.example.com', token: 'secret-1' }]),
    ).toThrow(/host name/);
    expect(() => read([{ host: 'git.example.com' }])).toThrow(
      /exactly one of token or password/,
    );
    expect(() =>
      read([{ host: 'git.example.com', password: 'secret-2' }]),
    ).toThrow(/no username/);
    let thrown: unknown;
    try {
      read([
        { host: 'git.example.com', token: 'secret-3', password: 'secret-4' },
      ]);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeDefined();
    expect(String(thrown)).not.toMatch(/secret-/);
  });
});

describe('git credentials per host', () => {
  const resolver = createGitCredentialsResolver(
    new ConfigReader({
      integrations: {
        github: [{ host: 'github.com', token: 'gh-token' }],
        gitlab: [
          {
            host: 'gitlab.example.com',
            apiBaseUrl: 'https://gitlab.example.com/api/v4',
            token: 'gl-token',
          },
        ],
        bitbucketServer: [
          {
            host: 'bitbucket.example.com',
            apiBaseUrl: 'https://bitbucket.example.com/rest/api/1.0',
            token: 'bb-token',
          },
        ],
      },
      appCenter: {
        git: {
          credentials: [
            { host: 'localhost:7011', token: 'sandbox-token' },
            { host: 'git.example.com', username: 'deploy', password: 'pw' },
            { host: 'github.com', username: 'override', token: 'own-token' },
          ],
        },
      },
    }),
  );

  it('uses appCenter.git.credentials first, matching host and port exactly', async () => {
    expect(await resolver('http://localhost:7011/gitops')).toEqual({
      token: 'sandbox-token',
    });
    expect(await resolver('http://localhost:7012/gitops')).toBeUndefined();
    expect(await resolver('https://git.example.com/org/repo.git')).toEqual({
      username: 'deploy',
      password: 'pw',
    });
    expect(await resolver('https://github.com/org/repo.git')).toEqual({
      username: 'override',
      token: 'own-token',
    });
  });

  it('falls back to the Backstage integrations of the host', async () => {
    const integrationsOnly = createGitCredentialsResolver(
      new ConfigReader({
        integrations: {
          github: [{ host: 'github.com', token: 'gh-token' }],
          gitlab: [
            {
              host: 'gitlab.example.com',
              apiBaseUrl: 'https://gitlab.example.com/api/v4',
              token: 'gl-token',
            },
          ],
          bitbucketServer: [
            {
              host: 'bitbucket.example.com',
              apiBaseUrl: 'https://bitbucket.example.com/rest/api/1.0',
              token: 'bb-token',
            },
          ],
        },
      }),
    );
    expect(await integrationsOnly('https://github.com/org/repo.git')).toEqual({
      username: 'x-access-token',
      password: 'gh-token',
    });
    expect(
      await integrationsOnly('https://gitlab.example.com/org/repo.git'),
    ).toEqual({ username: 'oauth2', password: 'gl-token' });
    expect(
      await integrationsOnly('https://bitbucket.example.com/scm/org/repo.git'),
    ).toEqual({ token: 'bb-token' });
    expect(
      await integrationsOnly('https://unknown.example.com/repo.git'),
    ).toBeUndefined();
  });
});

describe('commit authors', () => {
  const users = [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: 'jane', namespace: 'default', title: 'Jane T.' },
      spec: {
        profile: {
          displayName: 'Jane <Doe>\nInjected',
          email: 'jane@example.com',
        },
      },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: 'sam', namespace: 'ops', title: 'Sam' },
      spec: { profile: { email: 'not an email' } },
    },
  ];
  const credentials = {
    $$type: '@backstage/BackstageCredentials',
    principal: { type: 'user', userEntityRef: 'user:default/jane' },
  } as any;

  it('takes name and e-mail from the catalog, sanitised, and falls back for unknown users', async () => {
    const authors = new CommitAuthors({
      catalog: catalogServiceMock({ entities: users }),
      auth: mockServices.auth(),
    });
    expect(await authors.authorOf('user:default/jane', credentials)).toEqual({
      name: 'Jane Doe Injected',
      email: 'jane@example.com',
    });
    expect(await authors.authorOf('user:ops/sam', credentials)).toEqual({
      name: 'Sam',
      email: 'ops.sam@users.noreply.invalid',
    });
    expect(await authors.authorOf('user:default/ghost', credentials)).toEqual(
      AuthorFallback.of('user:default/ghost'),
    );
    expect(AuthorFallback.of('user:default/ghost')).toEqual({
      name: 'ghost',
      email: 'ghost@users.noreply.invalid',
    });
  });

  it('never fails a write because the catalog is down, and caches answers', async () => {
    const catalog = catalogServiceMock.mock({
      getEntityByRef: jest.fn(async () => {
        throw new Error('catalog down');
      }),
    });
    const authors = new CommitAuthors({ catalog, auth: mockServices.auth() });
    expect(await authors.authorOf('user:default/jane', credentials)).toEqual({
      name: 'jane',
      email: 'jane@users.noreply.invalid',
    });
    const calls = catalog.getEntityByRef.mock.calls.length;
    await authors.authorOf('user:default/jane', credentials);
    expect(catalog.getEntityByRef.mock.calls.length).toBe(calls);
  });
});
