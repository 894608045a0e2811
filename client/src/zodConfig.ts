// The server's CSP forbids eval. zod 4 probes `new Function` once to decide whether to compile
// fast parsers; the probe is caught, but Chromium still reports it as a CSP violation. Jitless
// skips the probe (parsing forms and messages this size needs no compiled parsers).
import { z } from 'zod';

z.config({ jitless: true });
