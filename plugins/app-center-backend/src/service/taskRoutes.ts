import { InputError } from '@backstage/errors';
import { Router } from 'express';
import { AccessControl } from '../domain/AccessControl';
import { TaskService } from '../tasks/TaskService';

/** GET /tasks, GET /tasks/{id}, POST /tasks/{id}/cancel. */
export function addTaskRoutes(
  router: Router,
  deps: { tasks: TaskService; access: AccessControl },
) {
  const { tasks, access } = deps;
  const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

  router.get('/tasks', async (req, res) => {
    const caller = await access.caller(req);
    const limit = req.query.limit === undefined ? 50 : Number(req.query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
      throw new InputError('limit must be a whole number from 1 to 200');
    }
    const items = await tasks.list(caller, {
      project: str(req.query.project),
      environment: str(req.query.env),
      app: str(req.query.app),
      limit,
    });
    res.json({ items });
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
