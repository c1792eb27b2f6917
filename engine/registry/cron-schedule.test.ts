import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cronScheduleError, parseGoDuration, parseStandard } from './cron-schedule';

test('robfig ParseStandard error messages', () => {
  const cases: [string, string | undefined][] = [
    ['*/1 * * * *', undefined],
    ['0 0 * * 1-5', undefined],
    ['*/15 9-17 * JAN-mar mon,wed,FRI', undefined],
    ['0 0 ? * *', undefined],
    ['@hourly', undefined],
    ['@every 1h30m', undefined],
    ['TZ=Asia/Shanghai 0 8 * * *', undefined],
    ['', 'empty spec string'],
    ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
    ['* * * * * *', 'expected exactly 5 fields, found 6: [* * * * * *]'],
    ['60 * * * *', 'end of range (60) above maximum (59): 60'],
    ['* 24 * * *', 'end of range (24) above maximum (23): 24'],
    ['* * 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['* * * 13 *', 'end of range (13) above maximum (12): 13'],
    ['* * * * 7', 'end of range (7) above maximum (6): 7'],
    ['5-1 * * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
    ['*/2/3 * * * *', 'too many slashes: */2/3'],
    ['x * * * *', 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
    ['* * * foo *', 'failed to parse int from foo: strconv.Atoi: parsing "foo": invalid syntax'],
    ['@weekday', 'unrecognized descriptor: @weekday'],
    ['@every 1x', 'failed to parse duration @every 1x: time: unknown unit "x" in duration "1x"'],
    ['TZ=Mars/Base * * * * *', 'provided bad location Mars/Base: unknown time zone Mars/Base'],
  ];
  for (const [spec, want] of cases) assert.equal(cronScheduleError(spec), want, spec);
});

test('next activation', () => {
  const at = (s: string) => Date.parse(s);
  const iso = (n: number | undefined) => (n === undefined ? 'none' : new Date(n).toISOString());
  assert.equal(iso(parseStandard('*/1 * * * *').next(at('2024-05-01T12:00:30Z'))), '2024-05-01T12:01:00.000Z');
  assert.equal(iso(parseStandard('*/1 * * * *').next(at('2024-05-01T12:01:00Z'))), '2024-05-01T12:02:00.000Z');
  assert.equal(iso(parseStandard('*/15 * * * *').next(at('2024-05-01T12:14:59Z'))), '2024-05-01T12:15:00.000Z');
  assert.equal(iso(parseStandard('0 0 * * *').next(at('2024-05-01T12:00:00Z'))), '2024-05-02T00:00:00.000Z');
  assert.equal(iso(parseStandard('0 9 * * 1-5').next(at('2024-05-03T10:00:00Z'))), '2024-05-06T09:00:00.000Z'); // Fri -> Mon
  assert.equal(iso(parseStandard('0 0 29 2 *').next(at('2024-03-01T00:00:00Z'))), '2028-02-29T00:00:00.000Z');
  assert.equal(iso(parseStandard('0 0 31 2 *').next(at('2024-03-01T00:00:00Z'))), 'none');
  // Day-of-month and day-of-week: either matches when both are restricted.
  assert.equal(iso(parseStandard('0 0 15 * 1').next(at('2024-05-07T00:00:00Z'))), '2024-05-13T00:00:00.000Z');
  assert.equal(iso(parseStandard('@monthly').next(at('2024-05-01T00:00:00Z'))), '2024-06-01T00:00:00.000Z');
  assert.equal(iso(parseStandard('@every 90s').next(at('2024-05-01T00:00:00.500Z'))), '2024-05-01T00:01:30.000Z');
  // In a time zone: 08:00 Shanghai is 00:00 UTC.
  assert.equal(iso(parseStandard('0 8 * * *').next(at('2024-05-01T01:00:00Z'), 'Asia/Shanghai')), '2024-05-02T00:00:00.000Z');
  assert.equal(iso(parseStandard('TZ=Asia/Shanghai 0 8 * * *').next(at('2024-05-01T01:00:00Z'))), '2024-05-02T00:00:00.000Z');
});

test('Go durations', () => {
  assert.equal(parseGoDuration('1h30m'), 5_400_000);
  assert.equal(parseGoDuration('1.5s'), 1500);
  assert.equal(parseGoDuration('0'), 0);
  assert.throws(() => parseGoDuration('10'), { message: 'time: missing unit in duration "10"' });
  assert.throws(() => parseGoDuration(''), { message: 'time: invalid duration ""' });
});
