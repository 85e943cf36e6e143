import { CustomErrorBase } from '@backstage/errors';

/**
 * The git host failed: unreachable, refused the credentials, or answered with
 * an error. Answered as 502 (Backstage's error handler reads `statusCode`).
 * Messages never contain credentials.
 */
export class GitUpstreamError extends CustomErrorBase {
  name = 'GitUpstreamError' as const;
  readonly statusCode = 502;
  /** Host of the git server (no credentials). */
  readonly host: string;

  constructor(message: string, host: string) {
    super(message);
    this.host = host;
  }
}
