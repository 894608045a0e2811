// Entry point: `npm start` (scripts/start.mjs) imports this in its own process after the client is built.
import { startServer } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { drainOnSignals } from './shutdown.ts';

/** sysexits' EX_CONFIG: a supervisor (and a person) can tell "fix the configuration" from a crash. */
const EXIT_CONFIG = 78;

let config;
try {
  config = loadConfig();
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
  process.stderr.write(`peerboard: ${e.message}\n`);
  process.exit(EXIT_CONFIG);
}
drainOnSignals(await startServer(config));
