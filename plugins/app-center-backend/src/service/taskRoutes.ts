import { AuditorService } from '@backstage/backend-plugin-api';
import { CallerResolver } from './CallerResolver';
import { TaskService } from '../tasks/TaskService';
import { AppCenterRouter } from '../schema/openapi/generated/router';
import { queryString, routeHandlers } from './routeHandlers';

/** GET /tasks, POST /tasks (a task of any kind), GET /tasks/{id}, POST /tasks/{id}/cancel. */
export function addTaskRoutes(
  router: AppCenterRouter,
  deps: { tasks: TaskService; access: CallerResolver; auditor: AuditorService },
) {
  const { tasks } = deps;
  const { read, change, queue } = routeHandlers(deps.access, deps.auditor);
  // An empty filter is no filter.
  const filter = (v: unknown) => queryString(v) || undefined;

  router.get('/tasks', (req, res) => {
    const { query } = req;
    const wanted = {
      project: filter(query.project),
      environment: filter(query.env),
      app: filter(query.app),
      // The document bounds limit (1 to 200); a query string arrives as text.
      limit: Number(query.limit ?? 50),
    };
    return read(req, res, async caller => ({
      items: await tasks.list(caller, wanted),
    }));
  });

  router.post('/tasks', (req, res) => {
    const { kind, project, environment } = req.body;
    return queue(
      req,
      res,
      ['task-request', { kind, project, environment }],
      caller => tasks.start(caller, req.body),
    );
  });

  router.get('/tasks/:id', (req, res) =>
    read(req, res, caller => tasks.get(caller, req.params.id)),
  );

  router.post('/tasks/:id/cancel', (req, res) => {
    const { id } = req.params;
    return change(req, res, ['task-cancel', { taskId: id }], caller =>
      tasks.cancel(caller, id),
    );
  });
}
