import type { Config } from '@backstage/config';
import knexFactory, { Knex } from 'knex';

/** How long a replica waits for the others' start-ups before it starts anyway (and may race them). */
const DEFAULT_WAIT_MS = 180_000;

export interface StartupLock {
  /** Whether this process holds the lock (false without PostgreSQL, or after the wait ran out). */
  readonly held: boolean;
  release(): Promise<void>;
}

const noLock: StartupLock = { held: false, release: async () => {} };

/**
 * Replicas that start together on one PostgreSQL server take turns to run their start-up (the plugins'
 * migrations): one PostgreSQL advisory lock, taken before a plugin first uses its database and released once
 * the backend has started (or with the connection, when the process exits).
 *
 * Knex creates a migration lock table with a check-then-insert. Two replicas migrating a fresh database at
 * once can both insert its lock row; from then on knex answers "Migration table is already locked" to every
 * migration of that plugin, on every replica, for good: replicas crash-loop and no restart clears it. (The
 * production bundle test's two replicas starting at once failed this way, intermittently.)
 *
 * The lock lives in the database an administrator connection uses (`backend.database.connection.database`, else
 * `postgres`, where Backstage creates the plugins' databases) and is named after `backend.database.prefix`, so
 * installations sharing a server do not wait for each other.
 */
export async function takeStartupLock(
  config: Config,
  options: {
    logger?: { info(m: string): void; warn(m: string): void };
    waitMs?: number;
  } = {},
): Promise<StartupLock> {
  const database = config.getOptionalConfig('backend.database');
  if (database?.getOptionalString('client') !== 'pg') return noLock;
  const raw = database.getOptional<string | Record<string, unknown>>(
    'connection',
  );
  const connection =
    typeof raw === 'string' ? { connectionString: raw } : { ...(raw ?? {}) };
  const name = `app-center startup ${
    database.getOptionalString('prefix') ?? 'backstage_plugin_'
  }`;
  const knex: Knex = knexFactory({
    client: 'pg',
    connection: {
      ...connection,
      database: (connection as { database?: string }).database ?? 'postgres',
    },
    // one session: an advisory lock belongs to the connection that took it
    pool: { min: 1, max: 1 },
  });
  const deadline = Date.now() + (options.waitMs ?? DEFAULT_WAIT_MS);
  let announced = false;
  try {
    for (;;) {
      const { rows } = await knex.raw(
        'select pg_try_advisory_lock(hashtext(?)) as taken',
        [name],
      );
      if (rows[0]?.taken) break;
      if (Date.now() > deadline) {
        options.logger?.warn(
          `another replica's start-up held the start-up lock for more than ${Math.round(
            (options.waitMs ?? DEFAULT_WAIT_MS) / 1000,
          )} s; starting without it`,
        );
        await knex.destroy();
        return noLock;
      }
      if (!announced)
        options.logger?.info(
          'waiting for another replica to finish its start-up (migrations)',
        );
      announced = true;
      await new Promise(resolve =>
        setTimeout(resolve, 200 + Math.random() * 300),
      );
    }
  } catch (error) {
    await knex.destroy().catch(() => undefined);
    throw error;
  }
  let released = false;
  return {
    get held() {
      return !released;
    },
    async release() {
      if (released) return;
      released = true;
      await knex
        .raw('select pg_advisory_unlock(hashtext(?))', [name])
        .catch(() => undefined);
      await knex.destroy();
    },
  };
}
