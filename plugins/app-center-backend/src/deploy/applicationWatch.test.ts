import type { Application, ArgoCDClient } from '../argocd';
import { ApplicationWatches } from './applicationWatch';

const app = (name: string, version = '1'): Application =>
  ({ metadata: { name, resourceVersion: version } } as Application);

/** An Argo CD client recording its reads; each list answers the apps given. */
function fakeClient(apps: Application[]) {
  const calls: string[] = [];
  const client = {
    name: 'main',
    listApplications: async (o: { selector?: string }) => {
      calls.push(`list ${o.selector}`);
      return apps;
    },
    getApplication: async (name: string) => {
      calls.push(`get ${name}`);
      const found = apps.find(a => a.metadata.name === name);
      if (!found)
        throw Object.assign(new Error('not found'), { name: 'NotFoundError' });
      return found;
    },
  } as unknown as ArgoCDClient;
  return { client, calls };
}

const scope = (client: ArgoCDClient) => ({
  client,
  appProject: 'default',
  selector: 'app-center.io/project=shop,app-center.io/environment=dev',
});

describe('ApplicationWatch', () => {
  it('answers every app waiting with ONE list call, and a lone app with its own read', async () => {
    const { client, calls } = fakeClient([app('a'), app('b'), app('c')]);
    const watch = new ApplicationWatches().of(scope(client));
    const signal = new AbortController().signal;
    const read = await Promise.all(
      ['a', 'b', 'c', 'gone'].map(n => watch.next(n, signal)),
    );
    expect(read.map(a => a?.metadata.name)).toEqual(['a', 'b', 'c', undefined]);
    expect(calls).toEqual([
      'list app-center.io/project=shop,app-center.io/environment=dev',
    ]);
    expect((await watch.next('b', signal))?.metadata.name).toBe('b');
    expect(await watch.next('gone', signal)).toBeUndefined();
    expect(calls.slice(1)).toEqual(['get b', 'get gone']);
  });

  it('shares one watch per environment across tasks, and a cancelled wait ends at once', async () => {
    const { client } = fakeClient([app('a')]);
    const watches = new ApplicationWatches();
    expect(watches.of(scope(client))).toBe(watches.of(scope(client)));
    const controller = new AbortController();
    const waiting = watches.of(scope(client)).next('a', controller.signal);
    controller.abort(new Error('task cancelled'));
    await expect(waiting).rejects.toThrow('task cancelled');
  });

  it('hands a failed read to every app waiting on it', async () => {
    const { client } = fakeClient([]);
    (client as any).listApplications = async () => {
      throw new Error('Argo CD is down');
    };
    const watch = new ApplicationWatches().of(scope(client));
    const signal = new AbortController().signal;
    const results = await Promise.allSettled([
      watch.next('a', signal),
      watch.next('b', signal),
    ]);
    expect(results.map(r => r.status)).toEqual(['rejected', 'rejected']);
  });
});
