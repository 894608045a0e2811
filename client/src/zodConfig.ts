// The server's CSP forbids eval. zod 4 probes `new Function` once to decide whether to compile
// fast parsers; the probe is caught, but Chromium still reports it as a CSP violation. Jitless
// skips the probe (parsing forms and messages this size needs no compiled parsers). The setting
// lives in zod's core (shared by every zod build), so the first bundle need not carry zod itself.
import { config } from 'zod/v4/core';

config({ jitless: true });
