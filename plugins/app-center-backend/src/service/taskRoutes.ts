import { AccessControl } from '../domain/AccessControl';
import { TaskService } from '../tasks/TaskService';
import { AppCenterRouter } from '../schema/openapi/generated/router';

/** GET /tasks, POST /tasks (a task of any kind), GET /tasks/{id}, POST /tasks/{id}/cancel. */
export function addTaskRoutes(
  router: AppCenterRouter,
  deps: { tasks: TaskService; access: AccessControl },
) {
  const { tasks, access } = deps;
  const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

  router.get('/tasks', async (req, res) => {
    const caller = await access.caller(req);
    // The document bounds limit (1 to 200); a query string arrives as text.
    const limit = Number(req.query.limit ?? 50);
    const items = await tasks.list(caller, {
      project: str(req.query.project),
      environment: str(req.query.env),
      app: str(req.query.app),
      limit,
    });
    res.json({ items });
  });

  router.post('/tasks', async (req, res) => {
    const caller = await access.caller(req);
    res.status(202).json(await tasks.start(caller, req.body, req));
  });

  router.get('/tasks/:id', async (req, res) => {
    const caller = await access.caller(req);
    res.json(await tasks.get(caller, req.params.id));
  });

  router.post('/tasks/:id/cancel', async (req, res) => {
    const caller = await access.caller(req);
    res.json(await tasks.cancel(caller, req.params.id, req));
  });
}
