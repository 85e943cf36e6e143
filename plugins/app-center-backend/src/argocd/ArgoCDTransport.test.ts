import { ArgoCDTransport } from './ArgoCDTransport';

/**
 * The transport's deadline against a scripted fetch: it covers a read until its body is in and a stream until
 * its headers are, is cleared on every way out of a call, and still fires on a connection that stalls.
 */

/** A timeout no other timer of the test uses, so that the transport's deadlines can be told apart. */
const TIMEOUT_MS = 12_345;

/**
 * The transport's deadline timers (those of TIMEOUT_MS) armed since `watchDeadlines()` and not yet cleared:
 * a deadline left behind would be one.
 */
function watchDeadlines() {
  const armed = new Set<unknown>();
  const realSet = global.setTimeout;
  const realClear = global.clearTimeout;
  const set = jest.spyOn(global, 'setTimeout').mockImplementation(((
    fn: () => void,
    ms?: number,
    ...args: unknown[]
  ) => {
    const handle = realSet(
      () => {
        armed.delete(handle);
        fn();
      },
      ms,
      ...args,
    );
    if (ms === TIMEOUT_MS) armed.add(handle);
    return handle;
  }) as typeof setTimeout);
  const clear = jest.spyOn(global, 'clearTimeout').mockImplementation(((
    handle?: NodeJS.Timeout,
  ) => {
    armed.delete(handle);
    realClear(handle);
  }) as typeof clearTimeout);
  return {
    armed,
    /** How many deadlines were armed in all. */
    count: () => set.mock.calls.filter(([, ms]) => ms === TIMEOUT_MS).length,
    restore: () => {
      set.mockRestore();
      clear.mockRestore();
    },
  };
}

const encoder = new TextEncoder();

/** A fetch that answers each call with the next of `answers` (a Response, an error to throw, or 'stall'). */
function scripted(answers: Array<Response | Error | 'stall'>) {
  const calls: Array<{ url: string; signal?: AbortSignal }> = [];
  const fetchImpl = (async (url: string, init?: RequestInit) => {
    calls.push({ url, signal: init?.signal ?? undefined });
    const next = answers.shift();
    if (next === undefined) throw new Error('no answer scripted');
    if (next instanceof Error) throw next;
    if (next === 'stall') {
      // Accepts the connection but never sends headers: only the abort ends it.
      return new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () =>
          reject(init.signal!.reason),
        );
      });
    }
    return next;
  }) as unknown as typeof fetch;
  return { fetchImpl, calls };
}

function transport(fetchImpl: typeof fetch, timeoutMs = TIMEOUT_MS) {
  return new ArgoCDTransport(
    { name: 'main', url: 'http://argocd.invalid', token: 't', timeoutMs },
    { retries: 2, backoffMs: 1, fetch: fetchImpl },
  );
}

/** A body whose chunks arrive every `everyMs`, following the signal like undici's bodies do. */
function slowBody(chunks: string[], everyMs: number, signal?: AbortSignal) {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      signal?.addEventListener('abort', () => controller.error(signal.reason));
      let i = 0;
      const next = () => {
        if (signal?.aborted) return;
        if (i === chunks.length) {
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(chunks[i++]));
        setTimeout(next, everyMs);
      };
      next();
    },
  });
}

const call = { method: 'GET' as const, path: '/applications' };

describe('ArgoCDTransport deadline', () => {
  let deadlines: ReturnType<typeof watchDeadlines>;
  beforeEach(() => {
    deadlines = watchDeadlines();
  });
  afterEach(() => deadlines.restore());

  it('clears a read’s deadline once its body is in', async () => {
    const { fetchImpl } = scripted([
      new Response('{"items":[]}', { status: 200 }),
    ]);
    await expect(transport(fetchImpl).json(call)).resolves.toEqual({
      items: [],
    });
    expect(deadlines.count()).toBe(1);
    expect(deadlines.armed.size).toBe(0);
  });

  it('clears it on an error status, on every retry and on a network error', async () => {
    const notFound = scripted([new Response('gone', { status: 404 })]);
    await expect(
      transport(notFound.fetchImpl).json(call),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
    expect(deadlines.armed.size).toBe(0);

    const retried = scripted([
      new Response('leader changed', { status: 503 }),
      new TypeError('fetch failed'),
      new Response('{}', { status: 200 }),
    ]);
    await expect(transport(retried.fetchImpl).json(call)).resolves.toEqual({});
    expect(retried.calls).toHaveLength(3);
    expect(deadlines.armed.size).toBe(0);

    const refused = scripted([
      new TypeError('fetch failed'),
      new TypeError('fetch failed'),
      new TypeError('fetch failed'),
    ]);
    await expect(transport(refused.fetchImpl).json(call)).rejects.toMatchObject(
      { statusCode: 502 },
    );
    expect(deadlines.armed.size).toBe(0);

    const write = scripted([new Response('boom', { status: 500 })]);
    await expect(
      transport(write.fetchImpl).json({ method: 'POST', path: '/x' }),
    ).rejects.toMatchObject({ statusCode: 502 });
    expect(write.calls).toHaveLength(1);
    expect(deadlines.armed.size).toBe(0);
    // one deadline per attempt: 1 + 3 + 3 + 1
    expect(deadlines.count()).toBe(8);
  });

  it('clears a stream’s deadline at its headers and on a refused stream', async () => {
    const refused = scripted([new Response('denied', { status: 403 })]);
    await expect(
      transport(refused.fetchImpl).send(
        { method: 'GET', path: '/logs', project: 'shop' },
        { stream: true },
      ),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
    const open = scripted([
      new Response(new ReadableStream(), { status: 200 }),
    ]);
    const res = await transport(open.fetchImpl).send(
      { method: 'GET', path: '/logs' },
      { stream: true },
    );
    expect(deadlines.count()).toBe(2);
    expect(deadlines.armed.size).toBe(0);
    await res.body!.cancel();
  });

  it('still times out a read whose body stalls, and a stream that never sends its headers', async () => {
    const quick = transport(
      (async (_url: string, init?: RequestInit) =>
        new Response(slowBody(['{"items":', '[]}'], 1_000, init?.signal!), {
          status: 200,
        })) as unknown as typeof fetch,
      100,
    );
    await expect(quick.json({ ...call, method: 'POST' })).rejects.toMatchObject(
      {
        statusCode: 504,
        message:
          'Argo CD "main" did not answer POST /applications within 100 ms',
      },
    );

    const stalled = scripted(['stall']);
    const started = Date.now();
    await expect(
      transport(stalled.fetchImpl, 100).send(
        { method: 'GET', path: '/stream/applications/web/resource-tree' },
        { stream: true },
      ),
    ).rejects.toMatchObject({
      statusCode: 504,
      message:
        'Argo CD "main" did not answer GET /stream/applications/web/resource-tree within 100 ms',
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    // a call that timed out is not tried again (it would only stall again)
    expect(stalled.calls).toHaveLength(1);
  });

  it('ends a stream’s deadline at its headers: a stream outlasting the timeout is read to its end', async () => {
    const chunks = [
      '{"result":{"n":1}}\n',
      '{"result":{"n":2}}\n',
      '{"result":{"n":3}}\n',
    ];
    let signal: AbortSignal | undefined;
    const http = transport(
      (async (_url: string, init?: RequestInit) => {
        signal = init?.signal ?? undefined;
        return new Response(slowBody(chunks, 150, signal), { status: 200 });
      }) as unknown as typeof fetch,
      100,
    );
    const res = await http.send(
      { method: 'GET', path: '/stream/applications/web/resource-tree' },
      { stream: true },
    );
    const started = Date.now();
    const text = await res.text();
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(text).toBe(chunks.join(''));
    expect(signal?.aborted).toBe(false);
  });

  it('still lets the caller stop a stream', async () => {
    const controller = new AbortController();
    const http = transport(
      (async (_url: string, init?: RequestInit) =>
        new Response(slowBody(['a\n', 'b\n', 'c\n'], 50, init?.signal!), {
          status: 200,
        })) as unknown as typeof fetch,
      100,
    );
    const res = await http.send(
      { method: 'GET', path: '/logs', signal: controller.signal },
      { stream: true },
    );
    const reader = res.body!.getReader();
    await reader.read();
    controller.abort();
    await expect(reader.read()).rejects.toBeDefined();
  });
});
