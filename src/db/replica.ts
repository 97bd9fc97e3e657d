/**
 * A streaming read replica of the PostgreSQL primary (`serve --replica-db`). Reads that may be a
 * little behind go to it; everything else stays on the primary. A monitor compares the primary's
 * WAL position with the replica's replayed one every `checkEveryMs`, so the server knows
 * - how far behind the replica is in time: the replica holds every commit made before the newest
 *   moment t whose primary position it has replayed (samples of the primary's position are kept
 *   for that); past `maxLagMs` it is not used;
 * - whether it holds a given write: a write's mark is the primary's position after its commit,
 *   and the replica holds it once its replayed position reaches the mark (read your own writes).
 * The replica's connections fall back to the primary when the replica cannot be reached or drops
 * a connection, so a replica that stops costs no request.
 */
import { Kysely, PostgresDialect, sql, type PostgresPool, type PostgresPoolClient } from 'kysely';
import type pg from 'pg';
import { DatabaseConfigError, loadPg, type Db } from './connection';
import type { Database } from './types';

/** A WAL position ('16/B374D848') as a number. */
export function parseLsn(text: string): bigint {
  const [high, low] = text.split('/');
  if (!high || !low || !/^[0-9A-F]+$/i.test(high) || !/^[0-9A-F]+$/i.test(low))
    throw new Error(`not a WAL position: ${text}`);
  return (BigInt(`0x${high}`) << 32n) | BigInt(`0x${low}`);
}

export interface ReplicaOptions {
  /** Further behind than this (ms), the replica is not read. */
  maxLagMs: number;
  /** How often the positions are compared (ms). */
  checkEveryMs: number;
  /** Told when the replica becomes usable or stops being so. */
  onChange?: (state: ReplicaState) => void;
}

export type ReplicaCondition = 'starting' | 'streaming' | 'lagging' | 'unreachable' | 'promoted';

export interface ReplicaState {
  condition: ReplicaCondition;
  usable: boolean;
  /** The newest position the replica is known to have replayed. */
  replayed: bigint;
  /** How old the replica's data may be, at the last check (null: unknown). */
  stalenessMs: number | null;
}

export interface ReadReplica {
  /** The replica for reads; its connections fall back to the primary when it cannot answer. */
  db: Db;
  state(): ReplicaState;
  /** Whether a read that must see writes up to `mark` (null: none) may go to the replica. */
  canRead(mark: bigint | null): boolean;
  /** The primary's position now: every write committed before the call is at or before it. */
  writeMark(): Promise<bigint>;
  /** Compares the positions now (the monitor does it every `checkEveryMs`). */
  check(): Promise<ReplicaState>;
  close(): Promise<void>;
}

/** Errors after which a read is repeated on the primary: the connection is gone, or recovery cancelled it. */
function replicaFailed(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    // 57P0x: the replica shuts down; 08xxx: connection failures; 40001: a conflict with recovery.
    return /^(57P0[1-3]|08\d{3}|40001|ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT)$/.test(code);
  }
  return /Connection terminated|connection timeout|Client has encountered a connection error/i.test(
    (error as Error).message ?? '',
  );
}

type QueryFn = PostgresPoolClient['query'];

/** A replica connection that moves to a primary connection, repeating the statement, when the replica fails. */
class FallbackClient {
  private primary: pg.PoolClient | null = null;
  private replicaReleased = false;
  constructor(
    private readonly replica: pg.PoolClient,
    private readonly pool: FallbackPool,
  ) {}

  query: QueryFn = (async (text: string, parameters: ReadonlyArray<unknown>) => {
    if (this.primary) return this.primary.query(text, parameters as unknown[]);
    try {
      return await this.replica.query(text, parameters as unknown[]);
    } catch (error) {
      if (!replicaFailed(error)) throw error;
      this.pool.lost(error);
      this.replica.release(error as Error);
      this.replicaReleased = true;
      this.primary = await this.pool.primary.connect();
      if (this.primary.listenerCount('error') === 0) this.primary.on('error', () => undefined);
      return this.primary.query(text, parameters as unknown[]);
    }
  }) as unknown as QueryFn;

  release(): void {
    if (!this.replicaReleased) this.replica.release();
    this.primary?.release();
  }
}

class FallbackPool implements PostgresPool {
  constructor(
    readonly replica: pg.Pool,
    readonly primary: pg.Pool,
    readonly wanted: () => boolean,
    readonly lost: (error: unknown) => void,
  ) {}

  async connect(): Promise<PostgresPoolClient> {
    if (this.wanted()) {
      try {
        const client = await this.replica.connect();
        // A replica that goes away while a client is checked out must not crash the process:
        // the query in flight fails and is repeated on the primary.
        if (client.listenerCount('error') === 0) client.on('error', this.lost);
        return new FallbackClient(client, this);
      } catch (error) {
        this.lost(error);
      }
    }
    const client = await this.primary.connect();
    if (client.listenerCount('error') === 0) client.on('error', () => undefined);
    return client;
  }

  async end(): Promise<void> {
    await Promise.all([this.replica.end(), this.primary.end()]);
  }
}

const labelOf = (url: string) => {
  const parsed = new URL(url);
  return `postgres://${parsed.host}${parsed.pathname}`;
};

/**
 * Opens the replica beside an open primary and starts its monitor. The replica must be a
 * PostgreSQL standby of the primary (`pg_basebackup -R`); a primary on SQLite has none.
 */
export async function openReadReplica(
  primary: Db,
  primaryUrl: string,
  replicaUrl: string,
  opts: ReplicaOptions,
): Promise<ReadReplica> {
  if (primary.dialect !== 'postgres')
    throw new DatabaseConfigError(
      '--replica-db: a read replica needs a PostgreSQL primary (--db postgres://…)',
    );
  if (!/^postgres(ql)?:\/\//i.test(replicaUrl))
    throw new DatabaseConfigError(`--replica-db ${replicaUrl}: give a postgres:// URL`);
  const label = labelOf(replicaUrl);
  const pg = await loadPg();
  // A quick connect timeout: a replica that does not answer must not hold a request long.
  const replicaPool = new pg.Pool({ connectionString: replicaUrl, max: 10, connectionTimeoutMillis: 1000 });
  const primaryPool = new pg.Pool({ connectionString: primaryUrl, max: 4, connectionTimeoutMillis: 5000 });
  replicaPool.on('error', () => undefined);
  primaryPool.on('error', () => undefined);

  let state: ReplicaState = { condition: 'starting', usable: false, replayed: 0n, stalenessMs: null };
  const samples: { at: number; lsn: bigint }[] = [];
  const set = (next: ReplicaState) => {
    const changed = next.condition !== state.condition;
    state = next;
    if (changed) opts.onChange?.(next);
  };
  const lost = () => set({ ...state, condition: 'unreachable', usable: false });

  const pool = new FallbackPool(replicaPool, primaryPool, () => state.usable, lost);
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });

  const primaryPosition = async () =>
    parseLsn(
      (await sql<{ lsn: string }>`select pg_current_wal_lsn()::text as lsn`.execute(primary.kysely)).rows[0]
        .lsn,
    );

  async function check(): Promise<ReplicaState> {
    const at = Date.now();
    let current: bigint;
    try {
      current = await primaryPosition();
    } catch {
      return state; // the primary's own trouble shows on its own requests
    }
    samples.push({ at, lsn: current });
    // Older samples than the allowed lag are no longer needed to measure it.
    while (samples.length > 1 && at - samples[1].at > opts.maxLagMs + opts.checkEveryMs) samples.shift();
    let row: { recovering: boolean; lsn: string | null };
    try {
      const result = await replicaPool.query<{ recovering: boolean; lsn: string | null }>({
        text: 'select pg_is_in_recovery() as recovering, pg_last_wal_replay_lsn()::text as lsn',
        query_timeout: Math.max(1000, opts.checkEveryMs),
      } as pg.QueryConfig);
      row = result.rows[0]!;
    } catch {
      set({ ...state, condition: 'unreachable', usable: false, stalenessMs: null });
      return state;
    }
    if (!row.recovering || row.lsn === null) {
      // Promoted (or never a standby): its data may part from the primary's; not read.
      set({ ...state, condition: 'promoted', usable: false, stalenessMs: null });
      return state;
    }
    const replayed = parseLsn(row.lsn) > state.replayed ? parseLsn(row.lsn) : state.replayed;
    const newestHeld = [...samples].reverse().find((s) => s.lsn <= replayed);
    const stalenessMs = newestHeld ? at - newestHeld.at : null;
    const oldest = samples[0];
    const condition: ReplicaCondition =
      stalenessMs !== null && stalenessMs <= opts.maxLagMs
        ? 'streaming'
        : at - oldest.at >= opts.maxLagMs
          ? 'lagging'
          : 'starting';
    set({ condition, usable: condition === 'streaming', replayed, stalenessMs });
    return state;
  }

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | null = null;
  const tick = () => {
    running = check().finally(() => {
      running = null;
      if (!stopped) {
        timer = setTimeout(tick, opts.checkEveryMs);
        timer.unref();
      }
    });
  };
  await check();
  timer = setTimeout(tick, opts.checkEveryMs);
  timer.unref();

  return {
    db: { kysely, dialect: 'postgres', label, close: () => kysely.destroy() },
    state: () => state,
    canRead: (mark) => state.usable && (mark === null || mark <= state.replayed),
    writeMark: primaryPosition,
    check,
    async close() {
      stopped = true;
      clearTimeout(timer);
      if (running) await running;
      await kysely.destroy();
    },
  };
}
