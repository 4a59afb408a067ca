// Counts the requests an index served, by kind of endpoint, for tests and benchmarks (`GET /__stats`).

export type RequestKind =
  | "simple-index"
  | "simple-project"
  | "file"
  | "metadata"
  | "json-project"
  | "json-release"
  | "redirect"
  | "not-found";

export interface KindCount {
  requests: number;
  bytes: number;
}

export interface StatsSnapshot {
  /** Every request except OPTIONS preflights and the `__stats` endpoints. */
  requests: number;
  /** Response body bytes sent. */
  bytes: number;
  byKind: Partial<Record<RequestKind, KindCount>>;
  /** Injected faults by status (`"500"`, `"503"`, `"429"`) and `"garbage"`. */
  faults: Record<string, number>;
  /** Responses that were 304 Not Modified. */
  notModified: number;
}

export class RequestStats {
  private data: StatsSnapshot = RequestStats.empty();

  private static empty(): StatsSnapshot {
    return { requests: 0, bytes: 0, byKind: {}, faults: {}, notModified: 0 };
  }

  record(kind: RequestKind, bytes: number): void {
    this.data.requests++;
    this.data.bytes += bytes;
    const k = (this.data.byKind[kind] ??= { requests: 0, bytes: 0 });
    k.requests++;
    k.bytes += bytes;
  }

  fault(label: string): void {
    this.data.faults[label] = (this.data.faults[label] ?? 0) + 1;
  }

  notModified(): void {
    this.data.notModified++;
  }

  snapshot(): StatsSnapshot {
    return structuredClone(this.data);
  }

  reset(): void {
    this.data = RequestStats.empty();
  }
}
