import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ContractPin } from './pins.ts';
import { ARGOCD_SWAGGER } from './pins.ts';
import {
  ContractNotFoundError,
  findRepositoryRoot,
  resolveContract,
} from './resolve.ts';

const PINNED = '{"swagger":"2.0","info":{"title":"pinned"}}';
const OTHER = '{"swagger":"2.0","info":{"title":"another version"}}';

/** A file server on its own thread: the resolver downloads synchronously, which blocks this thread's loop. */
async function serve(
  body: string,
): Promise<{ url: string; stop(): Promise<number> }> {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const server = require('node:http').createServer((req, res) => res.end(workerData));
     server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));`,
    { eval: true, workerData: body },
  );
  const port = await new Promise<number>(resolve =>
    worker.once('message', resolve),
  );
  return {
    url: `http://127.0.0.1:${port}/swagger.json`,
    stop: () => worker.terminate(),
  };
}

/** A local port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise(resolve => server.close(resolve));
  return port;
}

describe('resolveContract', () => {
  let dir: string;
  let root: string;
  let pin: ContractPin;
  const beside = () => path.join(dir, 'shared/contracts/test/swagger.json');
  const write = (file: string, body: string) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, body);
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'contracts-'));
    root = path.join(dir, 'clone');
    fs.mkdirSync(root);
    pin = {
      title: 'The test contract',
      env: 'TEST_CONTRACT_PATH',
      besideRepository: 'shared/contracts/test/swagger.json',
      url: 'http://127.0.0.1:9/unused',
      sha256: crypto.createHash('sha256').update(PINNED).digest('hex'),
    };
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('takes the file named by the environment variable first', () => {
    const own = path.join(dir, 'mine.json');
    write(own, PINNED);
    write(beside(), PINNED);
    expect(
      resolveContract(pin, {
        env: { TEST_CONTRACT_PATH: own },
        repositoryRoot: root,
      }),
    ).toBe(own);
  });

  it('refuses an environment file whose bytes differ from the pin, saying what to do', () => {
    const own = path.join(dir, 'mine.json');
    write(own, OTHER);
    write(beside(), PINNED);
    expect(() =>
      resolveContract(pin, {
        env: { TEST_CONTRACT_PATH: own },
        repositoryRoot: root,
      }),
    ).toThrow(
      new RegExp(
        `has sha256 [0-9a-f]{64}, not the pinned one[\\s\\S]*${pin.sha256}`,
      ),
    );
    expect(() =>
      resolveContract(pin, {
        env: { TEST_CONTRACT_PATH: path.join(dir, 'missing.json') },
        repositoryRoot: root,
      }),
    ).toThrow(/TEST_CONTRACT_PATH names .*missing\.json, which does not exist/);
  });

  it('takes the copy beside the repository when the variable is not set', () => {
    write(beside(), PINNED);
    expect(resolveContract(pin, { env: {}, repositoryRoot: root })).toBe(
      beside(),
    );
  });

  it('downloads the pinned URL, checks it and keeps it for the next run', async () => {
    write(beside(), OTHER);
    const server = await serve(PINNED);
    let file: string;
    try {
      file = resolveContract(
        { ...pin, url: server.url },
        { env: {}, repositoryRoot: root },
      );
    } finally {
      await server.stop();
    }
    expect(file.startsWith(path.join(root, '.app-center', 'contracts'))).toBe(
      true,
    );
    expect(fs.readFileSync(file, 'utf8')).toBe(PINNED);
    // the server is gone: the kept copy answers
    expect(
      resolveContract(
        { ...pin, url: server.url },
        { env: {}, repositoryRoot: root },
      ),
    ).toBe(file);
  });

  it('refuses a download whose bytes differ from the pin and keeps nothing', async () => {
    const server = await serve(OTHER);
    try {
      expect(() =>
        resolveContract(
          { ...pin, url: server.url },
          { env: {}, repositoryRoot: root },
        ),
      ).toThrow(
        /download of http:.*has sha256 [0-9a-f]{64}, not the pinned one/,
      );
    } finally {
      await server.stop();
    }
    expect(fs.readdirSync(path.join(root, '.app-center', 'contracts'))).toEqual(
      [],
    );
  });

  it('stops with one message naming every place it tried and what to do when the download fails', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/swagger.json`;
    let error: unknown;
    try {
      resolveContract({ ...pin, url }, { env: {}, repositoryRoot: root });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContractNotFoundError);
    const message = (error as Error).message;
    expect(message).toContain(
      'The test contract could not be found. Tried, in order:',
    );
    expect(message).toContain('TEST_CONTRACT_PATH: not set');
    expect(message).toContain(`beside the repository: no ${beside()}`);
    expect(message).toMatch(
      new RegExp(`download of ${url}: fetch failed \\(.*ECONNREFUSED`),
    );
    expect(message).toContain(
      `What to do: download ${url} (sha256 ${pin.sha256}) on a machine that reaches it, then set TEST_CONTRACT_PATH`,
    );
  });
});

describe('the pinned Argo CD contract', () => {
  it('is found from this repository, with the pinned bytes', () => {
    expect(findRepositoryRoot()).toBeDefined();
    const file = resolveContract(ARGOCD_SWAGGER);
    expect(
      crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex'),
    ).toBe(ARGOCD_SWAGGER.sha256);
  });
});
