import {
  AuditorService,
  LifecycleService,
  LoggerService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { SignalsService } from '@backstage/plugin-signals-node';
import { Knex } from 'knex';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { AccessResolver } from '../domain/AccessResolver';
import type { Caller } from '../domain/Caller';
import type { DomainStore } from '../domain/DomainStore';
import type { CommitAuthorResolver } from '../environmentApps/EnvironmentAppService';
import { DatabaseTaskStore } from './DatabaseTaskStore';
import { TaskKinds } from './TaskKinds';
import { TaskService } from './TaskService';
import { TaskWorker } from './TaskWorker';
import { observeTaskQueueDepth } from '../metrics';

/**
 * The task engine of one backend replica: the shared queue, the task kinds it runs (added before the plugin
 * starts), this replica's worker (started once the plugin is up, stopped on shutdown, handing its running
 * tasks back), the service the routes use, and a scheduled clean-up of old finished tasks (run by one replica
 * at a time).
 */
export function createTaskEngine(deps: {
  knex: Knex;
  config: RootConfigService;
  logger: LoggerService;
  lifecycle: LifecycleService;
  scheduler: SchedulerService;
  auditor: AuditorService;
  signals?: SignalsService;
  domainStore: DomainStore;
  access: AccessResolver;
  authors: CommitAuthorResolver;
  /** Refuses (403) a caller who may not change the environment a task is asked for. */
  authorize(caller: Caller, project: string, env: string): Promise<unknown>;
}) {
  const { config, logger } = deps;
  const store = new DatabaseTaskStore(deps.knex);
  const kinds = new TaskKinds();
  let worker: TaskWorker | undefined;
  const service = new TaskService({
    store,
    kinds,
    authorize: deps.authorize,
    authors: deps.authors,
    domain: deps.domainStore,
    access: deps.access,
    auditor: deps.auditor,
    logger,
    signals: deps.signals,
    worker: () => worker,
  });

  const positive = (key: string, fallback: number) => {
    const value = config.getOptionalNumber(key) ?? fallback;
    if (!(value > 0))
      throw new Error(`${key} must be a positive number, got ${value}`);
    return value;
  };
  const concurrency = positive('appCenter.tasks.concurrency', 8);
  const leaseMs = positive('appCenter.tasks.leaseSeconds', 30) * 1000;
  const retentionDays = positive('appCenter.tasks.retentionDays', 30);

  deps.lifecycle.addStartupHook(async () => {
    worker = new TaskWorker({
      store,
      kinds,
      logger,
      workerId: `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`,
      leaseMs,
      concurrency,
      onChange: task => {
        service.notify(task);
        service
          .auditOutcome(task)
          .catch(e => logger.warn(`could not audit task ${task.id}: ${e}`));
      },
    });
    worker.start();
  });
  // The queue's depth for dashboards, read from the database at each metrics collection.
  const stopObserving = observeTaskQueueDepth(() => store.countQueued());
  deps.lifecycle.addShutdownHook(async () => {
    stopObserving();
    await worker?.stop();
  });

  deps.scheduler
    .scheduleTask({
      id: 'app-center-task-retention',
      frequency: { hours: 1 },
      timeout: { minutes: 5 },
      initialDelay: { minutes: 1 },
      fn: async () => {
        const cutoff = new Date(Date.now() - retentionDays * 24 * 3600 * 1000);
        const removed = await store.deleteFinishedBefore(cutoff);
        if (removed)
          logger.info(
            `removed ${removed} tasks that finished before ${cutoff.toISOString()}`,
          );
      },
    })
    .catch(e => logger.error(`could not schedule the task clean-up: ${e}`));

  return { store, service, kinds };
}
