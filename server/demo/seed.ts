// `npm run demo`: seeds a demo network into the configured storage (once; skipped if set up).
import { loadConfig } from '../config.ts';
import { openStorage } from '../storage/index.ts';
import { seedDemo, DEMO_PASSWORD } from './data.ts';

const config = loadConfig();
const storage = await openStorage({ databaseUrl: config.databaseUrl, sqliteFile: `${config.dataDir}/peerboard.sqlite` });
try {
  if ((await storage.countUsers()) > 0) {
    console.log('Data already present: demo not seeded again (delete ./data to start over).');
  } else {
    const logins = await seedDemo(storage);
    console.log(`Demo seeded. Every demo login uses the password "${DEMO_PASSWORD}":`);
    for (const l of logins) console.log(`  ${l.role.padEnd(10)} ${l.email}`);
  }
} finally {
  await storage.close();
}
