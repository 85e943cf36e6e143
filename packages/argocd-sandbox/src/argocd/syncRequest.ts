/* eslint-disable @typescript-eslint/no-explicit-any */
import { ApiError, failedPrecondition, GrpcCode } from '../http/errors.ts';
import { clone } from '../util/json.ts';
import type { Application } from './appStore.ts';

/**
 * The operation a Sync request records on an Application, after the server's checks: not being deleted,
 * no operation in progress, no revision other than auto-sync's, no local manifests.
 */
export function syncOperationFor(
  app: Application,
  req: any,
  username: string,
): any {
  if (app.metadata.deletionTimestamp)
    throw failedPrecondition(
      `application ${app.metadata.name} is being deleted`,
    );
  if (app.operation)
    throw failedPrecondition('another operation is already in progress');
  const auto = app.spec?.syncPolicy?.automated;
  if (
    req?.revision &&
    auto &&
    auto.enabled !== false &&
    !req.dryRun &&
    req.revision !== (app.spec.source?.targetRevision || 'HEAD')
  ) {
    throw failedPrecondition(
      `Cannot sync to ${req.revision}: auto-sync currently set to ${
        app.spec.source?.targetRevision || 'HEAD'
      }`,
    );
  }
  if (req?.manifests?.length)
    throw new ApiError(
      GrpcCode.Unimplemented,
      'syncing local manifests is not simulated by the sandbox',
    );
  const sync: any = {
    revision: req?.revision || app.spec.source?.targetRevision || 'HEAD',
  };
  if (req?.prune) sync.prune = true;
  if (req?.dryRun) sync.dryRun = true;
  if (req?.resources?.length)
    sync.resources = clone(req.resources).map((r: any) => ({
      group: r.group ?? '',
      kind: r.kind,
      name: r.name,
      ...(r.namespace ? { namespace: r.namespace } : {}),
    }));
  const options = req?.syncOptions?.items ?? app.spec?.syncPolicy?.syncOptions;
  if (options?.length) sync.syncOptions = clone(options);
  if (req?.strategy) sync.syncStrategy = clone(req.strategy);
  const operation: any = {
    sync,
    initiatedBy: { username },
    retry: clone(req?.retryStrategy ?? {}),
  };
  if (req?.infos?.length) operation.info = clone(req.infos);
  return operation;
}
