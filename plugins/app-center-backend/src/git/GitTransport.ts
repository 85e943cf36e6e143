import http from 'node:http';
import https from 'node:https';
import git from 'isomorphic-git';
import gitHttp from 'isomorphic-git/http/node';
import nodeFs from 'node:fs';
import { timeUpstream } from '../metrics';
import { GitUpstreamError } from './GitUpstreamError';
import { redactSecrets, redactUrl } from './redact';
import type { GitCredentials, GitCredentialsResolver } from './types';

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** Result of a push. */
export type PushOutcome =
  | { status: 'ok' }
  | { status: 'rejected'; reason: string };

function pktLine(payload: string | Buffer): Buffer {
  const body =
    typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
  return Buffer.concat([
    Buffer.from((body.length + 4).toString(16).padStart(4, '0')),
    body,
  ]);
}

/** Splits a buffer of pkt-lines; a flush packet is returned as null. */
function readPktLines(buf: Buffer): Array<Buffer | null> {
  const out: Array<Buffer | null> = [];
  let i = 0;
  while (i + 4 <= buf.length) {
    const len = parseInt(buf.subarray(i, i + 4).toString('ascii'), 16);
    if (Number.isNaN(len)) break;
    if (len === 0) {
      out.push(null);
      i += 4;
      continue;
    }
    if (len < 4) {
      i += 4;
      continue;
    }
    out.push(buf.subarray(i + 4, i + len));
    i += len;
  }
  return out;
}

/**
 * Talks to git hosts over smart HTTP: authentication headers, discovery,
 * fetch (isomorphic-git) and a minimal receive-pack push that sends exactly
 * the objects a commit created. Every failure becomes a {@link GitUpstreamError}
 * without credentials in its message.
 */
export class GitTransport {
  private readonly resolver?: GitCredentialsResolver;
  private readonly httpAgent = new http.Agent({
    keepAlive: true,
    maxSockets: 16,
  });
  private readonly httpsAgent = new https.Agent({
    keepAlive: true,
    maxSockets: 16,
  });

  constructor(options: { credentials?: GitCredentialsResolver } = {}) {
    this.resolver = options.credentials;
  }

  /** Headers (Authorization) for the URL and the secrets to scrub from messages. */
  async authFor(
    url: string,
  ): Promise<{ headers: Record<string, string>; secrets: string[] }> {
    const secrets: string[] = [];
    const parsed = safeUrl(url);
    if (parsed?.password) secrets.push(decodeURIComponent(parsed.password));
    if (parsed?.username) secrets.push(decodeURIComponent(parsed.username));
    let creds: GitCredentials | undefined = this.resolver
      ? await this.resolver(redactUrl(url))
      : undefined;
    if (!creds && parsed?.password) {
      creds = {
        username: decodeURIComponent(parsed.username),
        password: decodeURIComponent(parsed.password),
      };
    }
    const headers: Record<string, string> = {};
    if (creds && 'headers' in creds) {
      Object.assign(headers, creds.headers);
      secrets.push(
        ...Object.values(creds.headers).map(v => v.replace(/^\S+\s+/, '')),
      );
    } else if (creds && 'token' in creds) {
      secrets.push(creds.token);
      if (creds.username)
        secrets.push(
          Buffer.from(`${creds.username}:${creds.token}`).toString('base64'),
        );
      headers.Authorization = creds.username
        ? `Basic ${Buffer.from(`${creds.username}:${creds.token}`).toString(
            'base64',
          )}`
        : `Bearer ${creds.token}`;
    } else if (creds) {
      secrets.push(
        creds.password,
        Buffer.from(`${creds.username}:${creds.password}`).toString('base64'),
      );
      headers.Authorization = `Basic ${Buffer.from(
        `${creds.username}:${creds.password}`,
      ).toString('base64')}`;
    }
    return { headers, secrets };
  }

  /** The URL git is told about: never with credentials in it. */
  plainUrl(url: string): string {
    const parsed = safeUrl(url);
    if (!parsed) return url;
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  }

  /** Converts any failure of a git operation into an actionable, credential-free error. */
  toUpstreamError(
    error: unknown,
    url: string,
    secrets: string[],
    action: string,
  ): Error {
    if (error instanceof GitUpstreamError) return error;
    const e = error as {
      code?: string;
      message?: string;
      data?: { statusCode?: number };
      cause?: { code?: string };
    };
    const clean = redactUrl(url);
    const host = hostOf(url);
    const status = e?.data?.statusCode;
    const code = e?.code && NETWORK_CODES.has(e.code) ? e.code : e?.cause?.code;
    let message: string;
    if (status === 401 || status === 403) {
      message = `git host rejected the credentials for ${clean} (HTTP ${status}) while trying to ${action}; check the token configured for ${host}`;
    } else if (status === 404) {
      message = `git repository ${clean} was not found on ${host} (HTTP 404) while trying to ${action}`;
    } else if (status) {
      message = `git host ${host} answered HTTP ${status} while trying to ${action} ${clean}`;
    } else if (code && NETWORK_CODES.has(code)) {
      message = `git host ${host} unreachable (${code}) while trying to ${action} ${clean}`;
    } else {
      message = `git ${action} failed for ${clean}: ${
        e?.message ?? String(error)
      }`;
    }
    return new GitUpstreamError(redactSecrets(message, secrets), host);
  }

  /** The current commit of a branch on the remote, or undefined when the branch does not exist. */
  async remoteHead(url: string, branch: string): Promise<string | undefined> {
    const { headers, secrets } = await this.authFor(url);
    try {
      const refs = await timeUpstream('git', hostOf(url), () =>
        git.listServerRefs({
          http: gitHttp,
          url: this.plainUrl(url),
          headers,
          prefix: `refs/heads/${branch}`,
          protocolVersion: 1,
        }),
      );
      return refs.find(r => r.ref === `refs/heads/${branch}`)?.oid;
    } catch (error) {
      throw this.toUpstreamError(error, url, secrets, 'read the branch');
    }
  }

  /**
   * Fetches a branch into `gitdir` and returns the fetched commit.
   * `depth` makes it shallow; `relative` deepens an existing shallow clone.
   */
  async fetch(options: {
    gitdir: string;
    url: string;
    branch: string;
    depth?: number;
    relative?: boolean;
    cache: object;
  }): Promise<string | undefined> {
    const { headers, secrets } = await this.authFor(options.url);
    try {
      const result = await timeUpstream('git', hostOf(options.url), () =>
        git.fetch({
          fs: nodeFs,
          http: gitHttp,
          gitdir: options.gitdir,
          url: this.plainUrl(options.url),
          ref: options.branch,
          remoteRef: options.branch,
          remote: 'origin',
          singleBranch: true,
          tags: false,
          depth: options.depth,
          relative: options.relative,
          headers,
          cache: options.cache,
        }),
      );
      return result.fetchHead ?? undefined;
    } catch (error) {
      throw this.toUpstreamError(error, options.url, secrets, 'fetch');
    }
  }

  /**
   * Pushes `newOid` to the branch if, and only if, the branch is still at
   * `oldOid` (the server compares and swaps). `pack` holds the new objects.
   */
  async push(options: {
    url: string;
    branch: string;
    oldOid: string;
    newOid: string;
    pack: Uint8Array;
  }): Promise<PushOutcome> {
    const { headers, secrets } = await this.authFor(options.url);
    const ref = `refs/heads/${options.branch}`;
    const body = Buffer.concat([
      pktLine(
        `${options.oldOid} ${options.newOid} ${ref}\0report-status side-band-64k agent=app-center\n`,
      ),
      Buffer.from('0000'),
      Buffer.from(options.pack),
    ]);
    const target = new URL(
      `${this.plainUrl(options.url).replace(/\/$/, '')}/git-receive-pack`,
    );
    let response: { status: number; body: Buffer };
    try {
      response = await timeUpstream(
        'git',
        target.host,
        () =>
          this.post(target, body, {
            ...headers,
            'Content-Type': 'application/x-git-receive-pack-request',
            Accept: 'application/x-git-receive-pack-result',
            'User-Agent': 'git/app-center',
          }),
        r => r.status !== 200,
      );
    } catch (error) {
      throw this.toUpstreamError(error, options.url, secrets, 'push');
    }
    if (response.status !== 200) {
      const error = this.toUpstreamError(
        { data: { statusCode: response.status } },
        options.url,
        secrets,
        'push',
      );
      const text = response.body
        .toString('utf8')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 300);
      if (text && response.status !== 401 && response.status !== 403) {
        error.message += `: ${redactSecrets(text, secrets)}`;
      }
      throw error;
    }
    // Demultiplex side-band: band 1 carries the report-status pkt-lines.
    const report: Buffer[] = [];
    const errors: string[] = [];
    for (const line of readPktLines(response.body)) {
      if (!line || line.length === 0) continue;
      const band = line[0];
      if (band === 1) report.push(line.subarray(1));
      else if (band === 3)
        errors.push(line.subarray(1).toString('utf8').trim());
    }
    if (errors.length) {
      throw new GitUpstreamError(
        redactSecrets(
          `git host refused the push to ${redactUrl(
            options.url,
          )}: ${errors.join('; ')}`,
          secrets,
        ),
        target.host,
      );
    }
    const lines = readPktLines(Buffer.concat(report))
      .filter((l): l is Buffer => l !== null)
      .map(l => l.toString('utf8').replace(/\n$/, ''));
    const unpack = lines.find(l => l.startsWith('unpack '));
    if (unpack && unpack !== 'unpack ok') {
      throw new GitUpstreamError(
        redactSecrets(
          `git host could not store the pushed objects for ${redactUrl(
            options.url,
          )}: ${unpack}`,
          secrets,
        ),
        target.host,
      );
    }
    if (lines.includes(`ok ${ref}`)) return { status: 'ok' };
    const ng = lines.find(l => l.startsWith(`ng ${ref}`));
    if (ng)
      return { status: 'rejected', reason: ng.slice(`ng ${ref} `.length) };
    throw new GitUpstreamError(
      `git host sent no push report for ${redactUrl(options.url)}`,
      target.host,
    );
  }

  private post(url: URL, body: Buffer, headers: Record<string, string>) {
    const isHttps = url.protocol === 'https:';
    const mod = isHttps ? https : http;
    return new Promise<{ status: number; body: Buffer }>((resolve, reject) => {
      const req = mod.request(
        url,
        {
          method: 'POST',
          agent: isHttps ? this.httpsAgent : this.httpAgent,
          headers: { ...headers, 'Content-Length': String(body.length) },
        },
        res => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks),
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  /** Closes kept-alive connections. */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}

/** The host (with port) of a repository URL, as messages and metrics name it. */
function hostOf(url: string): string {
  return safeUrl(url)?.host ?? 'unknown';
}

function safeUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
