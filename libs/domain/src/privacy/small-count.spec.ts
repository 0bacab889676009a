import {
  countFigure,
  exactFigure,
  Figure,
  interquartileRange,
  listedAndUnlisted,
  mean,
  median,
  quantile,
  SMALL_COUNT_THRESHOLD,
  statisticOver,
  sumFigure,
  SuppressedTable,
  suppressTable,
} from './small-count';

const exact = (value: number): Figure => ({ value, fewerThan: null });
const under = (n: number): Figure => ({ value: null, fewerThan: n });
const WITHHELD: Figure = { value: null, fewerThan: null };

/** The two thresholds in use: public and members (10), officials and administrators (5). */
const THRESHOLDS = [SMALL_COUNT_THRESHOLD.public, SMALL_COUNT_THRESHOLD.official];

/** 0, 1, threshold-1, threshold, threshold+1. */
const boundaries = (t: number) => [0, 1, t - 1, t, t + 1];

describe('SMALL_COUNT_THRESHOLD', () => {
  it('is 10 for the public and club members, 5 for officials and administrators', () => {
    expect(SMALL_COUNT_THRESHOLD).toEqual({ public: 10, member: 10, official: 5, administrator: 5 });
  });
});

describe.each(THRESHOLDS)('with threshold %i', (t) => {
  describe('countFigure', () => {
    it.each(boundaries(t))('shows %i hidden communities as the rule says', (count) => {
      const expected = count === 0 ? exact(0) : count < t ? under(t) : exact(count);
      expect(countFigure(count, t)).toEqual(expected);
    });

    it('hides exactly the counts 1..threshold-1', () => {
      for (let count = 0; count <= 3 * t; count++) {
        expect(countFigure(count, t).value === null).toBe(count > 0 && count < t);
      }
    });
  });

  describe('sumFigure', () => {
    it.each(boundaries(t))('shows 37.5 hours from %i hidden contributors only when 0 or enough', (contributors) => {
      const expected = contributors === 0 || contributors >= t ? exact(37.5) : under(t);
      expect(sumFigure(37.5, contributors, t)).toEqual(expected);
    });

    it('hides a zero sum too when hidden communities contributed (a zero is their figure)', () => {
      expect(sumFigure(0, 1, t)).toEqual(under(t));
      expect(sumFigure(0, 0, t)).toEqual(exact(0));
    });
  });

  describe('listedAndUnlisted', () => {
    it.each(boundaries(t).flatMap((unlisted) => [0, 7].map((listed) => [listed, unlisted])))(
      '%i listed and %i unlisted communities',
      (listed, unlisted) => {
        const hidden = unlisted > 0 && unlisted < t;
        expect(listedAndUnlisted(listed, unlisted, t)).toEqual({
          listed,
          unlisted: hidden ? under(t) : exact(unlisted),
          total: hidden ? under(listed + t) : exact(listed + unlisted),
        });
      },
    );

    it('never lets total minus listed give a small unlisted count away, and never states a falsehood', () => {
      for (let listed = 0; listed <= 2 * t + 1; listed++) {
        for (let unlisted = 0; unlisted <= 2 * t + 1; unlisted++) {
          const shown = listedAndUnlisted(listed, unlisted, t);
          const small = unlisted > 0 && unlisted < t;
          expect(shown.listed).toBe(listed);
          expect(shown.unlisted.value === null || shown.total.value === null).toBe(small);
          expect(shown.total.value === null).toBe(small);
          if (shown.total.fewerThan !== null) expect(listed + unlisted).toBeLessThan(shown.total.fewerThan);
          if (shown.total.value !== null) expect(shown.total.value).toBe(listed + unlisted);
        }
      }
    });
  });

  describe('statisticOver', () => {
    const values = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

    it.each([1, t - 1].filter((n) => n > 0))('shows no statistic over %i communities', (n) => {
      expect(statisticOver(values(n), t, median)).toBeNull();
      expect(statisticOver(values(n), t, mean)).toBeNull();
    });

    it.each([t, t + 1])('shows the statistic over %i communities', (n) => {
      expect(statisticOver(values(n), t, median)).toBe((n + 1) / 2);
      expect(statisticOver(values(n), t, (v) => v.length)).toBe(n);
    });

    it('shows nothing over no community, and never calls the statistic then', () => {
      const statistic = jest.fn(median);
      expect(statisticOver([], t, statistic)).toBeNull();
      expect(statisticOver(values(t - 1), t, statistic)).toBeNull();
      expect(statistic).not.toHaveBeenCalled();
    });
  });
});

describe('crafted cases a reviewer will recognise', () => {
  it('a city card cannot show "Observers: 1" while the club lists none', () => {
    expect(listedAndUnlisted(0, 1, SMALL_COUNT_THRESHOLD.public)).toEqual({
      listed: 0,
      unlisted: under(10),
      total: under(10),
    });
  });

  it("a project total does not give away its hidden partner's hours by subtracting the visible lines", () => {
    const visibleLines = [12, 8];
    const hiddenPartnerHours = 5;
    const total = visibleLines.reduce((a, b) => a + b) + hiddenPartnerHours;
    const shown = sumFigure(total, 1, SMALL_COUNT_THRESHOLD.public);
    expect(shown).toEqual(under(10));
    expect(shown.value).toBeNull();
    // with enough hidden partners the total is shown: subtraction then yields only their joint figure
    expect(sumFigure(total + 90, 10, SMALL_COUNT_THRESHOLD.public)).toEqual(exact(total + 90));
    // for officials the bar is 5
    expect(sumFigure(total, 4, SMALL_COUNT_THRESHOLD.official)).toEqual(under(5));
    expect(sumFigure(total, 5, SMALL_COUNT_THRESHOLD.official)).toEqual(exact(total));
  });

  it('threshold 1 (a coordinator on their own clubs) shows everything', () => {
    expect(countFigure(1, 1)).toEqual(exact(1));
    expect(sumFigure(3, 1, 1)).toEqual(exact(3));
    expect(listedAndUnlisted(0, 1, 1)).toEqual({ listed: 0, unlisted: exact(1), total: exact(1) });
    expect(statisticOver([4], 1, median)).toBe(4);
    expect(suppressTable([[1, 2], [0, 3]], 1)).toEqual(truthAsFigures([[1, 2], [0, 3]]));
  });
});

describe('input checks', () => {
  it.each([-1, 1.5, NaN, Infinity])('rejects the count %p', (count) => {
    expect(() => countFigure(count, 10)).toThrow(RangeError);
    expect(() => listedAndUnlisted(count, 0, 10)).toThrow(RangeError);
    expect(() => listedAndUnlisted(0, count, 10)).toThrow(RangeError);
    expect(() => sumFigure(1, count, 10)).toThrow(RangeError);
    expect(() => suppressTable([[count]], 10)).toThrow(RangeError);
  });

  it.each([0, -5, 2, 2.5, NaN])('rejects the threshold %p', (threshold) => {
    expect(() => countFigure(1, threshold)).toThrow(RangeError);
    expect(() => sumFigure(1, 1, threshold)).toThrow(RangeError);
    expect(() => statisticOver([1], threshold, median)).toThrow(RangeError);
    expect(() => suppressTable([[1]], threshold)).toThrow(RangeError);
  });

  it.each([-1, NaN, Infinity])('rejects the sum %p', (sum) => {
    expect(() => sumFigure(sum, 0, 10)).toThrow(RangeError);
  });

  it('rejects a ragged table and a non-finite exact figure', () => {
    expect(() => suppressTable([[1, 2], [3]], 10)).toThrow(RangeError);
    expect(() => exactFigure(NaN)).toThrow(RangeError);
  });
});

describe('statistics', () => {
  it('median of odd and even counts, unordered input, input untouched', () => {
    const values = [9, 1, 5];
    expect(median(values)).toBe(5);
    expect(values).toEqual([9, 1, 5]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('mean, quantiles and interquartile range', () => {
    expect(mean([1, 2, 3, 10])).toBe(4);
    expect(quantile([1, 2, 3, 4, 5], 0)).toBe(1);
    expect(quantile([1, 2, 3, 4, 5], 1)).toBe(5);
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(interquartileRange([1, 2, 3, 4, 5])).toBe(2);
  });

  it('refuses empty input, non-finite values and quantiles outside 0..1', () => {
    expect(() => median([])).toThrow(RangeError);
    expect(() => mean([])).toThrow(RangeError);
    expect(() => median([1, NaN])).toThrow(RangeError);
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------
// Tables: an independent model of what a reader can work out, to check suppressTable against.
// ---------------------------------------------------------------------------------------------

type Cells = number[][];

interface Entry {
  truth: number;
  shown: Figure;
  /** 'cell' entries are the unknowns we enumerate; totals follow from them. */
  kind: 'cell' | 'rowTotal' | 'columnTotal' | 'total';
}

interface Line {
  name: string;
  members: number[];
  total: number;
}

/** The table's entries (cells row-major, row totals, column totals, grand total) and its equations. */
function entriesAndLines(cells: Cells, shown: SuppressedTable): { entries: Entry[]; lines: Line[] } {
  const rows = cells.length;
  const columns = rows === 0 ? 0 : cells[0].length;
  const entries: Entry[] = [];
  const cellIndex: number[][] = cells.map((row, r) =>
    row.map((truth, c) => entries.push({ truth, shown: shown.cells[r][c], kind: 'cell' }) - 1),
  );
  const rowIndex = cells.map(
    (row, r) => entries.push({ truth: row.reduce((a, b) => a + b, 0), shown: shown.rowTotals[r], kind: 'rowTotal' }) - 1,
  );
  const columnIndex = Array.from(
    { length: columns },
    (_, c) =>
      entries.push({ truth: cells.reduce((a, row) => a + row[c], 0), shown: shown.columnTotals[c], kind: 'columnTotal' }) - 1,
  );
  const totalIndex = entries.push({ truth: cells.flat().reduce((a, b) => a + b, 0), shown: shown.total, kind: 'total' }) - 1;
  const lines: Line[] = [
    ...cellIndex.map((members, r) => ({ name: `row ${r}`, members, total: rowIndex[r] })),
    ...columnIndex.map((total, c) => ({ name: `column ${c}`, members: cellIndex.map((row) => row[c]), total })),
    { name: 'row totals', members: rowIndex, total: totalIndex },
    { name: 'column totals', members: columnIndex, total: totalIndex },
  ];
  return { entries, lines };
}

const isHidden = (f: Figure) => f.value === null;
const isSmallTruth = (v: number, t: number) => v > 0 && v < t;

function truthAsFigures(cells: Cells): SuppressedTable {
  const columns = cells[0]?.length ?? 0;
  return {
    cells: cells.map((row) => row.map(exact)),
    rowTotals: cells.map((row) => exact(row.reduce((a, b) => a + b, 0))),
    columnTotals: Array.from({ length: columns }, (_, c) => exact(cells.reduce((a, row) => a + row[c], 0))),
    total: exact(cells.flat().reduce((a, b) => a + b, 0)),
  };
}

/**
 * Hidden entries a reader can solve for exactly from the shown entries and the lines alone
 * (linear algebra, no bounds): reduce the equations over the hidden entries to row echelon
 * form; an entry is determined when some reduced equation mentions it alone.
 */
function linearlyDetermined(entries: Entry[], lines: Line[]): Set<number> {
  const unknowns: number[] = [];
  const column = entries.map((e, i) => (isHidden(e.shown) ? unknowns.push(i) - 1 : -1));
  const n = unknowns.length;
  const EPS = 1e-9;
  const matrix = lines.map((line) => {
    const row = new Float64Array(n);
    for (const m of line.members) if (column[m] >= 0) row[column[m]] += 1;
    if (column[line.total] >= 0) row[column[line.total]] -= 1;
    return row;
  });
  let pivotRow = 0;
  for (let k = 0; k < n && pivotRow < matrix.length; k++) {
    let best = pivotRow;
    for (let i = pivotRow + 1; i < matrix.length; i++) if (Math.abs(matrix[i][k]) > Math.abs(matrix[best][k])) best = i;
    if (Math.abs(matrix[best][k]) < EPS) continue;
    const pivot = matrix[best];
    matrix[best] = matrix[pivotRow];
    matrix[pivotRow] = pivot;
    const scale = pivot[k];
    for (let j = 0; j < n; j++) pivot[j] /= scale;
    for (let i = 0; i < matrix.length; i++) {
      const row = matrix[i];
      const factor = row[k];
      if (i === pivotRow || Math.abs(factor) < EPS) continue;
      for (let j = 0; j < n; j++) row[j] -= factor * pivot[j];
    }
    pivotRow++;
  }
  const determined = new Set<number>();
  for (let i = 0; i < matrix.length; i++) {
    const row = matrix[i];
    let only = -1;
    let count = 0;
    for (let j = 0; j < n; j++) {
      if (Math.abs(row[j]) < EPS) continue;
      only = j;
      count++;
    }
    if (count === 1) determined.add(unknowns[only]);
  }
  return determined;
}

/**
 * What a reader knows of an entry: shown ones exactly; "fewer than t" is 1..t-1 (zeros are
 * shown); a withheld cell is at least t, a hidden total at least 1; and — complements being
 * the smallest candidates — a hidden entry is not above its value when a shown neighbour in
 * one of its lines equals it or is one more.
 */
function readerBounds(entries: Entry[], lines: Line[], t: number): Array<[number, number]> {
  return entries.map((e, i) => {
    if (e.shown.value !== null) return [e.shown.value, e.shown.value];
    if (e.shown.fewerThan !== null) return [1, e.shown.fewerThan - 1];
    const capped = lines.some(
      (line) =>
        line.members.includes(i) &&
        line.members.some((m) => m !== i && entries[m].shown.value !== null && [e.truth, e.truth + 1].includes(entries[m].truth)),
    );
    return [e.kind === 'cell' ? t : 1, capped ? e.truth : Infinity];
  });
}

/**
 * Hidden entries that can take another value in some table consistent with everything the
 * reader knows (bounds and lines). Differences between consistent tables decompose into cycles
 * that move entries by one, so trying every hidden cell at value-1, value, value+1 (the totals
 * follow) finds an alternative for every entry that has one. Exhaustive: 3^(hidden cells), but
 * stops once every entry of `wanted` has been seen to vary.
 */
function variableEntries(entries: Entry[], lines: Line[], t: number, wanted: readonly number[]): Set<number> {
  const bounds = readerBounds(entries, lines, t);
  const hiddenCells = entries.map((e, i) => (e.kind === 'cell' && isHidden(e.shown) ? i : -1)).filter((i) => i >= 0);
  const varied = new Set<number>();
  const values = entries.map((e) => e.truth);
  const recompute = () => {
    for (const line of lines) values[line.total] = line.members.reduce((sum, m) => sum + values[m], 0);
  };
  const consistent = () => values.every((v, i) => v >= bounds[i][0] && v <= bounds[i][1]);
  const done = () => wanted.every((i) => varied.has(i));
  const visit = (k: number): void => {
    if (done()) return;
    if (k === hiddenCells.length) {
      recompute();
      if (consistent()) values.forEach((v, i) => v !== entries[i].truth && varied.add(i));
      return;
    }
    const entry = hiddenCells[k];
    for (const delta of [-1, 0, 1]) {
      values[entry] = entries[entry].truth + delta;
      if (values[entry] < bounds[entry][0] || values[entry] > bounds[entry][1]) continue;
      visit(k + 1);
    }
    values[entry] = entries[entry].truth;
  };
  visit(0);
  return varied;
}

/**
 * Everything suppressTable promises, checked from the outside:
 * (1) every cell and total with 0 < v < t is hidden, the cells as "fewer than t";
 * (2) nothing shown differs from the truth: exact values are the value, "fewer than t" is only
 *     on cells in 1..t-1, withheld cells are not small (else they would say "fewer than");
 * (3) every line whose total is shown hides 0 or at least 2 of its members (so no hidden entry
 *     is the only unknown of a shown line), the row totals and column totals with the grand
 *     total included (4); and no small entry can be solved for by linear algebra;
 * (5) with the bounds the labels give away, no small entry is pinned to its value.
 */
function expectProtected(cells: Cells, t: number, { exhaustive = true } = {}): SuppressedTable {
  const shown = suppressTable(cells, t);
  const { entries, lines } = entriesAndLines(cells, shown);
  const where = () => `table ${JSON.stringify(cells)}, threshold ${t}: ${JSON.stringify(shown)}`;
  const fail = (why: string) => {
    throw new Error(`${why} — ${where()}`);
  };

  entries.forEach((e, i) => {
    const cell = e.kind === 'cell';
    if (isSmallTruth(e.truth, t) && !isHidden(e.shown)) fail(`(1) small entry ${i} (${e.truth}) is shown`);
    if (isSmallTruth(e.truth, t) && cell && e.shown.fewerThan !== t) fail(`(1) small cell ${i} is not "fewer than ${t}"`);
    if (e.shown.value !== null && e.shown.value !== e.truth) fail(`(2) entry ${i} shows ${e.shown.value}, truth ${e.truth}`);
    if (e.shown.fewerThan !== null && !(cell && isSmallTruth(e.truth, t))) fail(`(2) entry ${i} (${e.truth}) claims fewer than ${t}`);
    if (cell && isHidden(e.shown) && e.shown.fewerThan === null && e.truth < t) fail(`(2) withheld cell ${i} is ${e.truth}`);
  });
  for (const line of lines) {
    if (isHidden(entries[line.total].shown)) continue;
    const hidden = line.members.filter((m) => isHidden(entries[m].shown)).length;
    if (hidden === 1) fail(`(3) ${line.name} hides exactly one member under a shown total`);
  }
  if (!isHidden(shown.total)) {
    if (shown.rowTotals.filter(isHidden).length === 1) fail('(4) one hidden row total under a shown grand total');
    if (shown.columnTotals.filter(isHidden).length === 1) fail('(4) one hidden column total under a shown grand total');
  }
  for (const i of linearlyDetermined(entries, lines)) {
    if (isSmallTruth(entries[i].truth, t)) fail(`(3) small entry ${i} is determined by the shown lines`);
  }
  if (exhaustive) {
    const small = entries.map((e, i) => (isSmallTruth(e.truth, t) ? i : -1)).filter((i) => i >= 0);
    const varied = variableEntries(entries, lines, t, small);
    for (const i of small) if (!varied.has(i)) fail(`(5) small entry ${i} (${entries[i].truth}) is pinned by the bounds`);
  }
  return shown;
}

/** All tables of the given shape with cells drawn from `palette`. */
function* allTables(rows: number, columns: number, palette: readonly number[]): Generator<Cells> {
  const n = rows * columns;
  const digits = new Array<number>(n).fill(0);
  for (;;) {
    yield Array.from({ length: rows }, (_, r) => digits.slice(r * columns, (r + 1) * columns).map((d) => palette[d]));
    let i = 0;
    while (i < n && ++digits[i] === palette.length) digits[i++] = 0;
    if (i === n) return;
  }
}

/** A seeded linear congruential generator (Numerical Recipes constants): same tables every run. */
function lcg(seed: number) {
  let state = seed >>> 0;
  return (below: number) => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return Math.floor((state / 2 ** 32) * below);
  };
}

describe('suppressTable', () => {
  const T = SMALL_COUNT_THRESHOLD.public;

  it('shows a table of large counts and zeros as it is', () => {
    const cells = [
      [12, 0, 30],
      [0, 0, 15],
    ];
    expect(expectProtected(cells, T)).toEqual(truthAsFigures(cells));
    expect(suppressTable([[0, 0]], T)).toEqual(truthAsFigures([[0, 0]]));
  });

  it('handles an empty table', () => {
    expect(suppressTable([], T)).toEqual({ cells: [], rowTotals: [], columnTotals: [], total: exact(0) });
    expect(suppressTable([[], []], T)).toEqual({ cells: [[], []], rowTotals: [exact(0), exact(0)], columnTotals: [], total: exact(0) });
  });

  it('hides a single small count and every total built on it alone', () => {
    expect(expectProtected([[3]], T)).toEqual({ cells: [[under(T)]], rowTotals: [WITHHELD], columnTotals: [WITHHELD], total: WITHHELD });
  });

  it('never caps hidden non-zero cells with a "fewer than" total: four hidden cells under "fewer than 5" are four 1s', () => {
    const O = SMALL_COUNT_THRESHOLD.official;
    expect(expectProtected([[1, 1], [1, 1]], O)).toEqual({
      cells: [[under(O), under(O)], [under(O), under(O)]],
      rowTotals: [WITHHELD, WITHHELD],
      columnTotals: [WITHHELD, WITHHELD],
      total: WITHHELD,
    });
  });

  it('withholds the smallest other cell of a row whose total is shown, and the column total that would give it away', () => {
    expect(expectProtected([[3, 12, 15]], T)).toEqual({
      cells: [[under(T), WITHHELD, exact(15)]],
      rowTotals: [exact(30)],
      columnTotals: [WITHHELD, WITHHELD, exact(15)],
      total: exact(30),
    });
  });

  it('prefers the first of equally small complements', () => {
    const shown = expectProtected([[3, 15, 15, 40]], T);
    expect(shown.cells[0]).toEqual([under(T), WITHHELD, exact(15), exact(40)]);
  });

  it('does not show 1 + withheld = 11 when a withheld figure is known to be at least 10', () => {
    // "fewer than 10" + "withheld (≥ 10)" = 11 leaves only 1 + 10: the totals must go as well
    const shown = expectProtected([[1, 10]], T);
    expect(shown.rowTotals).toEqual([WITHHELD]);
    expect(shown.total).toEqual(WITHHELD);
  });

  it('does not let two hidden cells summing to 2 be read as 1 and 1', () => {
    const shown = expectProtected([[1, 1, 20]], T);
    expect(shown.cells[0]).toEqual([under(T), under(T), WITHHELD]);
    expect(shown.rowTotals).toEqual([exact(22)]);
  });

  it('does not let the smallest-first choice give a complement away (a shown 10 next to a withheld one)', () => {
    // "fewer than 10", withheld, 10, total 23: the withheld cell, chosen before the shown 10, is at most 10
    const shown = expectProtected([[3, 10, 10]], T);
    expect(shown.cells[0][0]).toEqual(under(T));
    expect(shown.cells[0][2].value === 10 && shown.rowTotals[0].value === 23).toBe(false);
  });

  it('finds a small cell recoverable across several lines although every line hides two (a bridge)', () => {
    // Hidden cells form two 2×2 blocks joined by cell (0,2): rows 0+1 minus columns 0+1 gives it away.
    const cells = [
      [1, 2, 3, 20],
      [4, 5, 20, 20],
      [20, 20, 6, 7],
      [20, 20, 8, 9],
    ];
    const primaryOnly: SuppressedTable = {
      ...truthAsFigures(cells),
      cells: cells.map((row) => row.map((v) => (isSmallTruth(v, T) ? under(T) : exact(v)))),
    };
    const naive = entriesAndLines(cells, primaryOnly);
    const hiddenPerLine = naive.lines.map((line) => line.members.filter((m) => isHidden(naive.entries[m].shown)).length);
    expect(hiddenPerLine.every((n) => n === 0 || n >= 2)).toBe(true);
    expect([...linearlyDetermined(naive.entries, naive.lines)]).toEqual([2]);

    const shown = expectProtected(cells, T);
    expect(shown.cells.flat().filter((f) => f.value === null && f.fewerThan === null).length).toBeGreaterThan(0);
  });

  it('is deterministic and leaves its input alone', () => {
    const cells = [
      [1, 12, 0],
      [5, 2, 12],
      [12, 12, 3],
    ];
    const copy = cells.map((row) => [...row]);
    expect(suppressTable(cells, T)).toEqual(suppressTable(copy, T));
    expect(cells).toEqual(copy);
  });

  describe('property: every table of up to 6 cells with cells in {0, 1, 2, 5, 12}', () => {
    const palette = [0, 1, 2, 5, 12];
    const shapes = [1, 2, 3].flatMap((rows) => [1, 2, 3].map((columns) => [rows, columns] as const)).filter(([r, c]) => r * c <= 6);

    it.each(shapes)('all %i×%i tables, thresholds 10 and 5', (rows, columns) => {
      let checked = 0;
      for (const t of THRESHOLDS) {
        for (const cells of allTables(rows, columns, palette)) {
          expectProtected(cells, t);
          checked++;
        }
      }
      expect(checked).toBe(2 * palette.length ** (rows * columns));
    });
  });

  it('property: every 3×3 table with cells in {0, 1, 12} (threshold 10) and in {0, 4, 5} (threshold 5)', () => {
    // {0, 1, 12} behaves alike under both thresholds; {0, 4, 5} sits on the edges of 5
    let checked = 0;
    for (const [t, palette] of [[10, [0, 1, 12]], [5, [0, 4, 5]]] as const) {
      for (const cells of allTables(3, 3, palette)) {
        expectProtected(cells, t);
        checked++;
      }
    }
    expect(checked).toBe(2 * 3 ** 9);
  });

  it('property: 3000 seeded pseudo-random 3×3 tables with cells in {0, 1, 2, 5, 12}', () => {
    const random = lcg(7);
    const palette = [0, 1, 2, 5, 12];
    for (let n = 0; n < 3000; n++) {
      const cells = Array.from({ length: 3 }, () => Array.from({ length: 3 }, () => palette[random(palette.length)]));
      expectProtected(cells, THRESHOLDS[n % 2]);
    }
  });

  it('property: 4000 seeded pseudo-random tables up to 5×5 around both thresholds', () => {
    const random = lcg(20260303);
    const palette = [0, 0, 0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 15, 20, 40];
    for (let n = 0; n < 4000; n++) {
      const rows = 1 + random(5);
      const columns = 1 + random(5);
      const cells = Array.from({ length: rows }, () => Array.from({ length: columns }, () => palette[random(palette.length)]));
      const hidden = cells.flat().filter((v) => v > 0).length;
      expectProtected(cells, THRESHOLDS[n % 2], { exhaustive: hidden <= 12 });
    }
  });
});
