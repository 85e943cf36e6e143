import type { Config } from '@backstage/config';
import {
  DefaultAzureDevOpsCredentialsProvider,
  DefaultGithubCredentialsProvider,
  DefaultGitlabCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import type { GitCredentials, GitCredentialsResolver } from './types';

/** One entry of `appCenter.git.credentials`: a plain git host (no Backstage integration). */
export interface ConfiguredGitCredential {
  /** Host, with the port when it is not the default one (e.g. `git.example.com` or `localhost:7011`). */
  host: string;
  username?: string;
  token?: string;
  password?: string;
}

/** Reads `appCenter.git.credentials`; each entry needs a host and a token or a password. */
export function readConfiguredGitCredentials(
  config: Config,
): ConfiguredGitCredential[] {
  return (config.getOptionalConfigArray('appCenter.git.credentials') ?? []).map(
    (c, i) => {
      const entry = {
        host: c.getString('host').trim().toLocaleLowerCase('en-US'),
        username: c.getOptionalString('username'),
        token: c.getOptionalString('token'),
        password: c.getOptionalString('password'),
      };
      if (!entry.host || /[/@\s]/.test(entry.host)) {
        throw new Error(
          `appCenter.git.credentials[${i}].host must be a host name with an optional port, e.g. git.example.com:8443`,
        );
      }
      if (!entry.token === !entry.password) {
        throw new Error(
          `appCenter.git.credentials[${i}] (${entry.host}) needs exactly one of token or password`,
        );
      }
      if (entry.password && !entry.username) {
        throw new Error(
          `appCenter.git.credentials[${i}] (${entry.host}) has a password but no username`,
        );
      }
      return entry;
    },
  );
}

function fromEntry(entry: ConfiguredGitCredential): GitCredentials {
  if (entry.password)
    return { username: entry.username!, password: entry.password };
  return entry.username
    ? { username: entry.username, token: entry.token! }
    : { token: entry.token! };
}

function basic(
  username: string | undefined,
  password: string | undefined,
): GitCredentials | undefined {
  return password ? { username: username ?? '', password } : undefined;
}

/**
 * Credentials for a repository URL: `appCenter.git.credentials` first (exact host, with port), then the
 * Backstage integration of the host (`integrations.*`): GitHub (tokens and GitHub Apps, sent as
 * `x-access-token`), GitLab (`oauth2`), Azure DevOps, Bitbucket Cloud and Server, Gitea and Gerrit.
 * Anonymous when neither knows the host. Secrets stay in the backend: they become an Authorization header.
 */
export function createGitCredentialsResolver(
  config: Config,
): GitCredentialsResolver {
  const configured = readConfiguredGitCredentials(config);
  const integrations = ScmIntegrations.fromConfig(config);
  const github =
    DefaultGithubCredentialsProvider.fromIntegrations(integrations);
  const gitlab =
    DefaultGitlabCredentialsProvider.fromIntegrations(integrations);
  const azure =
    DefaultAzureDevOpsCredentialsProvider.fromIntegrations(integrations);

  return async (url: string) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return undefined;
    }
    const host = parsed.host.toLocaleLowerCase('en-US');
    const entry = configured.find(c => c.host === host);
    if (entry) return fromEntry(entry);

    const integration = integrations.byHost(host);
    switch (integration?.type) {
      case 'github': {
        const { token } = await github.getCredentials({ url });
        return token
          ? { username: 'x-access-token', password: token }
          : undefined;
      }
      case 'gitlab': {
        const { token } = await gitlab.getCredentials({ url });
        return token ? { username: 'oauth2', password: token } : undefined;
      }
      case 'azure': {
        const creds = await azure.getCredentials({ url });
        return creds?.headers ? { headers: creds.headers } : undefined;
      }
      case 'bitbucketCloud': {
        const c = integrations.bitbucketCloud.byHost(host)!.config;
        if (c.token) return { username: 'x-token-auth', password: c.token };
        return basic(c.username, c.appPassword);
      }
      case 'bitbucketServer': {
        const c = integrations.bitbucketServer.byHost(host)!.config;
        if (c.token) return { token: c.token };
        return basic(c.username, c.password);
      }
      case 'gitea': {
        const c = integrations.gitea.byHost(host)!.config;
        return basic(c.username, c.password);
      }
      case 'gerrit': {
        const c = integrations.gerrit.byHost(host)!.config;
        return basic(c.username, c.password);
      }
      default:
        return undefined;
    }
  };
}
