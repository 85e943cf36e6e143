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
