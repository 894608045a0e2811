// An in-process Peerboard server serving the built client, on a free port, with fresh data.
import { startServer, type RunningServer } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { tempDataDir } from '../../server/testing/harness.ts';

export async function startE2eServer(dataDir = tempDataDir(), port = 0, meetingClock?: () => number): Promise<RunningServer & { url: string; dataDir: string }> {
  const running = await startServer(
    loadConfig({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SERVE_CLIENT: 'true', CLIENT_DIR: 'dist/client', LOG_LEVEL: 'error' }),
    { meetingClock },
  );
  // Browsers send Origin http://127.0.0.1:<port>; the default origins include it.
  return { ...running, url: `http://127.0.0.1:${running.port}`, dataDir };
}
