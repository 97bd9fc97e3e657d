/**
 * The clock. Services, jobs and commands take one (`now: Clock`, the request's `c.get('now')`)
 * instead of reading the system time, so a test with a fixed clock gets the same answer every
 * day. `systemClock` is the one place that reads it; composition roots (createApp, startServer,
 * the CLI's main) pass it down. Durations (Date.now() differences, performance.now()) are not
 * "the time" and stay as they are.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** The time of `now` as stored in the database: ISO-8601 UTC with milliseconds. */
export function nowIso(now: Clock = systemClock): string {
  return now().toISOString();
}
