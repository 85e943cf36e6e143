import {
  ConflictError,
  CustomErrorBase,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { describeNetworkFailure } from '@internal/plugin-app-center-node';

/**
 * Argo CD failed: unreachable, too slow, refused App Center's token, or answered with a server error.
 * Answered as 502 (or 504 for a timeout): Backstage's error handler reads `statusCode`. Messages carry the
 * upstream message and the instance name, never the token.
 */
export class ArgoCDUpstreamError extends CustomErrorBase {
  name = 'ArgoCDUpstreamError' as const;
  readonly statusCode: 502 | 504;
  /** The Argo CD instance name (from config). */
  readonly instance: string;
  /** HTTP status Argo CD answered with; undefined when no answer came. */
  readonly upstreamStatus?: number;

  constructor(
    message: string,
    options: {
      instance: string;
      statusCode?: 502 | 504;
      upstreamStatus?: number;
      cause?: unknown;
    },
  ) {
    // The cause is not chained into the message: the message already names what failed, in words.
    super(message);
    Object.defineProperty(this, 'upstreamCause', {
      value: options.cause,
      enumerable: false,
    });
    this.instance = options.instance;
    this.statusCode = options.statusCode ?? 502;
    this.upstreamStatus = options.upstreamStatus;
  }
}

/** What Argo CD's error bodies hold: unary `{error, code, message}` or stream `{error: {message, ...}}`. */
export function upstreamMessage(text: string): {
  message: string;
  code?: number;
} {
  try {
    const body = JSON.parse(text);
    if (body && typeof body === 'object') {
      if (typeof body.message === 'string' && body.message) {
        return {
          message: body.message,
          code: typeof body.code === 'number' ? body.code : undefined,
        };
      }
      if (typeof body.error === 'string' && body.error)
        return { message: body.error };
      if (body.error && typeof body.error.message === 'string') {
        return { message: body.error.message, code: body.error.grpc_code };
      }
    }
  } catch {
    // not JSON: the text itself (e.g. the 415 answer) is the message
  }
  const trimmed = text.trim().slice(0, 500);
  return { message: trimmed || 'no message' };
}

/** What the failed call was about, for the message and for the 403 rule. */
export interface CallContext {
  instance: string;
  method: string;
  /** Path below /api/v1, without the query. */
  path: string;
  /** The application the call names, when it names one. */
  application?: string;
  /** Whether the call passed `project=` (then a missing app is a 404, so a 403 is a real denial). */
  withProject: boolean;
}

/**
 * Maps an Argo CD error answer to the Backstage error a caller of App Center should see.
 * 400 -> InputError (ConflictError when another operation runs or the app differs), 401 -> 502 (App Center's
 * token was refused: the portal's configuration, not the user, is at fault), 403 -> NotFoundError for an
 * app looked up without project (Argo CD hides missing apps behind 403) or NotAllowedError, 404 -> NotFoundError,
 * 409 -> ConflictError, 504 -> 504, any other status -> 502.
 */
export function mapUpstreamError(
  ctx: CallContext,
  status: number,
  bodyText: string,
): Error {
  const error = mapStatus(ctx, status, upstreamMessage(bodyText).message);
  // Every mapped error keeps Argo CD's status, e.g. for the fallback of resource actions to v1.
  return Object.assign(error, { upstreamStatus: status });
}

function mapStatus(ctx: CallContext, status: number, message: string): Error {
  const where = `Argo CD "${ctx.instance}"`;
  const what = `${ctx.method} ${ctx.path}`;
  switch (status) {
    case 400:
      if (/another operation is already in progress/i.test(message)) {
        return new ConflictError(
          `${where}: another operation is already in progress on ${
            ctx.application ?? 'the application'
          }; wait for it to finish or terminate it (${message})`,
        );
      }
      if (/existing application spec is different/i.test(message)) {
        return new ConflictError(`${where}: ${message}`);
      }
      return new InputError(`${where} refused ${what}: ${message}`);
    case 401:
      return new ArgoCDUpstreamError(
        `${where} rejected App Center's token (401: ${message}); check appCenter.argocd.instances "${ctx.instance}" token`,
        { instance: ctx.instance, upstreamStatus: status },
      );
    case 403:
      if (ctx.application && !ctx.withProject) {
        return new NotFoundError(
          `${where}: application ${ctx.application} does not exist or App Center's account may not read it (${message})`,
        );
      }
      return new NotAllowedError(
        `${where} denied ${what} to App Center's account: ${message}`,
      );
    case 404:
      return new NotFoundError(`${where}: ${message}`);
    case 409:
      return new ConflictError(`${where}: ${message}`);
    case 504:
      return new ArgoCDUpstreamError(
        `${where} timed out on ${what}: ${message}`,
        {
          instance: ctx.instance,
          statusCode: 504,
          upstreamStatus: status,
        },
      );
    default:
      return new ArgoCDUpstreamError(
        `${where} failed on ${what} (HTTP ${status}): ${message}`,
        {
          instance: ctx.instance,
          upstreamStatus: status,
        },
      );
  }
}

/** Network-level failures of fetch: refused, reset, timed out. */
export function mapNetworkError(
  ctx: CallContext,
  error: unknown,
  timeoutMs: number,
): Error {
  const failure = describeNetworkFailure(error);
  const where = `Argo CD "${ctx.instance}"`;
  const what = `${ctx.method} ${ctx.path}`;
  if (failure.timedOut) {
    return new ArgoCDUpstreamError(
      `${where} did not answer ${what} within ${timeoutMs} ms`,
      {
        instance: ctx.instance,
        statusCode: 504,
        cause: error,
      },
    );
  }
  return new ArgoCDUpstreamError(
    `${where} ${failure.reason} during ${what} (${failure.detail})`,
    {
      instance: ctx.instance,
      cause: error,
    },
  );
}
