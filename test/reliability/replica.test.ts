/**
 * A read replica, for real: the test makes its own PostgreSQL primary and a streaming standby of
 * it (`pg_basebackup -R`) in temporary directories on free ports, and runs two `shixiao serve`
 * processes on them with `--replica-db`: a patient one (reads the replica up to 10 minutes
 * behind) and a strict one (1 s). Replay is paused on the standby (`pg_wal_replay_pause`) to make
 * it lag, and the standby is stopped under load. What each read shows says where it was read: a
 * target withdrawn from the portal on the primary is still public on a paused replica.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { login, type Client } from '../server';
import { startPrimary, startReplica, type PgCluster } from '../helpers/pg-cluster';
import { startServeProcess, type ServeProcess } from '../helpers/serve-process';

const adminPassword = 'replica test administrator 实效 2026';
const plan = '/api/plans/yuzhong-2023';
const publicTarget = (id: string) => `/api/public/plans/yuzhong-2023/targets/${id}`;

async function query<R extends pg.QueryResultRow>(url: string, text: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text)).rows;
  } finally {
    await client.end();
  }
}

/** Polls until `probe` returns true (every 200 ms, up to `timeoutMs`); fails naming `what`. */
async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs = 90_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await probe()) return;
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const health = async (server: ServeProcess) =>
  ((await (await fetch(`${server.url}/api/health`)).json()) as { replica?: string }).replica;
const anonymousStatus = async (server: ServeProcess, target: string) => {
  const res = await fetch(server.url + publicTarget(target));
  await res.arrayBuffer();
  return res.status;
};

describe('a streaming read replica (PostgreSQL primary and standby started by the test)', () => {
  let primary: PgCluster | undefined;
  let replica: PgCluster | undefined;
  let patient: ServeProcess | undefined;
  let strict: ServeProcess | undefined;
  let admin: Client;

  const replicaUrl = () => replica!.url('shixiao');
  /** Waits until the standby has replayed everything the primary has written, then pauses replay. */
  async function caughtUpThenPause() {
    await waitFor('the standby caught up', async () => {
      const [p] = await query<{ lsn: string }>(primary!.url(), 'select pg_current_wal_lsn()::text as lsn');
      const [r] = await query<{ behind: boolean }>(
        replicaUrl(),
        `select pg_wal_lsn_diff('${p.lsn}', pg_last_wal_replay_lsn()) > 0 as behind`,
      );
      return r.behind === false;
    });
    await query(replicaUrl(), 'select pg_wal_replay_pause()');
    await waitFor('replay paused', async () => {
      const [r] = await query<{ state: string }>(
        replicaUrl(),
        'select pg_get_wal_replay_pause_state() as state',
      );
      return r.state === 'paused';
    });
  }

  before(async () => {
    primary = await startPrimary();
    await query(primary.url(), 'CREATE DATABASE shixiao');
    replica = await startReplica(primary);
    const env = { SHIXIAO_ADMIN_PASSWORD: adminPassword };
    const db = primary.url('shixiao');
    patient = await startServeProcess(
      ['--db', db, '--replica-db', replicaUrl(), '--replica-max-lag', '600'],
      env,
    );
    strict = await startServeProcess(
      ['--db', db, '--replica-db', replicaUrl(), '--replica-max-lag', '1'],
      env,
    );
    admin = await login(patient.url, 'admin', adminPassword);
    await waitFor('both servers read the replica', async () => {
      return (await health(patient!)) === 'streaming' && (await health(strict!)) === 'streaming';
    });
  });

  after(async () => {
    await patient?.stop();
    await strict?.stop();
    await replica?.destroy();
    await primary?.destroy();
  });

  it('reads the portal from the replica and writes to the primary; the writer reads its own write', async () => {
    assert.match(patient!.output(), /Reading from the replica postgres:\/\/127\.0\.0\.1:\d+\/shixiao/);
    assert.equal(await anonymousStatus(patient!, 't-gdp'), 200);
    await caughtUpThenPause();
    const withdrawn = await admin.send('POST', `${plan}/publications`, {
      kind: 'target',
      id: 't-gdp',
      published: false,
    });
    assert.equal(withdrawn.status, 200, await withdrawn.text());
    // The write is on the primary …
    const [row] = await query<{ n: string }>(
      primary!.url('shixiao'),
      "select count(*) as n from publications where object_type = 'target' and object_code = 't-gdp' and published = 0",
    );
    assert.equal(Number(row.n), 1, 'the primary holds the withdrawal');
    // … the paused replica does not have it, and the public reads it there: still published.
    assert.equal(await anonymousStatus(patient!, 't-gdp'), 200, 'an anonymous read went to the replica');
    // The writer's own reads go to the primary: withdrawn.
    const own = await admin.get(publicTarget('t-gdp'));
    assert.equal(own.status, 404, 'the writer reads its own write');
    // Another worker or server learns the mark from the cookie the write sent back.
    const mark = /(?:^|,\s*)(shixiao_wal=[0-9a-f]+)/.exec(withdrawn.headers.get('set-cookie') ?? '')?.[1];
    assert.ok(mark, `a write mark cookie: ${withdrawn.headers.get('set-cookie')}`);
    const withMark = await fetch(patient!.url + publicTarget('t-gdp'), { headers: { Cookie: mark } });
    assert.equal(withMark.status, 404, 'a request carrying the mark reads the primary');
    // The cockpit of a logged-in reader who wrote nothing still comes from the replica.
    const cockpit = await fetch(`${patient!.url}${plan}/cockpit`, { headers: { Cookie: admin.cookie } });
    assert.equal(cockpit.status, 200);
  });

  it('reads from the primary while the replica lags too far, and from the replica again once it catches up', async () => {
    // Replay is still paused: the strict server (1 s) stops reading the replica …
    await waitFor(
      'the strict server reads the primary',
      async () => (await anonymousStatus(strict!, 't-gdp')) === 404,
    );
    assert.equal(await health(strict!), 'lagging');
    // … while the patient one (10 min) still reads the stale replica.
    assert.equal(await health(patient!), 'streaming');
    assert.equal(await anonymousStatus(patient!, 't-gdp'), 200);
    await query(replicaUrl(), 'select pg_wal_replay_resume()');
    await waitFor('the replica caught up', async () => (await anonymousStatus(patient!, 't-gdp')) === 404);
    await waitFor(
      'the strict server reads the replica again',
      async () => (await health(strict!)) === 'streaming',
    );
  });

  it('keeps serving without an error while the replica stops, and uses it again when it is back', async () => {
    const statuses = new Map<string, number>();
    const failures: string[] = [];
    let stopLoad = false;
    const routes = [
      () => fetch(patient!.url + publicTarget('t-gdp')),
      () => fetch(`${patient!.url}/api/public/plans/yuzhong-2023/portal`),
      () => fetch(`${patient!.url}${plan}/cockpit`, { headers: { Cookie: admin.cookie } }),
      () => fetch(`${patient!.url}${plan}/status?as_of=2026-06-30`, { headers: { Cookie: admin.cookie } }),
      () => fetch(strict!.url + publicTarget('t-gdp')),
    ];
    let stopped = false;
    let answeredAfterStop = 0;
    const loop = async (k: number) => {
      for (let i = k; !stopLoad; i++) {
        try {
          const res = await routes[i % routes.length]();
          await res.arrayBuffer();
          const key = String(res.status);
          statuses.set(key, (statuses.get(key) ?? 0) + 1);
          if (res.status >= 500) failures.push(`route ${i % routes.length}: ${res.status}`);
          else if (stopped) answeredAfterStop++;
        } catch (error) {
          failures.push(`route ${i % routes.length}: ${(error as Error).message}`);
        }
      }
    };
    const load = Promise.all([0, 1, 2, 3].map(loop));
    try {
      await new Promise((r) => setTimeout(r, 1500));
      await replica!.stop();
      stopped = true;
      await waitFor('both servers saw the replica go', async () => {
        return (await health(patient!)) === 'unreachable' && (await health(strict!)) === 'unreachable';
      });
      await new Promise((r) => setTimeout(r, 1500));
    } finally {
      stopLoad = true;
      await load;
    }
    assert.deepEqual(failures, [], `statuses: ${JSON.stringify(Object.fromEntries(statuses))}`);
    const seen = JSON.stringify(Object.fromEntries(statuses));
    assert.ok(answeredAfterStop > 0, `no read answered after the replica stopped: ${seen}`);
    // Writes and fresh reads go on without the replica.
    const published = await admin.send('POST', `${plan}/publications`, {
      kind: 'target',
      id: 't-gdp',
      published: true,
    });
    assert.equal(published.status, 200);
    assert.equal(await anonymousStatus(patient!, 't-gdp'), 200);

    await replica!.start();
    await waitFor('the servers read the replica again', async () => (await health(patient!)) === 'streaming');
    await caughtUpThenPause();
    const again = await admin.send('POST', `${plan}/publications`, {
      kind: 'target',
      id: 't-gdp',
      published: false,
    });
    assert.equal(again.status, 200);
    assert.equal(
      await anonymousStatus(patient!, 't-gdp'),
      200,
      'the public reads the (paused) replica again',
    );
    await query(replicaUrl(), 'select pg_wal_replay_resume()');
    await waitFor('the replica caught up', async () => (await anonymousStatus(patient!, 't-gdp')) === 404);
  });
});
