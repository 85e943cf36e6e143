import { CustomErrorBase, NotFoundError } from '@backstage/errors';
import {
  describeNetworkFailure,
  registryErrorMessage as registryMessage,
} from '@internal/plugin-app-center-node';

/**
 * A registry failed: unreachable, too slow, refused App Center's credentials, or answered with an error.
 * Answered as 502 (504 for a timeout): Backstage's error handler reads `statusCode`. Messages name the
 * registry host and what failed, never credentials or tokens.
 */
export class RegistryUpstreamError extends CustomErrorBase {
  name = 'RegistryUpstreamError' as const;
  readonly statusCode: 502 | 504;
  /** The registry host (or the provider's upstream host). */
  readonly registry: string;
  /** HTTP status the registry answered with; undefined when no answer came. */
  readonly upstreamStatus?: number;

  constructor(
    message: string,
    options: {
      registry: string;
      statusCode?: 502 | 504;
      upstreamStatus?: number;
    },
  ) {
    super(message);
    this.registry = options.registry;
    this.statusCode = options.statusCode ?? 502;
    this.upstreamStatus = options.upstreamStatus;
  }
}

/**
 * Maps a registry's error answer (not 401, which the client handles with its authentication flow) to the
 * error the caller sees: 404 -> NotFoundError, 504 -> 504, anything else -> 502.
 */
export function mapRegistryStatus(
  registry: string,
  status: number,
  bodyText: string,
  what: { repository: string; operation: string; tag?: string },
): Error {
  const message = registryMessage(bodyText);
  if (status === 404) {
    return new NotFoundError(
      what.tag
        ? `tag "${what.tag}" of repository ${what.repository} not found in registry ${registry} (${message})`
        : `repository ${what.repository} not found in registry ${registry} (${message})`,
    );
  }
  if (status === 403) {
    return new RegistryUpstreamError(
      `registry ${registry} denied App Center access to ${what.repository} (HTTP 403: ${message}); check the permissions of the credentials configured for it in appCenter.registries`,
      { registry, upstreamStatus: status },
    );
  }
  if (status === 429) {
    return new RegistryUpstreamError(
      `registry ${registry} is rate-limiting App Center (HTTP 429 on ${what.operation}): ${message}`,
      { registry, upstreamStatus: status },
    );
  }
  if (status === 504) {
    return new RegistryUpstreamError(
      `registry ${registry} timed out on ${what.operation}: ${message}`,
      {
        registry,
        statusCode: 504,
        upstreamStatus: status,
      },
    );
  }
  return new RegistryUpstreamError(
    `registry ${registry} failed on ${what.operation} (HTTP ${status}): ${message}`,
    { registry, upstreamStatus: status },
  );
}

/** Network-level failures of fetch: timed out (504), refused, unresolvable, reset (502). */
export function mapRegistryNetworkError(
  registry: string,
  error: unknown,
  timeoutMs: number,
  operation: string,
): Error {
  const failure = describeNetworkFailure(error);
  if (failure.timedOut) {
    return new RegistryUpstreamError(
      `registry ${registry} did not answer ${operation} within ${timeoutMs} ms`,
      { registry, statusCode: 504 },
    );
  }
  return new RegistryUpstreamError(
    `registry ${registry} ${failure.reason} during ${operation} (${failure.detail})`,
    { registry },
  );
}

export { registryMessage };
