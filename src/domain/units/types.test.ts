// Compile-time checks: `tsc --noEmit` fails if any @ts-expect-error below stops being an error,
// so this file is the test that 亿元 cannot be added to 元 without a conversion.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { add, convert, quantity, type Quantity } from './index';

function typeChecks(yi: Quantity<'亿元'>, yuan: Quantity<'元'>): void {
  // @ts-expect-error adding 元 to 亿元 without conversion does not compile
  void add(yi, yuan);
  // @ts-expect-error nor the other way round
  void add(yuan, yi);
  // @ts-expect-error a plain object is not a quantity
  void add(yi, { amount: { m: 1n, e: 0 }, unit: '亿元' });
  const converted = convert(yuan, '亿元');
  if (converted.ok) void add(yi, converted.value);
}

void it('units are part of the type (checked by tsc)', () => {
  const a = quantity(1, '亿元');
  const b = quantity(1, '元');
  assert.ok(a.ok && b.ok);
  typeChecks(a.value, b.value);
});
