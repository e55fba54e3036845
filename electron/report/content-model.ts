// The report as plain content, before any Word formatting: what the builder computes from the data and the
// outline, and what the .docx writer lays out. Kept free of the docx library so it can be tested and reused.
import type { OutlineLevel } from '../../shared/outline-schema.ts';

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Yellow highlight: a draft's empty section, to be found at once in Word. */
  highlight?: boolean;
}

/** A section the report still lacks (the report stays a draft until it is written or marked empty). */
export interface MissingSection {
  /** The narrative code (BAO_CAO cell). */
  code: string;
  /** The section's heading path, e.g. "PHẦN B › I. Rà soát … › 2. Tồn tại, hạn chế; … › Khó khăn, vướng mắc". */
  heading: string;
  /** How to fill it, in Vietnamese. */
  how: string;
}

export type ContentBlock =
  | { kind: 'heading'; code: string; level: OutlineLevel; text: string }
  /** A body paragraph; `role` says where it came from (figure sentences, a unit's or the compiler's text, none). */
  | { kind: 'paragraph'; role: 'figures' | 'narrative' | 'empty'; runs: Run[] }
  | FormTable
  | TextTable
  | BarChart;

/** A table of words (the plan's targets): a header row and rows of cells, column widths as shares of the text width. */
export interface TextTable {
  kind: 'textTable';
  caption: string;
  headers: string[];
  /** Shares of the text width, one per column (they add up to 1). */
  widths: number[];
  rows: string[][];
}

export interface FormTable {
  kind: 'table';
  caption: string;
  rowHeader: string;
  /** Column labels, with consecutive columns of the same group under one merged group label. */
  columns: { label: string; group?: string }[];
  rows: { label: string; values: (number | null)[]; total?: boolean }[];
}

export interface BarChart {
  kind: 'chart';
  caption: string;
  axisLabel: string;
  categories: string[];
  series: { label: string; values: (number | null)[] }[];
}

export interface FrontMatter {
  draftMark: string | null;
  /** The agency in running-text case ("Sở Y tế tỉnh An Lạc"): the document's author in its properties. */
  author: string;
  parentBody: string;
  issuingBody: string;
  numberLine: string;
  nationalTitle: string;
  motto: string;
  dateLine: string;
  title: string;
  subject: string;
  opening: string;
}

export interface Closing {
  recipientsTitle: string;
  /** Each line as printed: "- Bộ Y tế (báo cáo);" … "- Lưu: VT, BVTE." */
  recipients: string[];
  signerAuthority: string;
  signerTitle: string;
  signerName: string;
}

export interface ReportContent {
  front: FrontMatter;
  body: ContentBlock[];
  closing: Closing;
  /** The unresolved errors listed in a box at the end of a draft (none in the final version). */
  draftErrors: { title: string; errors: string[] } | null;
  /** Things the compiler should know about this document (empty sections …), in Vietnamese. */
  notices: string[];
  /** Sections still without content: while any is left (or an error stands) the report is a draft. */
  missing: MissingSection[];
}
