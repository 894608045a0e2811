// Scenario steps that run once. A test awaits the step it builds on, which awaits its own, so
// any test runs alone (vitest -t) and sets up the state it needs; in a full run of the file
// each step still runs once, in order. A failed step fails every test built on it.
export function step(fn: () => Promise<void>): () => Promise<void> {
  let run: Promise<void> | null = null;
  return () => (run ??= fn());
}
