// @ts-check

/**
 * Tenants, projects and environments (DESIGN.md section 1).
 * Group lists are JSON text so the same migration runs on SQLite and PostgreSQL.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('tenants', table => {
    table.comment(
      'App Center tenants: organisation units mapped to catalog groups',
    );
    table.string('name', 63).primary().notNullable();
    table.string('title', 255).notNullable();
    table
      .text('groups')
      .notNullable()
      .comment('JSON array of group entity refs (members)');
    table
      .text('admin_groups')
      .notNullable()
      .comment('JSON array of group entity refs (admins)');
    table.string('source', 16).notNullable().comment('config or portal');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });
  await knex.schema.createTable('projects', table => {
    table.comment(
      'App Center projects: one GitOps location and Argo CD target each',
    );
    table.string('name', 63).primary().notNullable();
    table
      .string('tenant', 63)
      .notNullable()
      .references('name')
      .inTable('tenants')
      .onUpdate('RESTRICT')
      .onDelete('RESTRICT');
    table.string('title', 255).notNullable();
    table.text('description').notNullable();
    table.text('repo_url').notNullable();
    table.string('repo_branch', 255).notNullable();
    table.string('repo_dir', 1024).notNullable();
    table.string('argocd_instance', 63).notNullable();
    table.string('argocd_project', 253).notNullable();
    table.boolean('allow_cluster_scoped').notNullable();
    table.string('source', 16).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index(['tenant'], 'projects_tenant_idx');
  });
  await knex.schema.createTable('environments', table => {
    table.comment('App Center environments: one Argo CD destination each');
    table
      .string('project', 63)
      .notNullable()
      .references('name')
      .inTable('projects')
      .onUpdate('RESTRICT')
      .onDelete('RESTRICT');
    table.string('name', 63).notNullable();
    table.string('title', 255).notNullable();
    table.string('kind', 16).notNullable();
    table.string('destination_name', 253).nullable();
    table.text('destination_server').nullable();
    table.string('namespace', 63).notNullable();
    table.boolean('protected').notNullable();
    table
      .text('deployer_groups')
      .notNullable()
      .comment('JSON array of group entity refs');
    table.string('cluster', 253).nullable();
    table.string('source', 16).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.primary(['project', 'name']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('environments');
  await knex.schema.dropTable('projects');
  await knex.schema.dropTable('tenants');
};
