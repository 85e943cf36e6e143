import { TestDatabases } from '@backstage/backend-test-utils';

/** A database the tests may run on. */
export type DatabaseId =
  | 'SQLITE_3'
  | 'POSTGRES_18'
  | 'POSTGRES_17'
  | 'POSTGRES_16'
  | 'POSTGRES_15'
  | 'POSTGRES_14'
  | 'POSTGRES_13';

/**
 * The databases App Center's store tests run on: SQLite (the embedded default) and the PostgreSQL server that
 * `make test` starts (scripts/test-postgres.sh exports BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING).
 * Without that server the tests fail rather than skip PostgreSQL silently; APP_CENTER_TEST_SQLITE_ONLY=1 opts
 * out on purpose for a quick local run.
 */
export function appCenterTestDatabases(): {
  databases: TestDatabases;
  ids: DatabaseId[];
} {
  const pg = Object.keys(process.env)
    .map(
      k =>
        /^BACKSTAGE_TEST_DATABASE_POSTGRES(\d+)_CONNECTION_STRING$/.exec(
          k,
        )?.[1],
    )
    .filter((v): v is string => !!v)
    .map(major => `POSTGRES_${major}` as DatabaseId);
  if (pg.length === 0 && process.env.APP_CENTER_TEST_SQLITE_ONLY !== '1') {
    throw new Error(
      'No PostgreSQL test database: run `make test` (it starts one), or set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING, or APP_CENTER_TEST_SQLITE_ONLY=1 to test on SQLite alone',
    );
  }
  const ids: DatabaseId[] = [...pg, 'SQLITE_3'];
  return { databases: TestDatabases.create({ ids, disableDocker: true }), ids };
}

export type AppCenterTestDatabases = ReturnType<
  typeof appCenterTestDatabases
>['databases'];
