// @ts-check

/**
 * The task queue (DESIGN.md section 5): one row per asynchronous operation, claimed by workers with a lease,
 * and the locks that keep two tasks from working on the same app at once.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('tasks', table => {
    table.comment(
      'App Center tasks: deploy, associate, scale, rollback ... with their steps',
    );
    table.string('id', 36).primary().notNullable();
    table.string('kind', 32).notNullable();
    table
      .string('status', 16)
      .notNullable()
      .comment('pending, running, succeeded, failed, cancelled');
    table.string('project', 63).notNullable();
    table.string('environment', 63).nullable();
    table.text('apps').notNullable().comment('JSON array of app names');
    table.text('input').notNullable().comment('JSON');
    table
      .text('steps')
      .notNullable()
      .comment('JSON array of steps with status, message and result');
    table.text('result').nullable().comment('JSON');
    table.text('error').nullable();
    table.string('requested_by', 255).notNullable();
    table.boolean('cancel_requested').notNullable().defaultTo(false);
    table.string('lease_owner', 255).nullable();
    table.timestamp('lease_expires_at', { useTz: true }).nullable();
    table.integer('attempts').notNullable().defaultTo(0);
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.timestamp('started_at', { useTz: true }).nullable();
    table.timestamp('finished_at', { useTz: true }).nullable();
    table.index(['status', 'created_at'], 'tasks_status_created_idx');
    table.index(['project', 'environment', 'created_at'], 'tasks_target_idx');
  });
  await knex.schema.createTable('task_locks', table => {
    table.comment(
      'What a running task works on (project/env/app): one task per key at a time',
    );
    table.string('lock_key', 255).primary().notNullable();
    table
      .string('task_id', 36)
      .notNullable()
      .references('id')
      .inTable('tasks')
      .onDelete('CASCADE');
    table.index(['task_id'], 'task_locks_task_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('task_locks');
  await knex.schema.dropTable('tasks');
};
