// A gate for holding back an index answer in a test: it opens when told, or after 1,000 event-loop turns (no clock).

export interface TurnGate {
  /** Settles once the gate is open. */
  opened: Promise<void>;
  open(): void;
}

export function turnGate(turns = 1000): TurnGate {
  let open = (): void => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  void (async () => {
    for (let i = 0; i < turns; i++) await new Promise<void>((resolve) => setImmediate(resolve));
    open();
  })();
  return { opened, open: () => open() };
}
