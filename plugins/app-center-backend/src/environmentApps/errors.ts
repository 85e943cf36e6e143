import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { ArgoCDUpstreamError } from '../argocd';

const messageOf = (error: unknown) =>
  error instanceof Error ? error.message : String(error);

/** An error of the same kind (status) as `cause`, with a message that says what state is left. */
export function restate(cause: unknown, message: string): Error {
  const e = cause as { name?: string; statusCode?: number; instance?: string };
  if (
    cause instanceof ArgoCDUpstreamError ||
    typeof e?.statusCode === 'number'
  ) {
    return new ArgoCDUpstreamError(message, {
      instance: e.instance ?? 'unknown',
      statusCode: e.statusCode === 504 ? 504 : 502,
    });
  }
  switch (e?.name) {
    case 'InputError':
      return new InputError(message);
    case 'ConflictError':
      return new ConflictError(message);
    case 'NotAllowedError':
      return new NotAllowedError(message);
    case 'NotFoundError':
      return new NotFoundError(message);
    default:
      return new ArgoCDUpstreamError(message, {
        instance: e?.instance ?? 'unknown',
      });
  }
}

/**
 * What a read could not see: an unreachable git or Argo CD becomes a warning and the view shows the other
 * side; other errors (bad input, access) still fail the read; both sides down fails it with both reasons.
 */
export class ReadWarnings {
  readonly items: string[] = [];

  constructor(private readonly logger?: LoggerService) {}

  gitFailed = (error: unknown): undefined => {
    if (!(typeof (error as { statusCode?: number }).statusCode === 'number'))
      throw error;
    this.items.push(
      `git could not be read, showing what Argo CD reports: ${messageOf(
        error,
      )}`,
    );
    return undefined;
  };

  argoFailed = (error: unknown): undefined => {
    if (!(error instanceof ArgoCDUpstreamError)) throw error;
    this.items.push(
      `Argo CD could not be read, showing what git holds: ${messageOf(error)}`,
    );
    this.logger?.warn(
      `environment app list without Argo CD: ${messageOf(error)}`,
    );
    return undefined;
  };

  bothFailed(instance: string): Error {
    return new ArgoCDUpstreamError(
      `neither git nor Argo CD could be read: ${this.items.join('; ')}`,
      { instance },
    );
  }

  /** `{ warnings }` when there are some, to spread into a response. */
  get wire(): { warnings?: string[] } {
    return this.items.length ? { warnings: this.items } : {};
  }
}
