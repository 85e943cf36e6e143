/**
 * A promise-chain mutex: `run` calls are executed one after the other, in the
 * order they were made. A failing call does not break the chain.
 */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  /** Number of calls running or waiting. */
  get size(): number {
    return this.pending;
  }

  run<T>(fn: () => Promise<T>): Promise<T> {
    this.pending += 1;
    const result = this.tail.then(fn, fn);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result.finally(() => {
      this.pending -= 1;
    });
  }
}
