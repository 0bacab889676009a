import { coordinates, isAdministrator, isOfficialFor, officialRegions, type ViewerContext } from '../access/viewer';
import { exactFigure, suppressTable, type Figure } from '../privacy/small-count';
import { SMALL_COUNT_THRESHOLD } from '../privacy/small-count';

/**
 * Report figures under the small-count rule (docs/domain.md, P9), designed so that no filter can
 * reveal what the unfiltered view hides (apps/api/docs/reports-contract.md):
 *
 * - every count of communities is published from ONE fixed grid per club and table — a *block*:
 *   rows = the traditions of the club's communities, columns = the table's categories (stages,
 *   steps, months, meetings…) — whose cells count the communities the reader may NOT see by name
 *   (`unlisted`); the communities it may see (`listed`) are exact beside them;
 * - each block is suppressed once (primary and secondary, `suppressTable`) with the reader's
 *   threshold, with its row, column and grand totals;
 * - a filter (city, club, tradition) only selects blocks and block rows, and every figure it shows
 *   is a sum of already-published block figures (`addFigures`): a sum over a hidden figure is
 *   hidden. So every view is a function of the published blocks, and the blocks are safe;
 * - statistics (medians, spreads, rates, sums of hours) are not additive cells: they are shown only
 *   when the selection rests on no or at least `threshold` unlisted communities, and so does what a
 *   reader could subtract it from — the rest of each coarser view (`statisticAllowed`).
 */

/** Which communities of a club a reader counts by name. */
export type CommunityClass = 'open' | 'consenting' | 'closed';

/** The reader's threshold for report figures: 1 for a coordinator of every club in the selection (they know every participant). */
export function reportThreshold(viewer: ViewerContext | null, clubIds: readonly string[]): number {
  if (clubIds.length > 0 && clubIds.every((id) => coordinates(viewer, id)) && !isStaffReader(viewer)) return 1;
  return isStaffReader(viewer) ? SMALL_COUNT_THRESHOLD.official : SMALL_COUNT_THRESHOLD.public;
}

/** Officials and administrators read reports as staff (threshold 5) even when they also coordinate a club. */
export function isStaffReader(viewer: ViewerContext | null): boolean {
  return isAdministrator(viewer) || officialRegions(viewer).length > 0;
}

/**
 * Whether the reader counts a community of this class in this club by name (`listed`): open ones
 * always, consenting ones for officials of the region, every one for the club's coordinators
 * reading as coordinators.
 */
export function isListed(viewer: ViewerContext | null, club: { clubId: string; regionCode: string }, kind: CommunityClass, threshold: number): boolean {
  if (threshold === 1) return true;
  if (kind === 'open') return true;
  return kind === 'consenting' && isOfficialFor(viewer, club.regionCode);
}

/** A count split into what the reader may see by name (exact) and the rest (suppressed). */
export interface ReportCell {
  /** The total, when it can be shown. */
  value: number | null;
  /** The listed part (exact), when the total is hidden. */
  listed: number | null;
  /** The unlisted part's bound when the total is hidden: "fewer than n"; null: withheld. */
  fewerThan: number | null;
}

const WITHHELD: Figure = { value: null, fewerThan: null };

/**
 * The sum of published figures: exact when every non-zero part is; the one hidden part itself when
 * all others are zero; otherwise withheld (a sum over a hidden figure would give it away once
 * the others are known).
 */
export function addFigures(figures: readonly Figure[]): Figure {
  const nonZero = figures.filter((f) => f.value !== 0);
  if (nonZero.length === 0) return exactFigure(0);
  if (nonZero.every((f) => f.value !== null)) return exactFigure(nonZero.reduce((sum, f) => sum + (f.value as number), 0));
  return nonZero.length === 1 ? nonZero[0] : WITHHELD;
}

/** A cell from a listed count and an unlisted figure. */
export function reportCell(listed: number, unlisted: Figure): ReportCell {
  if (unlisted.value !== null) return { value: listed + unlisted.value, listed: null, fewerThan: null };
  return { value: null, listed, fewerThan: unlisted.fewerThan };
}

/** An exact cell (a figure that counts no community: meetings, projects). */
export const exactCell = (value: number): ReportCell => ({ value, listed: null, fewerThan: null });

/** A cell that is not shown at all (a statistic over too few communities). */
export const hiddenCell = (): ReportCell => ({ value: null, listed: null, fewerThan: null });

export function addCells(cells: readonly ReportCell[]): ReportCell {
  const listed = cells.reduce((sum, c) => sum + (c.value ?? c.listed ?? 0), 0);
  const unlisted = addFigures(cells.map((c) => (c.value !== null ? exactFigure(0) : { value: null, fewerThan: c.fewerThan } as Figure)));
  if (cells.some((c) => c.value === null && c.listed === null && c.fewerThan === null)) return { value: null, listed: null, fewerThan: null };
  return reportCell(listed, unlisted);
}

/** One club's input to a block: per tradition, listed and unlisted counts per column. */
export interface BlockInput {
  clubId: string;
  columns: number;
  rows: ReadonlyArray<{ tradition: string; listed: readonly number[]; unlisted: readonly number[] }>;
}

/** A block as published: every figure the reader may be shown for this club and table. */
export interface Block {
  clubId: string;
  traditions: string[];
  /** [row][column] */
  listed: number[][];
  unlisted: Figure[][];
  unlistedRowTotals: Figure[];
  unlistedColumnTotals: Figure[];
  unlistedTotal: Figure;
}

/** Suppresses one club's block once, with its totals (primary and secondary suppression). */
export function suppressBlock(input: BlockInput, threshold: number): Block {
  const rows = input.rows.filter((r) => r.listed.some((v) => v > 0) || r.unlisted.some((v) => v > 0));
  for (const row of rows) {
    if (row.listed.length !== input.columns || row.unlisted.length !== input.columns) throw new RangeError('Every row of a block has one value per column');
  }
  if (rows.length === 0) {
    const zeros = Array.from({ length: input.columns }, () => exactFigure(0));
    return { clubId: input.clubId, traditions: [], listed: [], unlisted: [], unlistedRowTotals: [], unlistedColumnTotals: zeros, unlistedTotal: exactFigure(0) };
  }
  const table = suppressTable(rows.map((r) => [...r.unlisted]), threshold);
  return {
    clubId: input.clubId,
    traditions: rows.map((r) => r.tradition),
    listed: rows.map((r) => [...r.listed]),
    unlisted: table.cells,
    unlistedRowTotals: table.rowTotals,
    unlistedColumnTotals: table.columnTotals,
    unlistedTotal: table.total,
  };
}

export interface Selection {
  clubIds: ReadonlySet<string>;
  /** null: every tradition. */
  tradition: string | null;
}

/**
 * A view's cell for one column (or, with `column` null, the total over every column) over the
 * selected blocks and, with a tradition filter, their rows of that tradition. Only published block
 * figures are added up.
 */
export function viewCell(blocks: readonly Block[], selection: Selection, column: number | null): ReportCell {
  let listed = 0;
  const parts: Figure[] = [];
  for (const block of blocks) {
    if (!selection.clubIds.has(block.clubId)) continue;
    if (selection.tradition === null) {
      listed += block.listed.reduce((sum, row) => sum + (column === null ? row.reduce((a, b) => a + b, 0) : row[column]), 0);
      parts.push(column === null ? blockTotal(block) : columnTotal(block, column));
    } else {
      const r = block.traditions.indexOf(selection.tradition);
      if (r < 0) continue;
      listed += column === null ? block.listed[r].reduce((a, b) => a + b, 0) : block.listed[r][column];
      parts.push(column === null ? shownOr(block.unlistedRowTotals[r], block.unlisted[r]) : block.unlisted[r][column]);
    }
  }
  return reportCell(listed, addFigures(parts));
}

/** A published total, or — when it is withheld — the sum of its published members (a lone hidden one keeps its "fewer than"). */
const shownOr = (total: Figure, members: readonly Figure[]): Figure => (total.value !== null ? total : addFigures(members));

const columnTotal = (block: Block, column: number): Figure =>
  shownOr(block.unlistedColumnTotals[column], block.unlisted.map((row) => row[column]));

function blockTotal(block: Block): Figure {
  if (block.unlistedTotal.value !== null) return block.unlistedTotal;
  const byColumns = addFigures(block.unlistedColumnTotals.map((_, c) => columnTotal(block, c)));
  return byColumns.value !== null || byColumns.fewerThan !== null ? byColumns : addFigures(block.unlisted.flat());
}

/** Several columns added up (e.g. the participating stages): a sum of published view cells. */
export function viewCells(blocks: readonly Block[], selection: Selection, columns: readonly number[]): ReportCell {
  return addCells(columns.map((c) => viewCell(blocks, selection, c)));
}

/** Contributors to a statistic: all of them, and how many of those are unlisted. */
export interface Contributors {
  all: number;
  unlisted: number;
}

const enough = (count: number, threshold: number) => count === 0 || count >= threshold;

/**
 * Whether a statistic (median, spread, rate, a sum of hours) over a selection may be shown: it rests
 * on at least `threshold` communities, on no or at least `threshold` unlisted ones, and so does
 * the rest of every coarser view it could be subtracted from (`complements`: the unlisted
 * contributors of each coarser view minus the selection's).
 */
export function statisticAllowed(selection: Contributors, complements: readonly number[], threshold: number): boolean {
  if (threshold === 1) return selection.all > 0;
  return selection.all >= threshold && enough(selection.unlisted, threshold) && complements.every((c) => enough(c, threshold));
}

/**
 * Whether a sum (volunteers, hours) over a selection may be shown: it rests on no or at least
 * `threshold` unlisted communities, and so does the rest of every coarser view (`sumFigure`'s rule,
 * with the complements). Sums of listed communities alone are shown whatever their number.
 */
export function sumAllowed(unlisted: number, complements: readonly number[], threshold: number): boolean {
  if (threshold === 1) return true;
  return enough(unlisted, threshold) && complements.every((c) => enough(c, threshold));
}
