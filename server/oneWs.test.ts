// One copy of ws serves both socket.io (through engine.io) and /collab: package.json's
// "overrides" hand engine.io, its client and socket.io-adapter the project's own ws, so a node
// loads one WebSocket implementation, with the fixes of the version the project chose.
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
/** The ws that a package, found from the project, resolves for itself. */
const wsOf = (pkg: string) => require.resolve('ws', { paths: [path.dirname(require.resolve(pkg))] });

describe('ws', () => {
  it.each(['engine.io', 'engine.io-client', 'socket.io-adapter'])('%s resolves the project ws', (pkg) => {
    expect(wsOf(pkg)).toBe(require.resolve('ws'));
  });
});
