// Small-number suppression for published tables: counts 1–7 shown as "*" (NHS England's usual rule), with
// secondary suppression so a hidden count cannot be worked back out from a total or a rate.
//
// Secondary-suppression choice: every additive relation the table publishes (a row total = its parts, a totals
// row = the rows above it) is a group. While any group has exactly one hidden cell, we also hide the smallest
// non-zero visible cell in that group (a zero only when nothing else is left), and repeat until no group has
// exactly one hidden cell: two unknowns in one equation cannot be solved. Derived columns (rates, percentages)
// are hidden whenever any count they are computed from is hidden. Zero is shown: it reveals no one.

export const SUPPRESSED = '*';
export type Suppressed = typeof SUPPRESSED;
export type Cell = number | string | boolean | null;

type Row = Readonly<Record<string, Cell>>;
type Column<R> = keyof R & string;

export interface SuppressionSpec<R extends Row> {
  /** Count columns subject to the small-number rule. */
  counts: readonly Column<R>[];
  /** Within each row: `total` is the sum of `parts`. */
  rowTotals?: readonly { total: Column<R>; parts: readonly Column<R>[] }[];
  /** Marks the row holding column totals of all the other rows, if the table has one. */
  isTotalRow?: (row: R) => boolean;
  /** Derived column → the count columns it is computed from (its numerator and denominator). */
  derived?: Readonly<Partial<Record<Column<R>, readonly Column<R>[]>>>;
  /** Smallest and largest counts hidden; default 1–7. */
  smallest?: number;
  largest?: number;
}

type CellRef = { row: number; column: string };
const keyOf = (ref: CellRef) => `${ref.row}\u0000${ref.column}`;

function additiveGroups<R extends Row>(rows: readonly R[], spec: SuppressionSpec<R>): CellRef[][] {
  const groups: CellRef[][] = [];
  rows.forEach((_, row) => {
    for (const { total, parts } of spec.rowTotals ?? [])
      groups.push([total, ...parts].map((column) => ({ row, column })));
  });
  const totalRow = spec.isTotalRow ? rows.findIndex(spec.isTotalRow) : -1;
  if (totalRow >= 0) {
    const others = [...rows.keys()].filter((r) => r !== totalRow);
    for (const column of spec.counts) groups.push([totalRow, ...others].map((row) => ({ row, column })));
  }
  return groups;
}

/** The cell to hide alongside a lone hidden cell: the smallest positive visible count, else any visible cell. */
function complement(group: CellRef[], hidden: Set<string>, valueAt: (ref: CellRef) => number): CellRef | undefined {
  const visible = group.filter((ref) => !hidden.has(keyOf(ref)));
  const positive = visible.filter((ref) => valueAt(ref) > 0).sort((a, b) => valueAt(a) - valueAt(b));
  return positive[0] ?? visible[0];
}

/** A copy of `rows` with small counts, their complements and anything derived from them replaced by "*". */
export function suppressTable<R extends Row>(
  rows: readonly R[],
  spec: SuppressionSpec<R>,
): { [C in keyof R]: R[C] | Suppressed }[] {
  const [smallest, largest] = [spec.smallest ?? 1, spec.largest ?? 7];
  const valueAt = (ref: CellRef) => {
    const v = rows[ref.row]![ref.column];
    return typeof v === 'number' ? v : 0;
  };
  const hidden = new Set<string>();
  rows.forEach((_, row) => {
    for (const column of spec.counts) {
      const v = valueAt({ row, column });
      if (v >= smallest && v <= largest) hidden.add(keyOf({ row, column }));
    }
  });
  const groups = additiveGroups(rows, spec);
  for (let changed = true; changed;) {
    changed = false;
    for (const group of groups) {
      if (group.filter((ref) => hidden.has(keyOf(ref))).length !== 1) continue;
      const extra = complement(group, hidden, valueAt);
      if (!extra) continue; // a one-cell group: nothing to pair with
      hidden.add(keyOf(extra));
      changed = true;
    }
  }
  return rows.map((row, r) => {
    const out: Record<string, Cell> = { ...row };
    for (const column of Object.keys(out)) if (hidden.has(keyOf({ row: r, column }))) out[column] = SUPPRESSED;
    for (const [column, sources] of Object.entries(spec.derived ?? {}) as [string, readonly string[]][]) {
      if (sources.some((s) => hidden.has(keyOf({ row: r, column: s })))) out[column] = SUPPRESSED;
    }
    return out as { [C in keyof R]: R[C] | Suppressed };
  });
}

/** The single-value form of the rule, for series points: is this count small enough to hide? */
export function isSmallCount(count: number, smallest = 1, largest = 7): boolean {
  return count >= smallest && count <= largest;
}
