// Test support: a Clock whose time is set by the test and whose sleeps are recorded and run `scale` times faster.
import { systemClock } from "./clock";
import type { Clock } from "./clock";

export interface TestClock extends Clock {
  /** Every sleep asked for, in ms of clock time (timeouts included). */
  readonly sleeps: number[];
  /** Moves the clock forward. */
  advance(ms: number): void;
}

/** Time stands still unless advanced; a sleep of `ms` waits `ms * scale` real ms (default 1/1000). */
export function createTestClock(options: { now?: number; scale?: number } = {}): TestClock {
  let now = options.now ?? Date.parse("2024-01-01T00:00:00Z");
  const scale = options.scale ?? 0.001;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    advance(ms) {
      now += ms;
    },
    sleep(ms, signal) {
      sleeps.push(ms);
      return systemClock.sleep(ms * scale, signal);
    },
  };
}
