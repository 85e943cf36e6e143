import { AuditorService } from '@backstage/backend-plugin-api';
import { audited } from './audited';
import { CallerResolver } from './CallerResolver';
import { TaskService } from '../tasks/TaskService';
import { AppCenterRouter } from '../schema/openapi/generated/router';

/** GET /tasks, POST /tasks (a task of any kind), GET /tasks/{id}, POST /tasks/{id}/cancel. */
export function addTaskRoutes(
  router: AppCenterRouter,
  deps: { tasks: TaskService; access: CallerResolver; auditor: AuditorService },
) {
  const { tasks, access, auditor } = deps;
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
    const { kind, project, environment } = req.body;
    // Starting a task is audited once, here, with the id of the task it queued.
    const task = await audited(
      auditor,
      'task-request',
      req,
      { kind, project, environment },
      () => tasks.start(caller, req.body),
      started => ({ taskId: started.id }),
    );
    res.status(202).json(task);
  });

  router.get('/tasks/:id', async (req, res) => {
    const caller = await access.caller(req);
    res.json(await tasks.get(caller, req.params.id));
  });

  router.post('/tasks/:id/cancel', async (req, res) => {
    const caller = await access.caller(req);
    const { id } = req.params;
    res.json(
      await audited(auditor, 'task-cancel', req, { taskId: id }, () =>
        tasks.cancel(caller, id),
      ),
    );
  });
}
