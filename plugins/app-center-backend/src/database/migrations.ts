import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@internal/plugin-app-center-backend',
  'migrations',
);

/** Brings the plugin's database to the newest schema. Knex locks the migration table across replicas. */
export async function applyDatabaseMigrations(knex: Knex): Promise<void> {
  await knex.migrate.latest({
    directory: migrationsDir,
    tableName: 'app_center_knex_migrations',
  });
}

/** Undoes every migration (used by the migration tests). */
export async function rollbackDatabaseMigrations(knex: Knex): Promise<void> {
  await knex.migrate.rollback(
    { directory: migrationsDir, tableName: 'app_center_knex_migrations' },
    true,
  );
}
