// A matrix reported by one unit only (Phụ lục 03 by the procuracy, 04 by the court) shown as the annex shows
// it: the matrix's row items (crime groups) as rows, its measures as columns, instead of one row of 90
// columns. Derived from the grid's own columns (each names its group and measure), never from sheet names.
// Pure: the grid edits this shape, and each cell maps back to the unit and indicator it stands for.
import type { GridColumn, GridData, GridRow } from '../../../shared/api-types.ts';

export interface GridShape {
  /** What the grid shows: the data itself, or the one unit's figures as the annex lays them out. */
  data: GridData;
  /** The unit whose figures are laid out as the annex, or null for the usual rows of units. */
  unit: { code: string; name: string } | null;
  /** The unit and indicator behind a shown cell (its row's key and its column). */
  toReal(rowKey: string, col: number): { unit: string; code: string } | null;
  /** The shown row's key and column of a unit's indicator, or null when not shown. */
  fromReal(unit: string, code: string): { rowKey: string; col: number } | null;
}

function plain(data: GridData): GridShape {
  const colOf = new Map(data.columns.map((c, i) => [c.code, i]));
  return {
    data,
    unit: null,
    toReal: (rowKey, col) => (data.columns[col] ? { unit: rowKey, code: data.columns[col].code } : null),
    fromReal: (unit, code) => {
      const col = colOf.get(code);
      return col === undefined ? null : { rowKey: unit, col };
    },
  };
}

/** The grid's shape: the annex's own for a matrix only one unit reports, else a row per unit. */
export function gridShape(data: GridData): GridShape {
  const isMatrix = data.columns.some((c) => c.group);
  const reporting = data.rows.filter((r) => r.applicable.some(Boolean));
  if (!isMatrix || reporting.length !== 1) return plain(data);
  const source = reporting[0]!;
  const groups = [...new Set(data.columns.map((c) => c.group ?? ''))];
  const measures = [...new Set(data.columns.map((c) => c.short))];
  const index = new Map(data.columns.map((c, i) => [`${c.group ?? ''}\u0000${c.short}`, i]));
  const at = (g: string, m: string) => index.get(`${g}\u0000${m}`);
  const columns: GridColumn[] = measures.map((m, j) => {
    const first = data.columns.find((c) => c.short === m)!;
    return { code: `m${j}`, label: m, short: m, group: null, type: first.type, ...(first.max !== undefined ? { max: first.max } : {}) };
  });
  const rows: GridRow[] = groups.map((g) => {
    const pick = <T>(list: readonly T[], none: T) => measures.map((m) => (at(g, m) === undefined ? none : list[at(g, m)!]!));
    const corrections: GridRow['corrections'] = {};
    measures.forEach((m, j) => {
      const i = at(g, m);
      if (i !== undefined && source.corrections[i]) corrections[j] = source.corrections[i];
    });
    return {
      ...source,
      unit: `${source.unit}\u0000${g}`,
      unitName: g,
      values: pick(source.values, null),
      submitted: pick(source.submitted, null),
      cells: pick(source.cells, null),
      applicable: pick(source.applicable, false),
      corrections,
    };
  });
  const groupOfKey = new Map(rows.map((r, k) => [r.unit, groups[k]!]));
  return {
    data: { ...data, columns, rows },
    unit: { code: source.unit, name: source.unitName },
    toReal: (rowKey, col) => {
      const g = groupOfKey.get(rowKey);
      const i = g === undefined || !measures[col] ? undefined : at(g, measures[col]);
      return i === undefined ? null : { unit: source.unit, code: data.columns[i]!.code };
    },
    fromReal: (unit, code) => {
      const c = data.columns.find((x) => x.code === code);
      if (unit !== source.unit || !c) return null;
      return { rowKey: `${source.unit}\u0000${c.group ?? ''}`, col: measures.indexOf(c.short) };
    },
  };
}
