// Deterministic fault injection: which requests fail (500/503/429) or get a garbage body, from a seed.

import { hashUnit } from "./stable-hash";

export interface FaultOptions {
  /** Fraction of requests answered with 500, 503 or 429 (+ Retry-After). */
  failRate: number;
  /** Fraction of (otherwise successful) requests answered 200 with a body that is not valid for the API. */
  garbageRate: number;
  seed: string | number;
  /** Retry-After seconds sent with 429 and 503. */
  retryAfterSeconds: number;
}

export type Fault = { kind: "fail"; status: 500 | 503 | 429 } | { kind: "garbage" };

const STATUSES = [500, 503, 429] as const;

/**
 * Decides per request from (seed, method, path, how many times that request was seen before), so the outcome of
 * the n-th attempt at a URL does not depend on how concurrent requests interleave, and retries get fresh draws.
 */
export class FaultInjector {
  private readonly attempts = new Map<string, number>();

  constructor(readonly options: FaultOptions) {}

  get active(): boolean {
    return this.options.failRate > 0 || this.options.garbageRate > 0;
  }

  decide(method: string, path: string): Fault | null {
    if (!this.active) return null;
    const key = `${method} ${path}`;
    const attempt = this.attempts.get(key) ?? 0;
    this.attempts.set(key, attempt + 1);
    const { seed, failRate, garbageRate } = this.options;
    if (hashUnit("fail", seed, key, attempt) < failRate) {
      const status = STATUSES[Math.floor(hashUnit("status", seed, key, attempt) * STATUSES.length)] ?? 500;
      return { kind: "fail", status };
    }
    if (hashUnit("garbage", seed, key, attempt) < garbageRate) return { kind: "garbage" };
    return null;
  }

  /** Forgets attempt counts: the same request sequence then meets the same faults again. */
  reset(): void {
    this.attempts.clear();
  }
}

/** A body of the right Content-Type that is not valid for the API: truncated JSON/HTML, damaged file bytes. */
export function garbageBody(kind: "json" | "html" | "file" | "metadata", real: Uint8Array): Uint8Array {
  if (kind === "file") {
    const out = new Uint8Array(real);
    for (let i = 0; i < out.length; i += 97) out[i] = (out[i] ?? 0) ^ 0xff;
    return out;
  }
  const text =
    kind === "json"
      ? '{"meta": {"api-version": "1.4"}, "files": [{"filename": "\u0000'
      : kind === "html"
        ? "<!DOCTYPE html>\n<html><head><title>Links for</title></head><body>\n<a href=\"\u0000\u0001"
        : "Metadata-Version: 2.1\nName\u0000\u0001\u0002";
  return new Uint8Array(Buffer.concat([Buffer.from(text, "utf8"), Buffer.from([0xff, 0xfe, 0x00])]));
}
