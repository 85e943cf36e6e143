import { AuditorService } from '@backstage/backend-plugin-api';
import { Request, Response } from 'express';
import { CallerResolver } from './CallerResolver';
import { AppCenterRouter } from '../schema/openapi/generated/router';
import { openEventStream } from '../resources/eventStream';
import { openPodLogs } from '../resources/podLogs';
import { ResourceService } from '../resources/ResourceService';
import { forwardTreeStream } from '../resources/treeStream';
import { queryString as str, routeHandlers } from './routeHandlers';

const APP = '/projects/:project/environments/:env/apps/:app';

const bool = (v: unknown) => v === true || v === 'true';
const int = (v: unknown) => (v === undefined ? undefined : Number(v));

/** The resource a query names (group, version, kind, namespace, name). */
function coordinates(req: Request) {
  return {
    group: str(req.query.group) ?? '',
    version: str(req.query.version) ?? '',
    kind: str(req.query.kind) ?? '',
    ...(str(req.query.namespace)
      ? { namespace: str(req.query.namespace) }
      : {}),
    name: str(req.query.name) ?? '',
  };
}

/**
 * Resource status routes (issue 9): the live tree (and its stream), one resource's manifest, diff and
 * events, pod logs as server-sent events, and deleting one resource (a task). Streams go through the
 * backend with the caller's Backstage token; Argo CD's token never leaves it.
 */
export function addResourceRoutes(
  router: AppCenterRouter,
  options: {
    resources: ResourceService;
    access: CallerResolver;
    auditor: AuditorService;
  },
) {
  const { resources, access } = options;
  const { read, queue } = routeHandlers(access, options.auditor);

  router.get(`${APP}/resource-tree`, (req, res) =>
    read(req, res, caller => resources.tree(caller, req.params)),
  );

  router.get(`${APP}/resource-tree/stream`, async (req, res) => {
    const caller = await access.caller(req);
    const location = await resources.locate(caller, req.params);
    await forwardTreeStream(location, openEventStream(req, res as Response));
  });

  router.get(`${APP}/resource`, (req, res) =>
    read(req, res, caller =>
      resources.resource(caller, req.params, coordinates(req)),
    ),
  );

  router.delete(`${APP}/resource`, (req, res) => {
    const { project, env, app } = req.params;
    const ref = coordinates(req);
    const meta = {
      project,
      environment: env,
      app,
      resource: `${ref.kind}/${ref.name}`,
    };
    return queue(req, res, ['resource-delete-request', meta], caller =>
      resources.deleteResource(caller, req.params, ref, req.query.cascade),
    );
  });

  router.get(`${APP}/resource/diff`, (req, res) => {
    const { version: _version, ...ref } = coordinates(req);
    return read(req, res, caller => resources.diff(caller, req.params, ref));
  });

  router.get(`${APP}/resource/events`, (req, res) => {
    const { namespace, name, uid } = req.query;
    const of = { namespace: str(namespace), name: str(name), uid: str(uid) };
    return read(req, res, async caller => ({
      items: await resources.events(caller, req.params, of),
    }));
  });

  router.get(`${APP}/logs`, async (req, res) => {
    const caller = await access.caller(req);
    const location = await resources.locate(caller, req.params);
    const download = bool(req.query.download);
    const abort = new AbortController();
    req.on('close', () => abort.abort());
    const { pods, lines } = await openPodLogs(
      location,
      {
        pod: str(req.query.pod),
        group: str(req.query.group),
        kind: str(req.query.kind),
        name: str(req.query.name),
        container: str(req.query.container),
        follow: download ? false : bool(req.query.follow),
        tailLines: int(req.query.tailLines),
        sinceSeconds: int(req.query.sinceSeconds),
        previous: bool(req.query.previous),
        filter: str(req.query.filter),
        after: download ? undefined : req.header('Last-Event-ID'),
      },
      abort.signal,
    );
    const merged = pods.length > 1;
    if (download) {
      const file = `${req.params.app}-${
        str(req.query.pod) ?? str(req.query.name)
      }${bool(req.query.previous) ? '-previous' : ''}.log`;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="${file}"`);
      for await (const line of lines) {
        const text = merged
          ? `[${line.pod}] ${line.content}\n`
          : `${line.content}\n`;
        if (!res.write(text))
          await new Promise(resolve => res.once('drain', resolve));
      }
      res.end();
      return;
    }
    const stream = openEventStream(req, res as Response);
    stream.signal.addEventListener('abort', () => abort.abort());
    try {
      for await (const line of lines)
        await stream.send('line', line, line.timestamp || undefined);
      if (!stream.signal.aborted) await stream.send('end', { pods });
    } catch (error) {
      if (!stream.signal.aborted)
        await stream.send('error', { message: (error as Error).message });
    } finally {
      stream.end();
    }
  });
}
