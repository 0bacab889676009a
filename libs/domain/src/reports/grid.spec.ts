import type { ViewerContext } from '../access/viewer';
import { addFigures, isListed, reportThreshold, statisticAllowed, sumAllowed, suppressBlock, viewCell, viewCells, type Block } from './grid';
import { almatyMonth, parsePeriod, periodRange } from './periods';

const exact = (value: number) => ({ value, fewerThan: null });
const small = { value: null, fewerThan: 5 };
const withheld = { value: null, fewerThan: null };

const official: ViewerContext = { userId: 'o', roles: [{ role: 'official', region: 'r1', clubId: null, communityId: null }], participations: [] };
const coordinator: ViewerContext = { userId: 'c', roles: [{ role: 'coordinator', region: null, clubId: 'a', communityId: null }], participations: [] };

describe('report thresholds and listing', () => {
  it('officials read with 5, a coordinator of every selected club unsuppressed, a coordinator of a part with 10', () => {
    expect(reportThreshold(official, ['a'])).toBe(5);
    expect(reportThreshold(coordinator, ['a'])).toBe(1);
    expect(reportThreshold(coordinator, ['a', 'b'])).toBe(10);
  });

  it('lists open communities, consenting ones for officials of the region, everything unsuppressed', () => {
    expect(isListed(official, { clubId: 'a', regionCode: 'r1' }, 'consenting', 5)).toBe(true);
    expect(isListed(official, { clubId: 'a', regionCode: 'r2' }, 'consenting', 5)).toBe(false);
    expect(isListed(official, { clubId: 'a', regionCode: 'r1' }, 'closed', 5)).toBe(false);
    expect(isListed(coordinator, { clubId: 'a', regionCode: 'r1' }, 'closed', 1)).toBe(true);
  });
});

describe('addFigures', () => {
  it('adds exact figures, keeps a lone hidden one, withholds a sum over a hidden one', () => {
    expect(addFigures([exact(3), exact(4)])).toEqual(exact(7));
    expect(addFigures([exact(0), small, exact(0)])).toEqual(small);
    expect(addFigures([exact(6), small])).toEqual(withheld);
    expect(addFigures([])).toEqual(exact(0));
  });
});

/** Two clubs; club A: 1 Jehovah's Witness observer + 6 evangelical observers; club B: 7 evangelical observers. */
function twoClubs(threshold = 5): Block[] {
  return [
    suppressBlock(
      { clubId: 'A', columns: 2, rows: [
        { tradition: 'jehovahs_witnesses', listed: [0, 0], unlisted: [1, 0] },
        { tradition: 'evangelical_protestant', listed: [2, 0], unlisted: [6, 5] },
      ] },
      threshold,
    ),
    suppressBlock({ clubId: 'B', columns: 2, rows: [{ tradition: 'evangelical_protestant', listed: [0, 1], unlisted: [7, 5] }] }, threshold),
  ];
}

describe('views over suppressed blocks: no filter reveals what the unfiltered view hides', () => {
  const all = { clubIds: new Set(['A', 'B']), tradition: null };

  it('hides the lone community, and the figure it could be subtracted from', () => {
    const blocks = twoClubs();
    const jw = viewCell(blocks, { clubIds: new Set(['A']), tradition: 'jehovahs_witnesses' }, 0);
    expect(jw).toEqual({ value: null, listed: 0, fewerThan: 5 });
    const evangelicalInA = viewCell(blocks, { clubIds: new Set(['A']), tradition: 'evangelical_protestant' }, 0);
    const clubA = viewCell(blocks, { clubIds: new Set(['A']), tradition: null }, 0);
    // club A's observers minus its evangelical observers would be the Jehovah's Witness: one of the two is hidden.
    expect(clubA.value === null || evangelicalInA.value === null).toBe(true);
  });

  it('every filter combination is a function of the published blocks: subtraction between filters recovers no small cell', () => {
    const blocks = twoClubs();
    const selections = [
      all,
      { clubIds: new Set(['A']), tradition: null },
      { clubIds: new Set(['B']), tradition: null },
      { clubIds: new Set(['A', 'B']), tradition: 'evangelical_protestant' },
      { clubIds: new Set(['A']), tradition: 'evangelical_protestant' },
      { clubIds: new Set(['A', 'B']), tradition: 'jehovahs_witnesses' },
    ];
    const shown = selections.map((s) => viewCell(blocks, s, 0));
    // A reader who has every shown figure: any pair (coarse, fine) that differs only by the lone
    // Jehovah's Witness community must not both be exact.
    const pairs: Array<[number, number]> = [[1, 4], [0, 3], [0, 2]];
    for (const [coarse, fine] of pairs) {
      const bothExact = shown[coarse].value !== null && shown[fine].value !== null;
      if (bothExact) expect((shown[coarse].value as number) - (shown[fine].value as number)).not.toBe(2 + 1 - 2);
    }
    expect(shown[5]).toEqual({ value: null, listed: 0, fewerThan: 5 });
  });

  it("a sum over a hidden cell is withheld, a club's published total is used as it is", () => {
    const blocks = twoClubs();
    const evangelical = viewCell(blocks, { clubIds: new Set(['A', 'B']), tradition: 'evangelical_protestant' }, 0);
    expect(evangelical).toEqual({ value: null, listed: 2, fewerThan: null });
    // Club A's observer column total (7 unlisted) is published by its block: the national figure adds it.
    expect(viewCell(blocks, all, 0)).toEqual({ value: 16, listed: null, fewerThan: null });
  });

  it('sums several columns from published cells only', () => {
    const blocks = twoClubs();
    expect(viewCells(blocks, { clubIds: new Set(['B']), tradition: null }, [0, 1])).toEqual({ value: 13, listed: null, fewerThan: null });
  });

  it('a coordinator (threshold 1) sees everything exactly', () => {
    const blocks = twoClubs(1);
    expect(viewCell(blocks, { clubIds: new Set(['A']), tradition: 'jehovahs_witnesses' }, 0)).toEqual({ value: 1, listed: null, fewerThan: null });
    expect(viewCell(blocks, all, 0)).toEqual({ value: 16, listed: null, fewerThan: null });
  });

  it('a club without communities has zeros', () => {
    const [empty] = [suppressBlock({ clubId: 'E', columns: 3, rows: [] }, 5)];
    expect(viewCell([empty], { clubIds: new Set(['E']), tradition: null }, 2)).toEqual({ value: 0, listed: null, fewerThan: null });
  });
});

describe('statisticAllowed', () => {
  it('needs at least threshold contributors, and no or at least threshold unlisted ones', () => {
    expect(statisticAllowed({ all: 4, unlisted: 0 }, [], 5)).toBe(false);
    expect(statisticAllowed({ all: 8, unlisted: 2 }, [], 5)).toBe(false);
    expect(statisticAllowed({ all: 8, unlisted: 0 }, [], 5)).toBe(true);
    expect(statisticAllowed({ all: 8, unlisted: 6 }, [], 5)).toBe(true);
  });

  it('refuses a selection whose complement in a coarser view is a few unlisted communities (subtraction of means)', () => {
    expect(statisticAllowed({ all: 8, unlisted: 6 }, [1], 5)).toBe(false);
    expect(statisticAllowed({ all: 8, unlisted: 6 }, [0, 7], 5)).toBe(true);
  });

  it('shows everything to a coordinator', () => {
    expect(statisticAllowed({ all: 1, unlisted: 1 }, [1], 1)).toBe(true);
  });
});

describe('sumAllowed', () => {
  it('shows sums of listed communities alone, and of at least threshold hidden ones whose complement is safe too', () => {
    expect(sumAllowed(0, [], 5)).toBe(true);
    expect(sumAllowed(1, [], 5)).toBe(false);
    expect(sumAllowed(5, [2], 5)).toBe(false);
    expect(sumAllowed(5, [0, 6], 5)).toBe(true);
  });
});

describe('periods', () => {
  it('the last 12 months end with the current Almaty month', () => {
    const now = new Date('2026-12-31T20:00:00Z'); // already January 1st in Almaty
    const range = periodRange(parsePeriod('last-12-months'), now);
    expect(almatyMonth(now)).toBe('2027-01');
    expect(range.months[0]).toBe('2026-02');
    expect(range.months[11]).toBe('2027-01');
    expect(range.to).toEqual(now);
  });

  it('a past year ends at its last Almaty midnight', () => {
    const range = periodRange(parsePeriod('2025'), new Date('2026-06-01T00:00:00Z'));
    expect(range.months).toHaveLength(12);
    expect(range.from.toISOString()).toBe('2024-12-31T19:00:00.000Z');
    expect(range.to.toISOString()).toBe('2025-12-31T19:00:00.000Z');
  });

  it('refuses anything else', () => {
    expect(() => parsePeriod('forever')).toThrow(RangeError);
  });
});
