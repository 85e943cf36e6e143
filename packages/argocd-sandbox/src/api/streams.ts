/* eslint-disable @typescript-eslint/no-explicit-any */
import {
  matchesSelector,
  parseSelector,
  SelectorError,
} from '../argocd/selector.ts';
import {
  ApiError,
  GrpcCode,
  streamErrorBody,
  toApiError,
} from '../http/errors.ts';
import { wireTree } from '../argocd/tree.ts';
import { openStream } from '../http/framing.ts';
import { CostBound } from '../util/costBound.ts';
import type { Router } from '../http/router.ts';
import type { ApiDeps } from './deps.ts';

/** Watch streams: applications (`{result: {type, application}}`) and one app's resource tree. */
export function registerStreamRoutes(r: Router, d: ApiDeps): void {
  r.get('/api/v1/stream/applications', ({ req, res, query }) => {
    let reqs;
    try {
      reqs = parseSelector(query.get('selector'));
    } catch (e) {
      if (e instanceof SelectorError)
        throw new ApiError(
          GrpcCode.Unknown,
          `error parsing the selector: ${e.message}`,
        );
      throw e;
    }
    const name = query.get('name');
    const projects = [
      ...query.getAll('projects'),
      ...query.getAll('project'),
    ].filter(Boolean);
    const repo = query.get('repo');
    const appNamespace = query.get('appNamespace');
    if (appNamespace && appNamespace !== 'argocd')
      throw new ApiError(GrpcCode.PermissionDenied, 'permission denied');
    const wanted = (a: any) =>
      (!name || a.metadata.name === name) &&
      (!projects.length || projects.includes(a.spec?.project)) &&
      (!repo || a.spec?.source?.repoURL === repo) &&
      matchesSelector(reqs, a.metadata.labels);
    const stream = openStream(req, res, { keepAliveMs: d.keepAliveMs });
    const last = new Map<string, string>();
    const send = (type: string, app: any) => {
      const json = JSON.stringify(app);
      if (type !== 'DELETED' && last.get(app.metadata.name) === json) return;
      if (type === 'DELETED') last.delete(app.metadata.name);
      else last.set(app.metadata.name, json);
      stream.send({ result: { type, application: app } });
    };
    if (!query.get('resourceVersion'))
      for (const a of d.ctl.apps.list()) if (wanted(a)) send('ADDED', a);
    const off = d.ctl.apps.onChange((type, app) => {
      if (!wanted(app)) {
        // an app that stops matching (e.g. a label changed) is reported as deleted to this watcher
        if (last.has(app.metadata.name)) send('DELETED', app);
        return;
      }
      send(
        type === 'MODIFIED' && !last.has(app.metadata.name) ? 'ADDED' : type,
        app,
      );
    });
    stream.onClose(off);
    return undefined;
  });

  r.get(
    '/api/v1/stream/applications/{applicationName}/resource-tree',
    ({ req, res, params, query }) => {
      const name = params.applicationName;
      d.svc.find(name, query.get('project'), query.get('appNamespace'));
      const stream = openStream(req, res, { keepAliveMs: d.keepAliveMs });
      let last = '';
      let timer: NodeJS.Timeout | undefined;
      // a large tree is pushed less often, so that building it never takes the process over
      const cost = new CostBound();
      const pushNow = () => {
        timer = undefined;
        if (stream.closed) return;
        try {
          if (!d.ctl.apps.has(name)) {
            stream.end();
            return;
          }
          const tree = wireTree(d.ctl.tree(name));
          const json = JSON.stringify(tree);
          if (json === last) return;
          last = json;
          stream.send({ result: tree });
        } catch (e) {
          stream.send(streamErrorBody(toApiError(e)));
          stream.end();
        }
      };
      const push = () => cost.run(pushNow);
      const schedule = () => {
        if (!timer) {
          timer = setTimeout(push, cost.delayMs(25));
          timer.unref();
        }
      };
      push();
      const offCluster = d.sim.store.onChange(schedule);
      const offApps = d.ctl.apps.onChange((type, app) => {
        if (app.metadata.name !== name) return;
        if (type === 'DELETED') {
          setTimeout(() => stream.end(), 0).unref();
          return;
        }
        schedule();
      });
      stream.onClose(() => {
        offCluster();
        offApps();
        if (timer) clearTimeout(timer);
      });
      return undefined;
    },
  );
}
