/**
 * The per-address login failure counter refuses the `limit`-th failure within a minute and stays
 * bounded however many addresses fail (issue 15: it used to grow without end).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AddressFailures } from './address-failures';

const minute = 60_000;
const make = (maxAddresses = 1000) => new AddressFailures({ limit: 3, windowMs: minute, maxAddresses });

describe('AddressFailures', () => {
  it('refuses an address with `limit` failures within the window, and forgives it after', () => {
    const f = make();
    for (let i = 0; i < 3; i++) {
      assert.equal(f.tooMany('10.0.0.1', i * 1000), false);
      f.note('10.0.0.1', i * 1000);
    }
    assert.equal(f.tooMany('10.0.0.1', 3000), true);
    assert.equal(f.tooMany('10.0.0.2', 3000), false, 'another address is not refused');
    assert.equal(f.tooMany('10.0.0.1', minute - 1), true, 'still within a minute of the first');
    assert.equal(f.tooMany('10.0.0.1', minute + 2000), false, 'the window has passed them all');
  });

  it('an address keeps no more than `limit` times, whatever it sends', () => {
    const f = make();
    for (let i = 0; i < 10_000; i++) f.note('10.0.0.1', i);
    assert.equal(f.tooMany('10.0.0.1', 10_000), true);
    const times = (f as unknown as { times: Map<string, number[]> }).times.get('10.0.0.1');
    assert.equal(times?.length, 3);
  });

  it('drops addresses whose failures have left the window (a day of scans from new addresses)', () => {
    const f = make(1_000_000);
    // One failure a second from a new address each time, for a day.
    for (let s = 0; s < 24 * 3600; s++) f.note(`10.${s >> 16}.${(s >> 8) & 255}.${s & 255}`, s * 1000);
    assert.ok(f.size <= 120, `held ${f.size} addresses; at most two windows' worth`);
    assert.equal(f.tooMany('10.1.81.127', 24 * 3600 * 1000), false);
  });

  it('holds at most `maxAddresses`, dropping the least recently failed first', () => {
    const f = make(100);
    for (let i = 0; i < 5000; i++) f.note(`192.168.${i >> 8}.${i & 255}`, 1000);
    assert.equal(f.size, 100);
    // The newest stay, so a burst from one address is still refused.
    for (let i = 0; i < 2; i++) f.note('192.168.19.135', 1000);
    assert.equal(f.tooMany('192.168.19.135', 2000), true);
  });

  it('checking an address that never failed leaves nothing behind', () => {
    const f = make();
    for (let i = 0; i < 1000; i++) f.tooMany(`172.16.0.${i}`, i);
    assert.equal(f.size, 0);
  });
});
