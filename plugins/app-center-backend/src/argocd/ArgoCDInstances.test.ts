import { ConfigReader } from '@backstage/config';
import { ArgoCDInstances } from './ArgoCDInstances';

describe('ArgoCDInstances', () => {
  const config = new ConfigReader({
    appCenter: {
      argocd: {
        timeout: '5s',
        instances: [
          { name: 'main', url: 'https://argocd.example.com/', token: 'a' },
          {
            name: 'edge',
            url: 'https://edge.example.com/argo',
            token: 'b',
            timeout: { seconds: 2 },
          },
        ],
      },
    },
  });

  it('gives a client per configured name and a clear error for others', () => {
    const instances = ArgoCDInstances.fromConfig(config);
    expect(instances.names()).toEqual(['main', 'edge']);
    expect(instances.get('edge').name).toBe('edge');
    expect(() => instances.get('nope')).toThrow(
      'Argo CD instance "nope" is not configured (appCenter.argocd.instances has "main", "edge")',
    );
  });

  it('reads the timeout globally and per instance', async () => {
    const urls: string[] = [];
    const signals: AbortSignal[] = [];
    const instances = ArgoCDInstances.fromConfig(config, {
      fetch: async (url, init) => {
        urls.push(String(url));
        signals.push(init!.signal!);
        return new Response('{"items":[]}');
      },
    });
    await instances.get('main').listApplications();
    await instances.get('edge').listApplications();
    expect(urls).toEqual([
      'https://argocd.example.com/api/v1/applications',
      'https://edge.example.com/argo/api/v1/applications',
    ]);
    expect(instances.get('main').timeoutMs).toBe(5000);
    expect(instances.get('edge').timeoutMs).toBe(2000);
  });

  it('refuses a name given twice', () => {
    expect(
      () =>
        new ArgoCDInstances([
          { name: 'a', url: 'http://x', token: 't' },
          { name: 'a', url: 'http://y', token: 't' },
        ]),
    ).toThrow(/names "a" twice/);
  });
});
