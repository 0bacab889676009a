/**
 * The small-count rule. A figure that counts or sums communities the reader may not see
 * (non-registered communities that neither chose to be public nor consented) is shown only
 * when enough of them contribute to it: a small number, combined with what else a reader
 * knows (a city, a tradition, a project), is enough to re-identify a community that risks
 * prosecution. Callers pick the threshold for the reader (`SMALL_COUNT_THRESHOLD`); a
 * coordinator looking at their own clubs is not subject to it at all (threshold 1 shows
 * everything; 2 is refused, as "fewer than 2" and "not 0" make exactly 1). Pure functions,
 * no framework.
 */

/** Fewest hidden communities a shown figure may rest on, by who is reading. */
export const SMALL_COUNT_THRESHOLD = { public: 10, member: 10, official: 5, administrator: 5 } as const;
export type Audience = keyof typeof SMALL_COUNT_THRESHOLD;

/**
 * A published figure:
 * - `{ value }`: the exact value;
 * - `{ fewerThan: n }`: hidden because too few hidden communities contribute (at least one:
 *   a zero is shown as 0). For a count of communities the count itself is below `n`; for a
 *   sum (hours, volunteers) only the number of hidden contributors is;
 * - both null: withheld, with no claim about its size. In a table: a cell that is not small
 *   itself but would let a reader recover a small one by subtraction, or any hidden total
 *   (see `suppressTable`).
 */
export type Figure =
  | { value: number; fewerThan: null }
  | { value: null; fewerThan: number }
  | { value: null; fewerThan: null };

export function exactFigure(value: number): Figure {
  if (!Number.isFinite(value)) throw new RangeError(`A figure must be a finite number, got ${value}`);
  return { value, fewerThan: null };
}

const fewerThan = (threshold: number): Figure => ({ value: null, fewerThan: threshold });
const WITHHELD: Figure = { value: null, fewerThan: null };

/** 1..threshold-1: too few to show. Zero is not small: "none" re-identifies nobody. */
const isSmall = (count: number, threshold: number) => count > 0 && count < threshold;

function assertThreshold(threshold: number): void {
  if (!Number.isInteger(threshold) || threshold < 1 || threshold === 2) {
    throw new RangeError(`A small-count threshold is 1 (show everything) or an integer from 3, got ${threshold}`);
  }
}

function assertCount(name: string, count: number): void {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`${name} must be a non-negative integer, got ${count}`);
}

/** A count of hidden communities: exact when 0 or at least `threshold`, otherwise "fewer than threshold". */
export function countFigure(count: number, threshold: number): Figure {
  assertCount('count', count);
  assertThreshold(threshold);
  return isSmall(count, threshold) ? fewerThan(threshold) : exactFigure(count);
}

/**
 * A sum (hours, volunteers…) to which `contributors` hidden communities contribute; it may
 * include visible communities' parts too. Exact only when no hidden community or at least
 * `threshold` of them contribute: otherwise subtracting the visible lines from the total
 * gives away what the hidden ones did.
 */
export function sumFigure(sum: number, contributors: number, threshold: number): Figure {
  if (!Number.isFinite(sum) || sum < 0) throw new RangeError(`A sum must be a non-negative number, got ${sum}`);
  assertCount('contributors', contributors);
  assertThreshold(threshold);
  return isSmall(contributors, threshold) ? fewerThan(threshold) : exactFigure(sum);
}

/**
 * What a reader sees of a count split into communities it may see (`listed`, exact) and
 * those it may not (`unlisted`). The total is exact only when `unlisted` is: otherwise
 * total minus the listed ones is the small count. A hidden total still says "fewer than
 * listed + threshold", which tells no more than the unlisted figure does.
 */
export function listedAndUnlisted(
  listed: number,
  unlisted: number,
  threshold: number,
): { listed: number; unlisted: Figure; total: Figure } {
  assertCount('listed', listed);
  const unlistedFigure = countFigure(unlisted, threshold);
  const total = unlistedFigure.value === null ? fewerThan(listed + threshold) : exactFigure(listed + unlisted);
  return { listed, unlisted: unlistedFigure, total };
}

/**
 * A statistic (median, mean, spread, durations) over one value per contributing hidden
 * community, or null when fewer than `threshold` contribute: a median of three is one
 * community's own figure, and a mean of two gives the other away to either of them.
 */
export function statisticOver<T>(
  values: readonly number[],
  threshold: number,
  statistic: (values: readonly number[]) => T,
): T | null {
  assertThreshold(threshold);
  return values.length < threshold ? null : statistic(values);
}

function checked(values: readonly number[]): readonly number[] {
  if (values.length === 0) throw new RangeError('A statistic needs at least one value');
  if (values.some((v) => !Number.isFinite(v))) throw new RangeError('A statistic needs finite values');
  return values;
}

/** The `p`-quantile (0..1), interpolating linearly between order statistics (as spreadsheets do). */
export function quantile(values: readonly number[], p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`A quantile is between 0 and 1, got ${p}`);
  const sorted = [...checked(values)].sort((a, b) => a - b);
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

export function mean(values: readonly number[]): number {
  return checked(values).reduce((sum, v) => sum + v, 0) / values.length;
}

/** Spread as the interquartile range (third minus first quartile): robust to one outlying community. */
export function interquartileRange(values: readonly number[]): number {
  return quantile(values, 0.75) - quantile(values, 0.25);
}

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

export interface SuppressedTable {
  cells: Figure[][];
  rowTotals: Figure[];
  columnTotals: Figure[];
  total: Figure;
}

/**
 * Primary and secondary suppression of a table of counts of hidden communities (rows ×
 * columns) published with its row totals, column totals and grand total. Cells must count
 * hidden communities only: a visible community in a cell would be subtracted away.
 *
 * 1. Primary: every cell and every total with 1..threshold-1 is hidden. A cell reads "fewer
 *    than threshold"; a hidden total is always just withheld, small or not: "fewer than 5"
 *    over four cells the reader knows are non-zero (zeros are shown) would make them four 1s.
 * 2. Secondary, until stable: a line (a row or column with its total, or the row totals or
 *    column totals with the grand total) whose total is shown may not hide exactly one
 *    figure, or subtraction recovers it: withhold the smallest non-zero shown figure of the
 *    line (ties: the first), or the line's total when it has none.
 * 3. Then, until no small figure can be recovered, withhold more (see `recoverableSmallEntry`):
 *    subtraction across several lines, and the bounds the labels themselves give away
 *    ("fewer than 10" is 1..9, a withheld cell is at least 10), can still pin a small figure
 *    down when every line hides two. Ends at the latest when every non-zero entry is hidden,
 *    where nothing can be pinned.
 * Deterministic: the same table and threshold always give the same answer.
 */
export function suppressTable(cells: readonly (readonly number[])[], threshold: number): SuppressedTable {
  assertThreshold(threshold);
  const table = tableOf(cells);
  const state: EntryState[] = table.values.map((v) => (isSmall(v, threshold) ? 'small' : 'shown'));

  for (;;) {
    if (withholdLoneHiddenFigures(table, state)) continue;
    const recoverable = recoverableSmallEntry(table, state, threshold);
    if (recoverable === null || !withholdNextTo(table, state, recoverable)) break;
  }

  const { rows, columns } = table;
  const isCell = (entry: number) => entry < rows * columns;
  const figure = (entry: number): Figure =>
    state[entry] === 'shown'
      ? exactFigure(table.values[entry])
      : state[entry] === 'small' && isCell(entry)
        ? fewerThan(threshold)
        : WITHHELD;
  return {
    cells: Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => figure(r * columns + c))),
    rowTotals: Array.from({ length: rows }, (_, r) => figure(rows * columns + r)),
    columnTotals: Array.from({ length: columns }, (_, c) => figure(rows * columns + rows + c)),
    total: figure(table.values.length - 1),
  };
}

/** `small`: primary suppression (1..threshold-1); `withheld`: secondary suppression (≥ threshold). */
type EntryState = 'shown' | 'small' | 'withheld';

/** One equation a reader can write: the members sum to the total. */
interface Line {
  members: number[];
  total: number;
}

/**
 * The table as entries (cells row by row, then row totals, column totals, the grand total)
 * and the lines that tie them. Each entry is also an edge of a circulation
 * source → row → column → sink → source (a row total flows into its row, a cell from its row
 * to its column, a column total out of its column, the grand total back): the lines are
 * exactly flow conservation at the nodes.
 */
interface Table {
  rows: number;
  columns: number;
  values: number[];
  edges: Array<{ from: number; to: number }>;
  lines: Line[];
  /** Entry → the lines it is a member of, then the lines it is the total of. */
  linesOf: Line[][];
}

function tableOf(cells: readonly (readonly number[])[]): Table {
  const rows = cells.length;
  const columns = rows === 0 ? 0 : cells[0].length;
  for (const row of cells) {
    if (row.length !== columns) throw new RangeError('Every row of a table has the same number of cells');
    row.forEach((v) => assertCount('A cell', v));
  }
  const cell = (r: number, c: number) => r * columns + c;
  const rowTotal = (r: number) => rows * columns + r;
  const columnTotal = (c: number) => rows * columns + rows + c;
  const grandTotal = rows * columns + rows + columns;
  const [source, rowNode, columnNode, sink] = [0, (r: number) => 1 + r, (c: number) => 1 + rows + c, 1 + rows + columns];

  const values: number[] = [];
  const edges: Table['edges'] = [];
  const add = (value: number, from: number, to: number) => {
    values.push(value);
    edges.push({ from, to });
  };
  cells.forEach((row, r) => row.forEach((v, c) => add(v, rowNode(r), columnNode(c))));
  cells.forEach((row, r) => add(row.reduce((a, b) => a + b, 0), source, rowNode(r)));
  for (let c = 0; c < columns; c++) add(cells.reduce((sum, row) => sum + row[c], 0), columnNode(c), sink);
  add(cells.flat().reduce((a, b) => a + b, 0), sink, source);

  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  const lines: Line[] = [
    ...range(rows).map((r) => ({ members: range(columns).map((c) => cell(r, c)), total: rowTotal(r) })),
    ...range(columns).map((c) => ({ members: range(rows).map((r) => cell(r, c)), total: columnTotal(c) })),
    { members: range(rows).map(rowTotal), total: grandTotal },
    { members: range(columns).map(columnTotal), total: grandTotal },
  ];
  const memberOf: Line[][] = values.map(() => []);
  const totalOf: Line[][] = values.map(() => []);
  for (const line of lines) {
    for (const m of line.members) memberOf[m].push(line);
    totalOf[line.total].push(line);
  }
  const linesOf = values.map((_, entry) => [...memberOf[entry], ...totalOf[entry]]);
  return { rows, columns, values, edges, lines, linesOf };
}

/** The smallest shown non-zero entry among `entries` (ties: the first), or null. */
function smallestShown(table: Table, state: readonly EntryState[], entries: readonly number[]): number | null {
  let best: number | null = null;
  for (const e of entries) {
    if (state[e] === 'shown' && table.values[e] > 0 && (best === null || table.values[e] < table.values[best])) best = e;
  }
  return best;
}

/**
 * Step 2: a line with a shown total and exactly one hidden member gives that member away.
 * Whatever gets withheld here is shown and non-zero, hence already at least the threshold.
 */
function withholdLoneHiddenFigures(table: Table, state: EntryState[]): boolean {
  let changed = false;
  for (const line of table.lines) {
    if (state[line.total] !== 'shown') continue;
    if (line.members.filter((m) => state[m] !== 'shown').length !== 1) continue;
    state[smallestShown(table, state, line.members) ?? line.total] = 'withheld';
    changed = true;
  }
  return changed;
}

/**
 * Step 3: the first small entry a reader can pin to its exact value, or null.
 *
 * The reader knows every shown figure and every line, that a "fewer than" cell is
 * 1..threshold-1 (zeros are shown), that a withheld cell is at least the threshold, that a
 * hidden total is at least 1, and — because complements are the smallest candidates — that a
 * hidden entry is not above a shown neighbour in one of its lines; we assume it is then not
 * above its true value as soon as such a neighbour equals it or exceeds it by one. These are
 * bounds on the edges of a circulation, so the tables consistent with what is shown differ
 * from the truth by circulations, which decompose into cycles that move each edge by one
 * within its bounds: an entry is pinned exactly when no cycle through it can move every edge
 * by one, up or down as it is traversed, without leaving its bounds.
 */
function recoverableSmallEntry(table: Table, state: readonly EntryState[], threshold: number): number | null {
  const isCell = (e: number) => e < table.rows * table.columns;
  const canRise = (e: number) => {
    const v = table.values[e];
    if (isCell(e) && state[e] === 'small') return v + 1 < threshold;
    return !table.linesOf[e].some((line) =>
      line.members.some((m) => m !== e && state[m] === 'shown' && (table.values[m] === v || table.values[m] === v + 1)),
    );
  };
  const lowest = (e: number) => (!isCell(e) || state[e] === 'small' ? 1 : threshold);
  const canFall = (e: number) => table.values[e] - 1 >= lowest(e);

  const nodes = table.rows + table.columns + 2;
  const arcsFrom: Array<Array<{ entry: number; to: number }>> = Array.from({ length: nodes }, () => []);
  table.edges.forEach(({ from, to }, entry) => {
    if (state[entry] === 'shown') return;
    if (canRise(entry)) arcsFrom[from].push({ entry, to });
    if (canFall(entry)) arcsFrom[to].push({ entry, to: from });
  });
  /** Whether `to` is reachable from `from` along arcs of entries other than `excluded`. */
  const reaches = (from: number, to: number, excluded: number) => {
    const seen = new Array<boolean>(nodes).fill(false);
    const stack = [from];
    seen[from] = true;
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node === to) return true;
      for (const arc of arcsFrom[node]) {
        if (arc.entry === excluded || seen[arc.to]) continue;
        seen[arc.to] = true;
        stack.push(arc.to);
      }
    }
    return false;
  };

  for (let e = 0; e < table.values.length; e++) {
    if (state[e] !== 'small') continue;
    const { from, to } = table.edges[e];
    const movable = (canRise(e) && reaches(to, from, e)) || (canFall(e) && reaches(from, to, e));
    if (!movable) return e;
  }
  return null;
}

/**
 * Withholds one more entry near a pinned one: the smallest shown non-zero member of the
 * first of its lines that has one, else the first shown total of its lines, else the
 * smallest shown non-zero entry of the table. False when nothing is left to withhold.
 */
function withholdNextTo(table: Table, state: EntryState[], pinned: number): boolean {
  const lines = table.linesOf[pinned];
  const choice =
    lines.map((line) => smallestShown(table, state, line.members)).find((e) => e !== null) ??
    lines.map((line) => line.total).find((e) => state[e] === 'shown' && table.values[e] > 0) ??
    smallestShown(table, state, table.values.map((_, e) => e));
  if (choice === null) return false;
  state[choice] = 'withheld';
  return true;
}
