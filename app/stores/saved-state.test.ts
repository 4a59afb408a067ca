// A write the browser refuses is reported (and the page keeps working); the next write that fits clears the report.
import { beforeEach, expect, it } from "vitest";
import { reportingStorage, useSavedState } from "./saved-state";

class QuotaStorage implements Storage {
  private items = new Map<string, string>();
  constructor(private readonly quota: number) {}
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    if (value.length > this.quota) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    this.items.set(key, value);
  }
}

beforeEach(() => useSavedState.setState({ refusedBytes: null }));

it("reports a refused write with its size, keeps what was stored before, and clears the report when a write fits again", () => {
  const backing = new QuotaStorage(100);
  const storage = reportingStorage(() => backing);
  void storage.setItem("s", "small");
  expect(useSavedState.getState().refusedBytes).toBeNull();
  expect(() => storage.setItem("s", "x".repeat(1000))).not.toThrow();
  expect(useSavedState.getState().refusedBytes).toBe(1000);
  expect(backing.getItem("s")).toBe("small");
  void storage.setItem("s", "fits");
  expect(useSavedState.getState().refusedBytes).toBeNull();
  expect(backing.getItem("s")).toBe("fits");
});
