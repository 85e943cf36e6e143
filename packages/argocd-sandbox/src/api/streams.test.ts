/* eslint-disable @typescript-eslint/no-explicit-any */
import type { Harness } from '../testing/harness.ts';
import { validateStreamItem } from '../testing/harness.ts';
import { settledApp, startWebAppHarness, syncApp } from '../testing/webApp.ts';

describe('Argo CD API: pod log and resource tree streams', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startWebAppHarness();
    await syncApp(h, 'web');
    await settledApp(h, 'web', 'Healthy');
  });
  afterAll(() => h.close());

  it('streams pod logs as newline JSON and SSE, ending with last: true', async () => {
    const nd = await h.stream(
      '/api/v1/applications/web/logs?tailLines=2&container=web&kind=Deployment&group=apps&resourceName=web',
    );
    expect(nd.contentType).toMatch(/application\/json/);
    for (const i of nd.items)
      expect(validateStreamItem('applicationLogEntry', i)).toEqual({
        valid: true,
        errors: [],
      });
    expect(nd.items[nd.items.length - 1].result).toEqual({
      content: '',
      podName: '',
      timeStampStr: expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/),
      timeStamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:]+Z$/),
      last: true,
    });
    expect(nd.items.length).toBe(5);
    expect(nd.items[0].result.timeStampStr).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z$/,
    );
    const sse = await h.stream(
      '/api/v1/applications/web/logs?tailLines=1&filter=!healthz',
      { sse: true },
    );
    expect(sse.contentType).toMatch(/text\/event-stream/);
    expect(sse.raw).toMatch(/^data: \{"result":/);
    expect(sse.items[sse.items.length - 1].result.last).toBe(true);
    const pod = (
      await h.call(
        'GET',
        '/api/v1/applications/web/resource-tree',
        'v1alpha1ApplicationTree',
      )
    ).nodes.find((n: any) => n.kind === 'Pod');
    const follow = await h.stream(
      `/api/v1/applications/web/pods/${pod.name}/logs?follow=true&tailLines=1`,
      { until: items => items.length >= 3 },
    );
    expect(follow.items.length).toBeGreaterThanOrEqual(3);
    expect(follow.items.every(i => !i.result.last)).toBe(true);
    const prev = await h.stream(
      `/api/v1/applications/web/pods/${pod.name}/logs?previous=true`,
    );
    expect(prev.items[0].result.content).toMatch(
      /previous terminated container "web" in pod/,
    );
  });

  it('streams the resource tree, as SSE too', async () => {
    const s = await h.stream('/api/v1/stream/applications/web/resource-tree', {
      sse: true,
      until: items => items.length >= 1,
    });
    expect(validateStreamItem('v1alpha1ApplicationTree', s.items[0])).toEqual({
      valid: true,
      errors: [],
    });
    expect(
      s.items[0].result.nodes.some((n: any) => n.kind === 'Deployment'),
    ).toBe(true);
  });
});
