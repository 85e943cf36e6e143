import os from 'node:os';
import path from 'node:path';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { GitRepositoryCache } from './GitRepositoryCache';
import { GitUpstreamError } from './GitUpstreamError';
import { redactSecrets } from './redact';
import type { GitCredentialsResolver, GitIdentity } from './types';
import { createGitCredentialsResolver } from './gitCredentials';

/** The bot identity that commits on behalf of users when none is configured. */
export const DEFAULT_COMMITTER: GitIdentity = {
  name: 'App Center',
  email: 'app-center@noreply.invalid',
};

/** Where the working clones live, who commits, how many clones to keep (`appCenter.git.*`). */
export interface GitOpsConfig {
  workingDirectory: string;
  committer: GitIdentity;
  maxClones?: number;
  maxPushAttempts?: number;
}

/** Reads `appCenter.git` with its defaults. */
export function readGitOpsConfig(config: Config): GitOpsConfig {
  const git = config.getOptionalConfig('appCenter.git');
  const base =
    config.getOptionalString('backend.workingDirectory') ?? os.tmpdir();
  const workingDirectory = path.resolve(
    git?.getOptionalString('workingDirectory') ??
      path.join(base, 'app-center-git'),
  );
  const committer = {
    name: git?.getOptionalString('committer.name') ?? DEFAULT_COMMITTER.name,
    email: git?.getOptionalString('committer.email') ?? DEFAULT_COMMITTER.email,
  };
  if (
    !committer.name.trim() ||
    /[<>\n]/.test(committer.name) ||
    !/^[^\s<>@]+@[^\s<>@]+$/.test(committer.email)
  ) {
    throw new Error(
      'appCenter.git.committer needs a plain name and an e-mail address (name@host)',
    );
  }
  const positive = (key: string) => {
    const value = git?.getOptionalNumber(key);
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
      throw new Error(
        `appCenter.git.${key} must be a whole number of at least 1, got ${value}`,
      );
    }
    return value;
  };
  return {
    workingDirectory,
    committer,
    maxClones: positive('maxClones'),
    maxPushAttempts: positive('maxPushAttempts'),
  };
}

/**
 * Wraps a credentials resolver so that a failure to obtain credentials (e.g. a GitHub App token request)
 * is an upstream error (502) naming the host, never a 500 with the provider's raw error.
 */
function guarded(
  resolver: GitCredentialsResolver,
  logger?: LoggerService,
): GitCredentialsResolver {
  return async url => {
    try {
      return await resolver(url);
    } catch (error) {
      let host = 'unknown';
      try {
        host = new URL(url).host;
      } catch {
        // keep unknown
      }
      const reason = redactSecrets(
        String((error as Error)?.message ?? error),
        [],
      );
      logger?.warn(`could not obtain git credentials for ${host}: ${reason}`);
      return Promise.reject(
        new GitUpstreamError(
          `could not obtain credentials for git host ${host}: ${reason}`,
          host,
        ),
      );
    }
  };
}

/** The one repository cache of the plugin, from config. */
export function createGitRepositoryCache(
  config: Config,
  logger?: LoggerService,
): GitRepositoryCache {
  const options = readGitOpsConfig(config);
  return new GitRepositoryCache({
    ...options,
    credentials: guarded(createGitCredentialsResolver(config), logger),
    logger,
  });
}
