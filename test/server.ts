/**
 * Starts the real server (real socket, real database of the given dialect, demo plan loaded) for
 * HTTP and browser tests, and stops it and drops the database afterwards.
 */
import { startServer } from '../src/server/main';
import type { DialectName } from '../src/db';
import { createTestDatabase } from './databases';

export const testAdminPassword = 'correct horse battery staple 实效';

export interface RunningTestServer {
  url: string;
  location: string;
  stop(): Promise<void>;
}

export async function startTestServer(dialect: DialectName = 'sqlite'): Promise<RunningTestServer> {
  const database = await createTestDatabase(dialect);
  const running = await startServer({
    db: database.location,
    port: 0,
    host: '127.0.0.1',
    adminPassword: testAdminPassword,
    logLevel: 'silent',
  });
  const address = running.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    location: database.location,
    stop: async () => {
      await running.stop();
      await database.drop();
    },
  };
}
