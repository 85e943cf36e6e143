import { AuditorService } from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import { Request } from 'express';

/**
 * Runs one change and records it with the auditor service, once: who (from the request), what (eventId +
 * meta), and whether it succeeded. Refused and failed attempts are recorded too. Services never audit the
 * requests they serve; `outcome` adds what the change produced (e.g. the id of the task it queued).
 */
export async function audited<T>(
  auditor: AuditorService,
  eventId: string,
  request: Request<any, any, any, any>,
  meta: JsonObject,
  change: () => Promise<T>,
  outcome?: (result: T) => JsonObject,
): Promise<T> {
  const event = await auditor.createEvent({
    eventId,
    request,
    severityLevel: 'medium',
    meta,
  });
  try {
    const result = await change();
    await event.success(outcome ? { meta: outcome(result) } : undefined);
    return result;
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}
