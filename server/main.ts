// Entry point: `npm start` (scripts/start.mjs) imports this in its own process after the client is built.
import { startServer } from './app.ts';
import { loadConfig } from './config.ts';
import { drainOnSignals } from './shutdown.ts';

drainOnSignals(await startServer(loadConfig()));
