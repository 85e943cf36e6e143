import { AuditorService } from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import { Request, Response } from 'express';
import { audited } from './audited';
import type { Caller } from '../domain/Caller';
import { CallerResolver } from './CallerResolver';

type AnyRequest = Request<any, any, any, any>;

/** A query parameter that arrived as text (an absent or repeated one reads as undefined). */
export const queryString = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

/** What a change records with the auditor: its event id and what it was about. */
export type AuditedAs = [eventId: string, meta: JsonObject];

/** Answers a read: resolves the caller and answers what the operation returns. */
export type ReadHandler = ReturnType<typeof readHandler>;

/** The {@link ReadHandler} of a caller resolver (read-only routes need no auditor). */
export function readHandler(access: CallerResolver) {
  return async <T>(
    req: AnyRequest,
    res: Response,
    run: (caller: Caller) => Promise<T>,
  ) => {
    const caller = await access.caller(req);
    res.json(await run(caller));
  };
}

/**
 * The three shapes every App Center route has, so a route only says which operation it calls: a read
 * (resolve the caller, answer the result), a change (the same, audited once, with its status) and the
 * queuing of a task (a change answered 202 and audited with the id of the task it queued). Handlers stay
 * inline in the routes so the OpenAPI router keeps typing their parameters and bodies.
 */
export function routeHandlers(access: CallerResolver, auditor: AuditorService) {
  const change = async <T>(
    req: AnyRequest,
    res: Response,
    [eventId, meta]: AuditedAs,
    run: (caller: Caller) => Promise<T>,
    answer: { status?: number; outcome?: (result: T) => JsonObject } = {},
  ) => {
    const caller = await access.caller(req);
    const result = await audited(
      auditor,
      eventId,
      req,
      meta,
      () => run(caller),
      answer.outcome,
    );
    if (answer.status === 204) res.status(204).end();
    else res.status(answer.status ?? 200).json(result);
  };
  return {
    read: readHandler(access),
    change,
    queue: <T extends { id: string }>(
      req: AnyRequest,
      res: Response,
      auditedAs: AuditedAs,
      run: (caller: Caller) => Promise<T>,
    ) =>
      change(req, res, auditedAs, run, {
        status: 202,
        outcome: task => ({ taskId: task.id }),
      }),
  };
}
