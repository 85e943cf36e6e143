import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { drained, openStream } from './framing.ts';

/** A server whose one route writes `line` until the client is gone, waiting whenever the socket is full. */
async function floodingServer(write: 'stream' | 'raw') {
  const result: {
    waits: number;
    closeListeners: number[];
    done?: Promise<void>;
  } = { waits: 0, closeListeners: [] };
  const server = http.createServer((req, res) => {
    const line = `${'x'.repeat(1000)}\n`;
    if (write === 'stream') {
      const stream = openStream(req, res);
      result.done = (async () => {
        while (!stream.closed) {
          if (!stream.send({ result: { content: line } })) {
            result.waits++;
            result.closeListeners.push(res.listenerCount('close'));
            await stream.drained();
          }
        }
      })();
    } else {
      res.writeHead(200);
      result.done = (async () => {
        while (!res.destroyed) {
          if (!res.write(line)) {
            result.waits++;
            result.closeListeners.push(res.listenerCount('close'));
            await drained(res);
          }
        }
      })();
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { server, port, result };
}

/** Reads `chunks` chunks slowly (so the server's socket fills up), then goes away. */
function slowReader(port: number, chunks: number) {
  return new Promise<void>((resolve, reject) => {
    const req = http.get(`http://127.0.0.1:${port}/`, res => {
      let seen = 0;
      res.on('data', () => {
        seen++;
        res.pause();
        if (seen >= chunks) {
          req.destroy();
          resolve();
        } else setTimeout(() => res.resume(), 2);
      });
    });
    req.on('error', error => {
      if (!req.destroyed) reject(error);
    });
  });
}

describe('stream backpressure', () => {
  it.each(['stream', 'raw'] as const)(
    'a %s writer waits for a slow reader, leaves no listener behind and stops when the reader goes away',
    async write => {
      const { server, port, result } = await floodingServer(write);
      try {
        await slowReader(port, 60);
        // the writer ends (it does not wait forever on a drain that will not come)
        await Promise.race([
          result.done,
          new Promise((_, reject) =>
            setTimeout(() => reject(new Error('the writer is stuck')), 5_000),
          ),
        ]);
        expect(result.waits).toBeGreaterThan(1);
        // each wait removed its listeners: the count does not grow with the waits
        expect(new Set(result.closeListeners).size).toBe(1);
      } finally {
        server.closeAllConnections();
        server.close();
      }
    },
  );

  it('does not wait on a response that is already gone', async () => {
    const res = {
      destroyed: true,
      writableEnded: false,
      writableNeedDrain: true,
    } as unknown as http.ServerResponse;
    await expect(drained(res)).resolves.toBeUndefined();
  });
});
