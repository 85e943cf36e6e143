import { performance } from 'node:perf_hooks';

/**
 * Keeps a repeated, coalesced job (an app's status, a tree push) from taking the process over when it is
 * expensive: after a run that took `t` ms, the next one waits at least `factor * t` ms, so the job uses
 * at most about 1/factor of the time. Cheap runs (small apps) are not delayed at all.
 */
export class CostBound {
  private lastCostMs = 0;
  private readonly factor: number;
  private readonly freeBelowMs: number;

  constructor(factor = 10, freeBelowMs = 5) {
    this.factor = factor;
    this.freeBelowMs = freeBelowMs;
  }

  /** Runs the job and records its cost. */
  run<T>(job: () => T): T {
    const start = performance.now();
    try {
      return job();
    } finally {
      this.lastCostMs = performance.now() - start;
    }
  }

  /** The delay to put before the next run, on top of the caller's own minimum. */
  delayMs(minimum = 0): number {
    if (this.lastCostMs < this.freeBelowMs) return minimum;
    return Math.max(minimum, Math.round(this.lastCostMs * this.factor));
  }
}
