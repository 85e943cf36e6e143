import { installTestMeterProvider } from './__testUtils__/testMeterProvider';
import {
  observeTaskQueueDepth,
  taskLeaseTakenOver,
  taskStarted,
  timeUpstream,
} from './appCenterMetrics';

describe('App Center metrics', () => {
  const provider = installTestMeterProvider();
  afterAll(() => provider.uninstall());

  it('times upstream calls and counts failures by upstream and target', async () => {
    await timeUpstream('argocd', 'prod-eu', async () => 'ok');
    await expect(
      timeUpstream('git', 'git.example.com', async () => {
        throw new Error('unreachable');
      }),
    ).rejects.toThrow('unreachable');
    await timeUpstream(
      'registry',
      'registry.example.com',
      async () => ({ status: 500 }),
      res => res.status >= 500,
    );

    const points = await provider.collect();
    const durations = points.get('app_center.upstream.duration')!;
    expect(durations.map(p => [p.attributes, p.value.count]).sort()).toEqual(
      [
        [{ upstream: 'argocd', target: 'prod-eu', outcome: 'ok' }, 1],
        [{ upstream: 'git', target: 'git.example.com', outcome: 'error' }, 1],
        [
          {
            upstream: 'registry',
            target: 'registry.example.com',
            outcome: 'error',
          },
          1,
        ],
      ].sort(),
    );
    expect(
      points
        .get('app_center.upstream.errors')!
        .map(p => [p.attributes, p.value]),
    ).toEqual(
      expect.arrayContaining([
        [{ upstream: 'git', target: 'git.example.com' }, 1],
        [{ upstream: 'registry', target: 'registry.example.com' }, 1],
      ]),
    );
  });

  it('counts running tasks, their duration by outcome, retries and lease takeovers', async () => {
    const first = taskStarted({ kind: 'deploy', attempts: 1 });
    const resumed = taskStarted({ kind: 'deploy', attempts: 2 });
    taskLeaseTakenOver('deploy');
    const handedBack = taskStarted({ kind: 'rollback', attempts: 1 });
    let points = await provider.collect();
    expect(
      points
        .get('app_center.tasks.running')!
        .map(p => [p.attributes.kind, p.value]),
    ).toEqual([
      ['deploy', 2],
      ['rollback', 1],
    ]);

    first('succeeded');
    resumed('failed');
    resumed('failed'); // ending twice records once
    handedBack('running'); // still running in the queue: another replica resumes it
    points = await provider.collect();
    expect(points.get('app_center.tasks.running')!.map(p => p.value)).toEqual([
      0, 0,
    ]);
    const durations = points.get('app_center.tasks.duration')!;
    expect(
      durations
        .map(p => [p.attributes.kind, p.attributes.outcome, p.value.count])
        .sort(),
    ).toEqual([
      ['deploy', 'failed', 1],
      ['deploy', 'succeeded', 1],
      ['rollback', 'handed-back', 1],
    ]);
    expect(points.get('app_center.tasks.retries')![0].value).toBe(1);
    expect(points.get('app_center.tasks.lease_takeovers')![0].value).toBe(1);
  });

  it('reports the queue depth at collection time, and no false zero when the count fails', async () => {
    let depth: number | Error = 3;
    const stop = observeTaskQueueDepth(async () => {
      if (depth instanceof Error) throw depth;
      return depth;
    });
    expect(
      (await provider.collect()).get('app_center.tasks.queued')![0].value,
    ).toBe(3);
    depth = 5;
    expect(
      (await provider.collect()).get('app_center.tasks.queued')![0].value,
    ).toBe(5);
    depth = new Error('database gone');
    const afterFailure = (await provider.collect()).get(
      'app_center.tasks.queued',
    )!;
    expect(afterFailure.map(p => p.value)).not.toContain(0);
    stop();
  });
});
