/* eslint-disable @typescript-eslint/no-explicit-any */
import { bulkLine, bulkLogLines } from '../cluster/bulkLog.ts';
import type { LogLine } from '../cluster/logs.ts';
import { podLog } from '../cluster/logs.ts';
import type { K8sObject } from '../cluster/types.ts';
import { invalidArgument } from '../http/errors.ts';
import type { StreamWriter } from '../http/framing.ts';
import { drained, openStream } from '../http/framing.ts';
import type { RequestContext, Router } from '../http/router.ts';
import { queryBool, queryInt } from '../http/router.ts';
import { rfc3339, rfc3339Nano } from '../util/time.ts';
import type { ApiDeps } from './deps.ts';

export const MAX_PODS_TO_RENDER = 10;

/** Pod logs: newline-delimited JSON (or SSE), one `{result: applicationLogEntry}` per line, ending with `last: true`. */
export function registerLogRoutes(r: Router, d: ApiDeps): void {
  r.get('/api/v1/applications/{name}/logs', ctx =>
    streamLogs(ctx, d, ctx.query.get('podName')),
  );
  r.get('/api/v1/applications/{name}/pods/{podName}/logs', ctx =>
    streamLogs(ctx, d, ctx.params.podName),
  );
}

function streamLogs(
  ctx: RequestContext,
  d: ApiDeps,
  podName: string | null,
): undefined {
  const { query, params, req, res } = ctx;
  const name = params.name;
  d.svc.find(name, query.get('project'), query.get('appNamespace'));
  const pods = d.resources.podsForLogs(name, {
    podName,
    kind: query.get('kind'),
    group: query.get('group'),
    resourceName: query.get('resourceName'),
    namespace: query.get('namespace'),
  });
  if (pods.length > MAX_PODS_TO_RENDER)
    throw invalidArgument(
      'max pods to view logs are reached. Please provide more granular query',
    );
  const container = query.get('container') || undefined;
  const follow = queryBool(query, 'follow') === true;
  const previous = queryBool(query, 'previous') === true;
  const tailLines = queryInt(query, 'tailLines');
  const sinceSeconds = queryInt(query, 'sinceSeconds');
  const sinceTimeSeconds = queryInt(query, 'sinceTime.seconds');
  const untilTime = query.get('untilTime')
    ? Date.parse(query.get('untilTime')!)
    : undefined;
  const rawFilter = query.get('filter') ?? '';
  const matchCase = queryBool(query, 'matchCase') === true;
  const invert = rawFilter.startsWith('!');
  const needle = invert ? rawFilter.slice(1) : rawFilter;
  const keep = (content: string) => {
    if (!needle) return true;
    const hit = matchCase
      ? content.includes(needle)
      : content.toLowerCase().includes(needle.toLowerCase());
    return invert ? !hit : hit;
  };
  const download = queryBool(query, 'download') === true;
  const clock = d.sim.clock;
  const interval = d.sim.options.logIntervalMs;
  const lastSent = new Map<string, number>();

  const entry = (l: {
    podName: string;
    ms: number;
    nanos: number;
    content: string;
  }) => ({
    content: l.content,
    podName: l.podName,
    timeStampStr: rfc3339Nano(l.ms, l.nanos),
    timeStamp: rfc3339(l.ms),
    last: false,
  });
  const collect = (pod: K8sObject, first: boolean) => {
    const result = podLog(pod, {
      container,
      previous,
      now: clock.now(),
      startedMs:
        d.sim.podBornAt(pod.metadata.uid!) !== undefined
          ? d.sim.podBornAt(pod.metadata.uid!)! + d.sim.options.podReadyDelayMs
          : undefined,
      intervalMs: interval,
    });
    if ('error' in result) {
      if (!first) return [];
      return [
        {
          podName: pod.metadata.name,
          container: container ?? '',
          ms: clock.now(),
          nanos: 0,
          content: result.error,
        },
      ];
    }
    let lines: LogLine[] = result.lines;
    const since = lastSent.get(pod.metadata.uid!);
    if (since !== undefined) lines = lines.filter(l => l.ms > since);
    else {
      if (sinceSeconds !== undefined)
        lines = lines.filter(l => l.ms >= clock.now() - sinceSeconds * 1000);
      if (sinceTimeSeconds !== undefined)
        lines = lines.filter(l => l.ms >= sinceTimeSeconds * 1000);
      if (tailLines !== undefined && tailLines >= 0)
        lines = lines.slice(Math.max(0, lines.length - tailLines));
    }
    if (untilTime !== undefined) lines = lines.filter(l => l.ms <= untilTime);
    if (lines.length)
      lastSent.set(pod.metadata.uid!, lines[lines.length - 1].ms);
    else if (since === undefined) lastSent.set(pod.metadata.uid!, clock.now());
    return lines.filter(l => keep(l.content));
  };
  const batch = (live: K8sObject[], first: boolean) =>
    live
      .flatMap(p => collect(p, first))
      .sort((a, b) => a.ms - b.ms || a.podName.localeCompare(b.podName));

  const finish = (stream: StreamWriter) => {
    // Argo CD stamps the end marker with the time the stream ended
    const now = clock.now();
    stream.send({
      result: {
        content: '',
        podName: '',
        timeStampStr: rfc3339Nano(now, 0),
        timeStamp: rfc3339(now),
        last: true,
      },
    });
    stream.end();
  };
  const follow_ = (stream: StreamWriter) => {
    if (!pods.length) {
      finish(stream);
      return;
    }
    const refs = pods.map(p => ({
      group: '',
      kind: 'Pod',
      namespace: p.metadata.namespace,
      name: p.metadata.name,
      uid: p.metadata.uid,
    }));
    const tick = setInterval(() => {
      if (stream.closed) return;
      const live = refs
        .map(ref => d.sim.store.get(ref))
        .filter(
          (p): p is K8sObject =>
            !!p && refs.some(r => r.uid === p.metadata.uid),
        );
      for (const l of batch(live, false)) stream.send({ result: entry(l) });
      if (!live.length || (untilTime !== undefined && clock.now() > untilTime))
        finish(stream);
    }, Math.max(50, Math.floor(interval / 2)));
    stream.onClose(() => clearInterval(tick));
  };

  // A benchmark pod (LOG_LINES_ANNOTATION) has a log of N lines written at its start: streamed as generated.
  const bulk =
    !previous && pods.length === 1 ? bulkLogLines(pods[0]) : undefined;
  const startedMs = pods.length
    ? d.sim.podBornAt(pods[0].metadata.uid!) ?? clock.now()
    : 0;
  const bulkStart = startedMs + d.sim.options.podReadyDelayMs + 30;
  const bulkFrom = () => {
    if (bulk === undefined) return 0;
    let from = 0;
    let since: number | undefined;
    if (sinceSeconds !== undefined) since = clock.now() - sinceSeconds * 1000;
    else if (sinceTimeSeconds !== undefined) since = sinceTimeSeconds * 1000;
    if (since !== undefined && since > bulkStart + bulk / 100_000) return bulk;
    if (tailLines !== undefined && tailLines >= 0)
      from = Math.max(0, bulk - tailLines);
    return from;
  };
  /** Writes the bulk lines, waiting whenever the client is slower than the generator. */
  const writeBulk = async (
    write: (l: LogLine) => boolean,
    waitForDrain: () => Promise<void>,
    closed: () => boolean,
  ) => {
    if (bulk === undefined) return;
    const pod = pods[0].metadata.name;
    for (let k = bulkFrom(); k < bulk && !closed(); k++) {
      const l = bulkLine(k, bulkStart);
      if (!keep(l.content)) continue;
      if (!write({ podName: pod, container: container ?? '', ...l }))
        await waitForDrain();
    }
  };
  const around = (lines: LogLine[]) =>
    bulk === undefined
      ? { before: lines, after: [] }
      : {
          before: lines.filter(l => l.ms < bulkStart),
          after: lines.filter(l => l.ms >= bulkStart),
        };

  if (download) {
    res.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': `attachment; filename="${name}.log"`,
    });
    const { before, after } = around(batch(pods, true));
    const text = (ls: LogLine[]) => ls.map(l => `${l.content}\n`).join('');
    res.write(text(before));
    writeBulk(
      l => res.write(`${l.content}\n`),
      () => drained(res),
      () => res.destroyed,
    ).then(
      () => res.end(text(after)),
      () => res.destroy(),
    );
    return undefined;
  }
  if (bulk !== undefined) {
    const stream = openStream(req, res, { keepAliveMs: d.keepAliveMs });
    const { before, after } = around(batch(pods, true));
    for (const l of before) stream.send({ result: entry(l) });
    writeBulk(
      l => stream.send({ result: entry(l) }),
      () => stream.drained(),
      () => stream.closed,
    ).then(
      () => {
        for (const l of after) stream.send({ result: entry(l) });
        if (follow) follow_(stream);
        else finish(stream);
      },
      () => stream.end(),
    );
    return undefined;
  }

  const stream = openStream(req, res, { keepAliveMs: d.keepAliveMs });
  for (const l of batch(pods, true)) stream.send({ result: entry(l) });
  if (follow) follow_(stream);
  else finish(stream);
  return undefined;
}
