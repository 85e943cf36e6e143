import { ConflictError, NotFoundError } from '@backstage/errors';
import { Knex } from 'knex';

/** How a keyed table's rows read, and how messages name one (`tenant "a"`, `environment "dev"` + ` in project "shop"`). */
export interface KeyedTableSpec<Row, Model, Key> {
  table: string;
  toModel: (row: Row) => Model;
  name: (key: Key) => { subject: string; scope?: string };
}

/**
 * Find, get, insert, update and delete of the rows of one table by their key, with the same answers for
 * every kind of entry: 404 when it does not exist, 409 when an insert finds it already there (also when two
 * replicas race: the database's unique key decides).
 */
export class KeyedTable<Row extends object, Model, Key extends object> {
  constructor(
    private readonly db: Knex,
    private readonly spec: KeyedTableSpec<Row, Model, Key>,
  ) {}

  async find(key: Key): Promise<Model | undefined> {
    const row = await this.db<Row>(this.spec.table).where(key).first();
    return row ? this.spec.toModel(row as Row) : undefined;
  }

  async get(key: Key): Promise<Model> {
    const found = await this.find(key);
    if (!found) throw new NotFoundError(this.message(key, 'does not exist'));
    return found;
  }

  async insert(key: Key, columns: object): Promise<Model> {
    const now = new Date();
    try {
      await this.db(this.spec.table).insert({
        ...key,
        ...columns,
        created_at: now,
        updated_at: now,
      });
    } catch (e) {
      if (isUniqueViolation(e))
        throw new ConflictError(this.message(key, 'already exists'));
      throw e;
    }
    return this.get(key);
  }

  async update(key: Key, columns: object): Promise<Model> {
    const n = await this.db(this.spec.table)
      .where(key)
      .update({ ...columns, updated_at: new Date() });
    if (!n) throw new NotFoundError(this.message(key, 'does not exist'));
    return this.get(key);
  }

  async delete(key: Key): Promise<void> {
    await this.db(this.spec.table).where(key).delete();
  }

  private message(key: Key, verb: string): string {
    const { subject, scope } = this.spec.name(key);
    return `${subject} ${verb}${scope ?? ''}`;
  }
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return (
    err?.code === '23505' || // PostgreSQL unique_violation
    err?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    err?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /UNIQUE constraint failed/.test(err?.message ?? '')
  );
}
