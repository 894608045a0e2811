// The server's "now", ticking locally: timers are data, so each client counts down on its own.
import { useEffect, useState } from 'react';
import { useStore } from '../store/index.ts';

/** Redraw rate of clocks: 4 Hz keeps the seconds digit on time without busy rendering. */
export const CLOCK_TICK_MS = 250;

export function useServerNow(): number {
  const offset = useStore((s) => s.serverOffset);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), CLOCK_TICK_MS);
    return () => clearInterval(id);
  }, []);
  return now + offset;
}
