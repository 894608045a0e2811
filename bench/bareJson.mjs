// The bare baseline of bench/financials.ts as its own process (plain JavaScript, no loader): an
// express app answering one JSON string, read from BODY_FILE at start, with no session,
// authorization, cache, logging, metrics or security headers.
import { readFileSync } from 'node:fs';
import express from 'express';

const body = readFileSync(process.env.BODY_FILE, 'utf8');
const app = express();
app.get('/financials', (_req, res) => {
  res.type('application/json').send(body);
});
app.get('/health', (_req, res) => {
  res.send('ok');
});
app.listen(Number(process.env.PORT), '127.0.0.1');
// Profiled runs (BENCH_CPU_PROF) stop it with SIGTERM; exiting writes the profile.
process.on('SIGTERM', () => process.exit(0));
