// Test support: a Clock whose time is set by the test and whose sleeps are recorded and run `scale` times faster.
import { systemClock } from "../clock";
import type { Clock } from "../clock";

export interface TestClock extends Clock {
  /** Every sleep asked for, in ms of clock time (timeouts included). */
  readonly sleeps: number[];
  /** Moves the clock forward. */
  advance(ms: number): void;
}

export interface TestClockOptions {
  now?: number;
  /** Real ms per clock ms of a sleep; default 1/1000. */
  scale?: number;
  /**
   * When true, a sleep that runs to its end moves the clock to the time it was due (if the clock is not past it
   * already): a chain of timeouts and backoffs then reads as the clock time it stands for. Default false: time
   * stands still unless advanced.
   */
  sleepsAdvance?: boolean;
}

/** Time stands still unless advanced (or, with `sleepsAdvance`, slept through); a sleep of `ms` waits `ms * scale` real ms. */
export function createTestClock(options: TestClockOptions = {}): TestClock {
  let now = options.now ?? Date.parse("2024-01-01T00:00:00Z");
  const scale = options.scale ?? 0.001;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    advance(ms) {
      now += ms;
    },
    async sleep(ms, signal) {
      sleeps.push(ms);
      const due = now + ms;
      await systemClock.sleep(ms * scale, signal);
      if (options.sleepsAdvance === true && due > now) now = due;
    },
  };
}
