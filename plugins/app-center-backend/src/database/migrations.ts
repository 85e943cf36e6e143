import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@internal/plugin-app-center-backend',
  'migrations',
);

/**
 * Brings the plugin's database to the newest schema. Knex locks the migration table across replicas but
 * answers MigrationLocked instead of waiting, so replicas starting together on a fresh database would fail
 * their start-up: they wait (bounded) for the replica that migrates, then find nothing left to do.
 */
export async function applyDatabaseMigrations(
  knex: Knex,
  options: { lockWaitMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + (options.lockWaitMs ?? 60_000);
  for (;;) {
    try {
      await knex.migrate.latest({
        directory: migrationsDir,
        tableName: 'app_center_knex_migrations',
      });
      return;
    } catch (error) {
      if ((error as Error)?.name !== 'MigrationLocked' || Date.now() > deadline)
        throw error;
      await new Promise(resolve =>
        setTimeout(resolve, 200 + Math.random() * 300),
      );
    }
  }
}

/** Undoes every migration (used by the migration tests). */
export async function rollbackDatabaseMigrations(knex: Knex): Promise<void> {
  await knex.migrate.rollback(
    { directory: migrationsDir, tableName: 'app_center_knex_migrations' },
    true,
  );
}
