import { appCenterTestDatabases } from '../__testUtils__/testDatabases';
import {
  applyDatabaseMigrations,
  rollbackDatabaseMigrations,
} from './migrations';

jest.setTimeout(60_000);

const { databases, ids } = appCenterTestDatabases();

describe.each(ids)('migrations on %s', databaseId => {
  it('apply, undo and apply again', async () => {
    const knex = await databases.init(databaseId);
    await applyDatabaseMigrations(knex);
    for (const table of ['tenants', 'projects', 'environments']) {
      expect(await knex.schema.hasTable(table)).toBe(true);
    }
    await rollbackDatabaseMigrations(knex);
    expect(await knex.schema.hasTable('tenants')).toBe(false);
    await applyDatabaseMigrations(knex);
    expect(await knex.schema.hasTable('environments')).toBe(true);
  });

  it('waits for another replica that holds the migration lock, and gives up after the wait', async () => {
    const knex = await databases.init(databaseId);
    await applyDatabaseMigrations(knex);
    const lock = () => knex('app_center_knex_migrations_lock');
    // Another replica is migrating: knex alone would answer MigrationLocked at once.
    await lock().update({ is_locked: 1 });
    await expect(
      applyDatabaseMigrations(knex, { lockWaitMs: 0 }),
    ).rejects.toMatchObject({ name: 'MigrationLocked' });
    // It finishes while this replica waits: this one then starts with nothing left to do.
    // (Released a second later, so the first attempts here certainly meet the lock.)
    const release = new Promise(resolve => setTimeout(resolve, 1000)).then(() =>
      lock().update({ is_locked: 0 }),
    );
    await expect(applyDatabaseMigrations(knex)).resolves.toBeUndefined();
    await release;
    expect((await lock().first()).is_locked).toBe(0);
  });

  it('refuses a project whose tenant does not exist', async () => {
    const knex = await databases.init(databaseId);
    await applyDatabaseMigrations(knex);
    if (knex.client.config.client === 'better-sqlite3')
      await knex.raw('PRAGMA foreign_keys = ON');
    const now = new Date();
    await expect(
      knex('projects').insert({
        name: 'p',
        tenant: 'missing',
        title: 'p',
        description: '',
        repo_url: 'https://g/x.git',
        repo_branch: 'main',
        repo_dir: '',
        argocd_instance: 'main',
        argocd_project: 'default',
        allow_cluster_scoped: false,
        source: 'portal',
        created_at: now,
        updated_at: now,
      }),
    ).rejects.toThrow();
  });
});
