// Entry point: `npm start` runs this after the client is built.
import { startServer } from './app.ts';
import { loadConfig } from './config.ts';

const running = await startServer(loadConfig());

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    running.log.info('shutting down', { signal });
    running.close().then(
      () => process.exit(0),
      (e) => {
        running.log.error('shutdown failed', { err: String(e) });
        process.exit(1);
      },
    );
  });
}
