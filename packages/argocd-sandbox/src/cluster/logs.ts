/* eslint-disable @typescript-eslint/no-explicit-any */
import { CRASH_LINE } from './crash.ts';
import type { K8sObject } from './types.ts';

/** One generated log line of a container. */
export interface LogLine {
  podName: string;
  container: string;
  /** Time in ms, plus extra nanoseconds for RFC 3339 nano timestamps. */
  ms: number;
  nanos: number;
  content: string;
}

export interface LogQuery {
  container?: string;
  previous?: boolean;
  now: number;
  /** Running start time (ms) of the pod's containers when the simulator knows it precisely. */
  startedMs?: number;
  intervalMs: number;
  maxLines?: number;
}

/** Either the lines, or the message Kubernetes would give when it refuses to open the log. */
export type LogResult = { lines: LogLine[] } | { error: string };

/**
 * Generated pod logs: a few start-up lines, then a request log line every `intervalMs`. Lines are a pure
 * function of the container's start time, so `follow` just asks again later.
 */
export function podLog(pod: Readonly<K8sObject>, q: LogQuery): LogResult {
  const name = pod.metadata.name;
  const containers: any[] = pod.spec?.containers ?? [];
  const inits: any[] = pod.spec?.initContainers ?? [];
  let container = q.container;
  if (!container) {
    if (containers.length !== 1) {
      const names = containers.map(c => c.name).join(' ');
      const initNames = inits.length
        ? ` or one of the init containers: [${inits
            .map(c => c.name)
            .join(' ')}]`
        : '';
      return {
        error: `a container name must be specified for pod ${name}, choose one of: [${names}]${initNames}`,
      };
    }
    container = containers[0].name;
  }
  const cname: string = container ?? '';
  const spec = [...containers, ...inits].find(c => c.name === cname);
  if (!spec)
    return { error: `container ${container} is not valid for pod ${name}` };
  const statuses: any[] = [
    ...(pod.status?.containerStatuses ?? []),
    ...(pod.status?.initContainerStatuses ?? []),
  ];
  const cs = statuses.find(s => s.name === container);
  const waiting = cs?.state?.waiting;
  if (q.previous) return previousLog(name, cname, spec, cs, q);
  if (waiting || !cs) {
    const reason =
      waiting?.reason === 'ImagePullBackOff' ||
      waiting?.reason === 'ErrImagePull'
        ? 'trying and failing to pull image'
        : waiting?.reason ?? 'ContainerCreating';
    return {
      error: `container "${container}" in pod "${name}" is waiting to start: ${reason}`,
    };
  }
  const startedAt =
    cs.state?.running?.startedAt ?? cs.state?.terminated?.startedAt;
  // the simulator's precise start is that of the pod's first run; a restarted container has its own
  const precise = cs.restartCount ? undefined : q.startedMs;
  const start = precise ?? (startedAt ? Date.parse(startedAt) : q.now);
  const end = cs.state?.terminated?.finishedAt
    ? Date.parse(cs.state.terminated.finishedAt)
    : q.now;
  return {
    lines: runLines(name, cname, spec, inits, start, end, q),
  };
}

/** The log of the container's previous run, which ended with an error: what `previous=true` reads. */
function previousLog(
  pod: string,
  container: string,
  spec: any,
  cs: any,
  q: LogQuery,
): LogResult {
  const last = cs?.lastState?.terminated;
  if (!cs?.restartCount || !last)
    return {
      error: `previous terminated container "${container}" in pod "${pod}" not found`,
    };
  const start = Date.parse(last.startedAt);
  const end = Date.parse(last.finishedAt);
  const lines = runLines(pod, container, spec, [], start, end, q);
  lines.push({
    podName: pod,
    container,
    ms: end,
    nanos: 999_999,
    content: CRASH_LINE,
  });
  return { lines };
}

/** The lines of one run of a container, from `start` to `end`. */
function runLines(
  name: string,
  container: string,
  spec: any,
  inits: any[],
  start: number,
  end: number,
  q: LogQuery,
): LogLine[] {
  const cname = container;
  const image: string = spec.image ?? '';
  const tag = image.includes(':')
    ? image.slice(image.lastIndexOf(':') + 1)
    : 'latest';
  const port = spec.ports?.[0]?.containerPort ?? 8080;
  const isInit = inits.some(c => c.name === container);
  const startup = isInit
    ? [
        `init: preparing ${container}`,
        'init: waiting for dependencies',
        'init: done',
      ]
    : [
        `Starting ${container} ${tag}`,
        `Using image ${image}`,
        `Loaded configuration from /etc/${container}/config.yaml`,
        `Listening on :${port}`,
      ];
  const lines: LogLine[] = [];
  startup.forEach((content, i) => {
    const ms = start + i * 7;
    if (ms <= end)
      lines.push({
        podName: name,
        container: cname,
        ms,
        nanos: 123456 + i * 1000,
        content: stamp('INFO', content),
      });
  });
  if (!isInit) {
    const max = q.maxLines ?? 10_000;
    const count = Math.max(0, Math.floor((end - start) / q.intervalMs));
    const first = Math.max(1, count - max + 1);
    for (let k = first; k <= count; k++) {
      lines.push({
        podName: name,
        container: cname,
        ms: start + k * q.intervalMs,
        nanos: 654321 + (k % 1000),
        content: periodic(k, cname),
      });
    }
  }
  return lines;
}

function stamp(level: string, msg: string): string {
  return `level=${level.toLowerCase()} msg="${msg}"`;
}

function periodic(k: number, container: string): string {
  if (k % 13 === 0)
    return stamp(
      'WARN',
      `slow request GET /api/${container}/items took ${1000 + (k % 7) * 113}ms`,
    );
  if (k % 5 === 0) return stamp('INFO', `processed ${k * 3} requests`);
  const paths = ['/healthz', '/readyz', `/api/${container}/items`, '/metrics'];
  return stamp('INFO', `GET ${paths[k % paths.length]} 200 ${1 + (k % 9)}ms`);
}
