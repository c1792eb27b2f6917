import assert from 'node:assert/strict';
import { test } from 'node:test';
import { base64Error, QUANTITY_FORMAT_ERROR, QUANTITY_SUFFIX_ERROR, quantityError, timeError } from './go-scalars';

test('quantityError follows resource.ParseQuantity', () => {
  for (const ok of ['0', '1', '100m', '0.5', '.5', '1.', '1Gi', '128Mi', '2k', '1e3', '1E-3', '-1', '+2', '1.5Gi', '0001']) {
    assert.equal(quantityError(ok), undefined, ok);
  }
  for (const bad of ['', 'abc', '1Gb', '1.2.3', 'true', '1 Gi']) assert.equal(quantityError(bad), QUANTITY_FORMAT_ERROR, bad);
  for (const bad of ['1MM', '1e', '1i', '1Kii']) assert.equal(quantityError(bad), QUANTITY_SUFFIX_ERROR, bad);
});

test('timeError follows time.Parse(RFC3339)', () => {
  for (const ok of ['2025-01-02T03:04:05Z', '2025-01-02T03:04:05.123Z', '2025-01-02T03:04:05-07:00', '2024-02-29T00:00:00Z']) {
    assert.equal(timeError(ok), undefined, ok);
  }
  assert.equal(timeError('2025-01-02'), 'parsing time "2025-01-02" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "T"');
  assert.equal(timeError('2025-1-02T03:04:05Z'), 'parsing time "2025-1-02T03:04:05Z" as "2006-01-02T15:04:05Z07:00": cannot parse "1-02T03:04:05Z" as "01"');
  assert.equal(timeError('2025-13-02T03:04:05Z'), 'parsing time "2025-13-02T03:04:05Z": month out of range');
  assert.equal(timeError('2025-02-30T03:04:05Z'), 'parsing time "2025-02-30T03:04:05Z": day out of range');
  assert.equal(timeError('2025-01-02T03:04:05'), 'parsing time "2025-01-02T03:04:05" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "Z07:00"');
  assert.equal(timeError('2025-01-02T03:04:05Zjunk'), 'parsing time "2025-01-02T03:04:05Zjunk": extra text: "junk"');
  assert.equal(timeError('2025-01-02T03:04:05.123456Z', true), undefined);
  assert.equal(timeError('2025-01-02T03:04:05Z', true), 'parsing time "2025-01-02T03:04:05Z" as "2006-01-02T15:04:05.000000Z07:00": cannot parse "Z" as ".000000"');
});

test('base64Error reports the offset Go reports', () => {
  for (const ok of ['', 'aGVsbG8=', 'aGVsbA==', 'aGVs', 'aGVs\nbG8=']) assert.equal(base64Error(ok), undefined, JSON.stringify(ok));
  assert.equal(base64Error('hello!'), 'illegal base64 data at input byte 5');
  assert.equal(base64Error('abc'), 'illegal base64 data at input byte 0');
  assert.equal(base64Error('aGVsbG8'), 'illegal base64 data at input byte 4');
  assert.equal(base64Error('a==='), 'illegal base64 data at input byte 1');
  assert.equal(base64Error('aGVsbA=='+'x'), 'illegal base64 data at input byte 8');
});
