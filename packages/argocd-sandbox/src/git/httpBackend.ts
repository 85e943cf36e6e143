import { spawn } from 'node:child_process';
import type http from 'node:http';
import os from 'node:os';

/** What the CGI program is told about the request besides its headers. */
export interface BackendRequest {
  /** Decoded path, checked to stay under the project root. */
  pathInfo: string;
  /** Query string without the `?`. */
  query: string;
  /** Authenticated user (REMOTE_USER). */
  user: string;
}

/**
 * Runs `git http-backend` as a CGI program for one request: the request body goes to its stdin, its CGI
 * headers (Status and the rest) become the response's, and the rest of its output is streamed back.
 */
export async function runHttpBackend(
  git: string,
  root: string,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  request: BackendRequest,
): Promise<void> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME ?? os.tmpdir(),
    GIT_PROJECT_ROOT: root,
    GIT_HTTP_EXPORT_ALL: '1',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_COUNT: '2',
    GIT_CONFIG_KEY_0: 'http.receivepack',
    GIT_CONFIG_VALUE_0: 'true',
    GIT_CONFIG_KEY_1: 'safe.directory',
    GIT_CONFIG_VALUE_1: '*',
    GATEWAY_INTERFACE: 'CGI/1.1',
    SERVER_PROTOCOL: `HTTP/${req.httpVersion}`,
    SERVER_SOFTWARE: 'argocd-sandbox-git',
    REQUEST_METHOD: req.method ?? 'GET',
    PATH_INFO: request.pathInfo,
    QUERY_STRING: request.query,
    REMOTE_USER: request.user,
    REMOTE_ADDR: req.socket.remoteAddress ?? '127.0.0.1',
    CONTENT_TYPE: req.headers['content-type'] ?? '',
  };
  if (req.headers['content-length']) {
    env.CONTENT_LENGTH = req.headers['content-length'];
  }
  if (req.headers['content-encoding']) {
    env.HTTP_CONTENT_ENCODING = req.headers['content-encoding'];
  }
  if (req.headers['git-protocol']) {
    env.GIT_PROTOCOL = String(req.headers['git-protocol']);
  }

  const child = spawn(git, ['http-backend'], {
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    if (stderr.length < 8192) stderr += chunk.toString('utf8');
  });
  child.stdin.on('error', () => {
    // http-backend may exit before reading the whole body (e.g. 403).
  });
  req.pipe(child.stdin);
  res.on('close', () => {
    if (child.exitCode === null) child.kill();
  });

  await new Promise<void>((resolve, reject) => {
    let head: Buffer = Buffer.alloc(0);
    let headerDone = false;
    child.on('error', reject);
    child.stdout.on('data', (chunk: Buffer) => {
      if (headerDone) {
        if (!res.write(chunk)) {
          child.stdout.pause();
          res.once('drain', () => child.stdout.resume());
        }
        return;
      }
      head = Buffer.concat([head, chunk]);
      const found = findHeaderEnd(head);
      if (!found) return;
      headerDone = true;
      let status = 200;
      const headers: Record<string, string> = {};
      for (const line of head
        .subarray(0, found.end)
        .toString('latin1')
        .split(/\r?\n/)) {
        const colon = line.indexOf(':');
        if (colon < 0) continue;
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === 'status') {
          status = parseInt(value, 10) || 500;
        } else {
          headers[name] = value;
        }
      }
      res.writeHead(status, headers);
      const rest = head.subarray(found.end + found.sep);
      if (rest.length) res.write(rest);
    });
    child.stdout.on('end', () => {
      if (!headerDone) {
        if (!res.headersSent) {
          res.writeHead(500, { 'Content-Type': 'text/plain' });
        }
        res.end(`git http-backend failed: ${stderr.trim()}\n`);
      } else {
        res.end();
      }
      resolve();
    });
  });
}

/** Where the CGI header block ends (a blank line, CRLF or LF) in what the program wrote so far. */
function findHeaderEnd(buf: Buffer): { end: number; sep: number } | undefined {
  const crlf = buf.indexOf('\r\n\r\n');
  const lf = buf.indexOf('\n\n');
  if (crlf >= 0 && (lf < 0 || crlf < lf)) return { end: crlf, sep: 4 };
  if (lf >= 0) return { end: lf, sep: 2 };
  return undefined;
}
