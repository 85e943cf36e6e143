import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash, randomUUID, sign } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net, { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/*
 * Test helpers around a real registry: Debian's `docker-registry` (the CNCF distribution registry), a token
 * issuer for its Bearer-token authentication, a counting proxy in front of it, and pushing images through
 * its HTTP API without Docker. `scripts/system-deps.sh` installs docker-registry, apache2-utils (htpasswd)
 * and openssl; a missing program fails the tests, it does not skip them.
 */

export const REGISTRY_SERVICE = 'app-center-test-registry';
export const TOKEN_ISSUER = 'app-center-test-issuer';

function which(program: string, hint: string): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, program);
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  throw new Error(
    `${program} is not installed; ${hint} (bash scripts/system-deps.sh installs it)`,
  );
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise(resolve => server.close(resolve));
  return port;
}

const b64url = (data: Buffer | string) =>
  Buffer.from(data).toString('base64url');

/** An RSA key and its self-signed certificate, made with the openssl CLI. */
export function generateSigningKey(dir: string): {
  keyPem: string;
  certPem: string;
  certPath: string;
} {
  const openssl = which(
    'openssl',
    'the token tests sign their tokens with a key it generates',
  );
  const keyPath = path.join(dir, 'token.key');
  const certPath = path.join(dir, 'token.crt');
  execFileSync(
    openssl,
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      keyPath,
      '-out',
      certPath,
      '-days',
      '2',
      '-subj',
      `/CN=${TOKEN_ISSUER}`,
    ],
    { stdio: 'pipe' },
  );
  return {
    keyPem: fs.readFileSync(keyPath, 'utf8'),
    certPem: fs.readFileSync(certPath, 'utf8'),
    certPath,
  };
}

/** A bcrypt htpasswd line, made with Apache's htpasswd (registry 2.8 accepts bcrypt entries only). */
export function htpasswdLine(user: string, password: string): string {
  const htpasswd = which(
    'htpasswd',
    'the htpasswd tests need it (Debian package apache2-utils)',
  );
  return execFileSync(htpasswd, ['-nbB', user, password], {
    encoding: 'utf8',
  }).trim();
}

export interface RunningRegistry {
  host: string;
  url: string;
  stop(): Promise<void>;
  output(): string;
}

/**
 * Starts docker-registry on a random loopback port with filesystem storage in `dir`, and `auth` (the
 * registry's `auth:` section as YAML lines, indented by two) when given.
 */
export async function startDistributionRegistry(
  dir: string,
  auth?: string,
): Promise<RunningRegistry> {
  const binary = which(
    'docker-registry',
    'the registry tests run the CNCF distribution registry (Debian package docker-registry)',
  );
  const port = await freePort();
  const configPath = path.join(dir, 'config.yml');
  fs.mkdirSync(path.join(dir, 'storage'), { recursive: true });
  fs.writeFileSync(
    configPath,
    [
      'version: 0.1',
      'log:',
      '  level: error',
      '  accesslog:',
      '    disabled: true',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${path.join(dir, 'storage')}`,
      '  delete:',
      '    enabled: true',
      'http:',
      `  addr: 127.0.0.1:${port}`,
      ...(auth ? ['auth:', auth] : []),
      '',
    ].join('\n'),
  );
  let output = '';
  const child: ChildProcess = spawn(binary, ['serve', configPath], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', d => (output += d));
  child.stderr!.on('data', d => (output += d));
  const exited = new Promise<void>(resolve =>
    child.once('exit', () => resolve()),
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`docker-registry exited at start:\n${output}`);
    try {
      const res = await fetch(`${url}/v2/`);
      await res.arrayBuffer();
      if (res.status === 200 || res.status === 401) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`docker-registry did not start within 15 s:\n${output}`);
    }
    await new Promise(r => setTimeout(r, 100));
  }
  return {
    host: `127.0.0.1:${port}`,
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise(r => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    },
  };
}

interface Listening {
  url: string;
  host: string;
  close(): Promise<void>;
}

async function listen(server: http.Server): Promise<Listening> {
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A token issuer for the registry's `auth.token`: checks Basic credentials against `users`, and signs a
 * JWT (RS256, the certificate in `x5c`) granting the requested actions on the requested repository. An
 * anonymous request gets a token without any access (as public registries answer for private repositories);
 * wrong credentials get a 401.
 */
export async function startTokenIssuer(options: {
  keyPem: string;
  certPem: string;
  users: Record<string, string>;
  expiresIn?: number;
}) {
  const requests: Array<{ url: string; user?: string }> = [];
  const x5c = options.certPem
    .replace(/-----(BEGIN|END) CERTIFICATE-----/g, '')
    .replace(/\s+/g, '');
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://issuer');
    const header = req.headers.authorization ?? '';
    let user: string | undefined;
    if (header.startsWith('Basic ')) {
      const [name, ...rest] = Buffer.from(header.slice(6), 'base64')
        .toString('utf8')
        .split(':');
      if (options.users[name] !== rest.join(':')) {
        requests.push({ url: req.url ?? '' });
        res.writeHead(401, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ details: 'incorrect username or password' }));
        return;
      }
      user = name;
    }
    requests.push({ url: req.url ?? '', user });
    const access = url.searchParams.getAll('scope').flatMap(scope => {
      const [type, name, actions] = scope.split(':');
      return user && type === 'repository' && name && actions
        ? [{ type, name, actions: actions.split(',') }]
        : [];
    });
    const now = Math.floor(Date.now() / 1000);
    const expiresIn = options.expiresIn ?? 300;
    const head = b64url(
      JSON.stringify({ typ: 'JWT', alg: 'RS256', x5c: [x5c] }),
    );
    const claims = b64url(
      JSON.stringify({
        iss: TOKEN_ISSUER,
        sub: user ?? '',
        aud: url.searchParams.get('service') ?? '',
        exp: now + expiresIn,
        nbf: now - 10,
        iat: now,
        jti: randomUUID(),
        access,
      }),
    );
    const signature = b64url(
      sign('sha256', Buffer.from(`${head}.${claims}`), options.keyPem),
    );
    const token = `${head}.${claims}.${signature}`;
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(
      JSON.stringify({
        token,
        access_token: token,
        expires_in: expiresIn,
        issued_at: new Date().toISOString(),
      }),
    );
  });
  return { ...(await listen(server)), requests };
}

/**
 * A proxy in front of the registry that records every request. Debian's docker-registry (distribution 2.8)
 * ignores `n` on tags/list and answers every tag at once; distribution v3, Harbor and the public registries
 * page it. With `pageTags`, the proxy pages the registry's real answer the way distribution v3 does
 * (`n`, `last`, and a `Link: <...>; rel="next"` header) so the client's Link pagination runs against
 * real data and real authentication.
 */
export async function startCountingProxy(
  target: string,
  options: { pageTags?: boolean } = {},
) {
  const requests: Array<{ method: string; url: string; status?: number }> = [];
  const server = http.createServer(async (req, res) => {
    const entry: { method: string; url: string; status?: number } = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
    };
    requests.push(entry);
    try {
      const headers: Record<string, string> = {};
      for (const name of ['authorization', 'accept']) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      const url = new URL(req.url ?? '/', target);
      const tagsList = /^\/v2\/(.+)\/tags\/list$/.exec(url.pathname);
      const upstream = await fetch(
        `${target}${url.pathname}${
          tagsList && options.pageTags ? '' : url.search
        }`,
        {
          method: req.method,
          headers,
          redirect: 'manual',
        },
      );
      const body = Buffer.from(await upstream.arrayBuffer());
      entry.status = upstream.status;
      const out: Record<string, string> = {};
      upstream.headers.forEach((value, name) => {
        if (
          ![
            'content-length',
            'transfer-encoding',
            'connection',
            'content-encoding',
          ].includes(name)
        )
          out[name] = value;
      });
      if (tagsList && options.pageTags && upstream.ok) {
        const all: string[] = [
          ...(JSON.parse(body.toString('utf8')).tags ?? []),
        ].sort();
        const n = Number(url.searchParams.get('n') ?? all.length);
        const last = url.searchParams.get('last');
        const start = last ? all.findIndex(t => t > last) : 0;
        const page = start < 0 ? [] : all.slice(start, start + n);
        if (start >= 0 && start + n < all.length) {
          out.link = `</v2/${tagsList[1]}/tags/list?last=${encodeURIComponent(
            page[page.length - 1],
          )}&n=${n}>; rel="next"`;
        }
        res.writeHead(200, { ...out, 'content-type': 'application/json' });
        res.end(JSON.stringify({ name: tagsList[1], tags: page }));
        return;
      }
      res.writeHead(upstream.status, out);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      entry.status = 599;
      res.writeHead(502);
      res.end(String(error));
    }
  });
  return { ...(await listen(server)), requests };
}

export interface PushedImage {
  tag: string;
  digest: string;
  created: string;
}

const sha256 = (data: Buffer | string) =>
  `sha256:${createHash('sha256').update(data).digest('hex')}`;

/**
 * Pushes one tiny layer and, for each tag, an OCI image manifest whose config has the given `created`
 * time, through the registry's HTTP API (monolithic blob uploads: POST, then PUT with the digest).
 */
export async function pushImages(options: {
  registryUrl: string;
  repository: string;
  authorization: string;
  images: Array<{ tag: string; created: string }>;
  concurrency?: number;
}): Promise<PushedImage[]> {
  const { registryUrl, repository, authorization } = options;
  const uploadBlob = async (content: Buffer) => {
    const digest = sha256(content);
    const start = await fetch(
      `${registryUrl}/v2/${repository}/blobs/uploads/`,
      {
        method: 'POST',
        headers: { Authorization: authorization, 'Content-Length': '0' },
      },
    );
    await start.arrayBuffer();
    if (start.status !== 202)
      throw new Error(`blob upload start answered ${start.status}`);
    const location = new URL(start.headers.get('location')!, registryUrl);
    location.searchParams.set('digest', digest);
    const put = await fetch(location, {
      method: 'PUT',
      headers: {
        Authorization: authorization,
        'Content-Type': 'application/octet-stream',
      },
      body: content,
    });
    await put.arrayBuffer();
    if (put.status !== 201)
      throw new Error(`blob upload answered ${put.status}`);
    return { digest, size: content.length };
  };

  const layerContent = Buffer.from('app-center registry test layer\n');
  const layer = await uploadBlob(layerContent);
  const pushed: PushedImage[] = new Array(options.images.length);
  let next = 0;
  const worker = async () => {
    while (next < options.images.length) {
      const index = next++;
      const { tag, created } = options.images[index];
      const config = await uploadBlob(
        Buffer.from(
          JSON.stringify({
            created,
            architecture: 'amd64',
            os: 'linux',
            config: {},
            rootfs: { type: 'layers', diff_ids: [sha256(layerContent)] },
          }),
        ),
      );
      const manifest = JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: {
          mediaType: 'application/vnd.oci.image.config.v1+json',
          ...config,
        },
        layers: [
          { mediaType: 'application/vnd.oci.image.layer.v1.tar', ...layer },
        ],
      });
      const res = await fetch(
        `${registryUrl}/v2/${repository}/manifests/${tag}`,
        {
          method: 'PUT',
          headers: {
            Authorization: authorization,
            'Content-Type': 'application/vnd.oci.image.manifest.v1+json',
          },
          body: manifest,
        },
      );
      const text = await res.text();
      if (res.status !== 201)
        throw new Error(`manifest ${tag} answered ${res.status}: ${text}`);
      pushed[index] = { tag, digest: sha256(manifest), created };
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 6 }, worker));
  return pushed;
}

/** A temporary folder, removed by the returned function. */
export function tempDir(prefix: string): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    dir,
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
