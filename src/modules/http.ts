/** The Hono environment every module's routes share: the database and the request's logger. */
import type { Logger } from 'pino';
import type { Db } from '../db';

export type AppEnv = {
  Variables: {
    db: Db;
    log: Logger;
    requestId: string;
  };
};
