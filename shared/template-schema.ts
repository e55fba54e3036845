// The report definition as data (templates/<id>/template.json), checked with zod when loaded.
import { z } from 'zod';
import { DEFAULT_BOUNDS } from './values/bounds.ts';

const code = z.string().regex(/^[a-z0-9_]+$/, 'mã chỉ tiêu chỉ gồm chữ thường, số và _');
const listItem = z.object({ code: z.string().min(1), label: z.string().min(1) });
const valueType = z.enum(['count', 'money']);
/** A figure's ceiling: the largest value an indicator admits (inclusive). */
const ceiling = z.number().positive().finite();

/** The ceilings of a template that declares none (shared/values/bounds.ts). */
export { DEFAULT_BOUNDS } from './values/bounds.ts';

const matrixSheet = z.object({
  name: z.string().regex(/^[A-Z0-9_]+$/),
  kind: z.literal('matrix'),
  title: z.string(),
  note: z.string().optional(),
  rows: z.string(),
  columns: z.string(),
  code: z.string().includes('{row}').includes('{col}'),
  type: valueType,
  /** The ceiling of every indicator of the matrix, over the template's default for its type. */
  max: ceiling.optional(),
  rowHeader: z.string(),
  totalRow: z.string().optional(),
});

const listSheet = z.object({
  name: z.string().regex(/^[A-Z0-9_]+$/),
  kind: z.literal('list'),
  title: z.string(),
  note: z.string().optional(),
  items: z.array(
    z.object({
      code,
      label: z.string(),
      type: valueType,
      /** This indicator's ceiling, over the template's default for its type. */
      max: ceiling.optional(),
      section: z.string(),
      onlyKinds: z.array(z.string()).optional(),
    }),
  ),
});

const tableColumn = z.object({
  code,
  label: z.string(),
  type: z.enum(['text', 'list', 'date']),
  list: z.string().optional(),
  required: z.boolean(),
  width: z.number().positive(),
});

const tableSheet = z.object({
  name: z.string().regex(/^[A-Z0-9_]+$/),
  kind: z.literal('table'),
  title: z.string(),
  note: z.string().optional(),
  rangeName: z.string().regex(/^r_[a-z0-9_]+$/),
  rows: z.number().int().positive(),
  columns: z.array(tableColumn).min(1),
  duplicateKey: z.array(code),
});

const narrativeSheet = z.object({
  name: z.string().regex(/^[A-Z0-9_]+$/),
  kind: z.literal('narrative'),
  title: z.string(),
  note: z.string().optional(),
  items: z.array(z.object({ code: z.string().regex(/^t_[a-z0-9_]+$/), label: z.string(), prompt: z.string().optional() })),
});

export const sheetDefinitionSchema = z.discriminatedUnion('kind', [matrixSheet, listSheet, tableSheet, narrativeSheet]);

export const templateDefinitionSchema = z
  .object({
    id: code,
    version: z.number().int().positive(),
    name: z.string(),
    limits: z.object({
      maxFileBytes: z.number().int().positive(),
      maxUncompressedBytes: z.number().int().positive(),
      maxRowsPerSheet: z.number().int().positive(),
      maxColumnsPerSheet: z.number().int().positive(),
    }),
    /** The ceiling of each value type; an indicator or a matrix may declare its own ("max"). */
    bounds: z.object({ count: ceiling, money: ceiling }).default(DEFAULT_BOUNDS),
    lists: z.record(z.string(), z.array(listItem).min(1)),
    unitKinds: z.array(z.object({ code, label: z.string(), sheets: z.array(z.string()) })),
    sheets: z.array(sheetDefinitionSchema),
    guide: z.array(z.string()),
  })
  .superRefine((t, ctx) => {
    const sheetNames = new Set(t.sheets.map((s) => s.name));
    for (const kind of t.unitKinds) {
      for (const s of kind.sheets) {
        if (!sheetNames.has(s)) ctx.addIssue({ code: 'custom', message: `loại đơn vị ${kind.code}: không có trang ${s}` });
      }
    }
    for (const s of t.sheets) {
      const lists = s.kind === 'matrix' ? [s.rows, s.columns] : s.kind === 'table' ? s.columns.flatMap((c) => (c.list ? [c.list] : [])) : [];
      for (const l of lists) if (!t.lists[l]) ctx.addIssue({ code: 'custom', message: `trang ${s.name}: không có danh mục ${l}` });
    }
  });

export type TemplateDefinition = z.infer<typeof templateDefinitionSchema>;
export type SheetDefinition = z.infer<typeof sheetDefinitionSchema>;
export type MatrixSheet = z.infer<typeof matrixSheet>;
export type ListSheet = z.infer<typeof listSheet>;
export type TableSheet = z.infer<typeof tableSheet>;
export type NarrativeSheet = z.infer<typeof narrativeSheet>;
export type ValueType = z.infer<typeof valueType>;
