import { AuditorService } from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import { Request } from 'express';

/**
 * Runs one change and records it with the auditor service: who (from the request), what (eventId + meta),
 * and whether it succeeded. Refused and failed attempts are recorded too.
 */
export async function audited<T>(
  auditor: AuditorService,
  eventId: string,
  request: Request<any, any, any, any>,
  meta: JsonObject,
  change: () => Promise<T>,
): Promise<T> {
  const event = await auditor.createEvent({
    eventId,
    request,
    severityLevel: 'medium',
    meta,
  });
  try {
    const result = await change();
    await event.success();
    return result;
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}
