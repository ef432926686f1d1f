// isRealDate (the `date:` check) against JavaScript's own calendar, which it replaced for speed.
import { describe, expect, it } from 'vitest';
import { isRealDate } from '../../src/input/activity-schema.js';

/** The check as it was written first: a pattern, then a round trip through Date. */
function byDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

describe('isRealDate', () => {
  it('agrees with Date on every day, and the days around the month ends, of years 0000–2500 and some later', () => {
    const years = [...Array.from({ length: 2501 }, (_, y) => y), 2800, 3000, 4000, 9999];
    let checked = 0;
    for (const y of years) {
      for (let m = 0; m <= 13; m++) {
        for (const d of [0, 1, 15, 27, 28, 29, 30, 31, 32, 99]) {
          const v = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          if (isRealDate(v) !== byDate(v)) expect.fail(`${v}: ${isRealDate(v)} but Date says ${byDate(v)}`);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(350_000);
  });

  it('knows leap years', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2023-02-29')).toBe(false);
    expect(isRealDate('1900-02-29')).toBe(false);
    expect(isRealDate('2000-02-29')).toBe(true);
  });

  it('refuses anything but YYYY-MM-DD', () => {
    for (const v of ['2024-1-01', '2024-01-1', ' 2024-01-01', '2024-01-01 ', '2024-01-01\n', '2024/01/01', '２０２４-01-01', '+02024-01-01', '2024--1-01', '2024-0a-01', '', '14 March 2026']) {
      expect([v, isRealDate(v)]).toEqual([v, false]);
      expect(byDate(v)).toBe(false);
    }
  });
});
