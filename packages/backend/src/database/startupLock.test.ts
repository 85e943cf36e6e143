import { ConfigReader } from '@backstage/config';
import { takeStartupLock } from './startupLock';

/** The test PostgreSQL (scripts/test-postgres.sh), as Backstage's TestDatabases reads it. */
function postgresConfig(prefix: string) {
  const name = Object.keys(process.env).find(k =>
    /^BACKSTAGE_TEST_DATABASE_POSTGRES\d+_CONNECTION_STRING$/.test(k),
  );
  if (!name)
    throw new Error(
      'No test PostgreSQL: run `export "$(bash scripts/test-postgres.sh start)"` first (make test does)',
    );
  return new ConfigReader({
    backend: {
      database: { client: 'pg', connection: process.env[name], prefix },
    },
  });
}

const settled = (p: Promise<unknown>, ms: number) =>
  Promise.race([
    p.then(() => true),
    new Promise(resolve => setTimeout(() => resolve(false), ms)),
  ]);

describe('takeStartupLock', () => {
  const prefix = `startup_lock_test_${process.pid}_`;

  it('lets one replica start at a time: the second waits until the first has started', async () => {
    const first = await takeStartupLock(postgresConfig(prefix));
    expect(first.held).toBe(true);
    const second = takeStartupLock(postgresConfig(prefix));
    expect(await settled(second, 700)).toBe(false);
    // another installation on the same server does not wait
    const other = await takeStartupLock(postgresConfig(`${prefix}other_`));
    expect(other.held).toBe(true);
    await other.release();

    await first.release();
    const next = await second;
    expect(next.held).toBe(true);
    await next.release();
    expect(next.held).toBe(false);
  });

  it('starts without the lock once the wait runs out, and takes none without PostgreSQL', async () => {
    const first = await takeStartupLock(postgresConfig(prefix));
    const warnings: string[] = [];
    const late = await takeStartupLock(postgresConfig(prefix), {
      waitMs: 300,
      logger: { info: () => {}, warn: m => warnings.push(m) },
    });
    expect(late.held).toBe(false);
    expect(warnings).toEqual([expect.stringMatching(/starting without it/)]);
    await first.release();

    const sqlite = await takeStartupLock(
      new ConfigReader({
        backend: {
          database: { client: 'better-sqlite3', connection: ':memory:' },
        },
      }),
    );
    expect(sqlite.held).toBe(false);
  });
});
