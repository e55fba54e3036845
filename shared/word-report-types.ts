// A unit's Word report (.docx) read into the outline's narrative sections: what the window shows before saving.
import type { ImportFinding } from './types.ts';

export interface WordReportSection {
  /** The narrative code (t_…), in the outline's printing order. */
  code: string;
  /** The section as the units' workbook names it (e.g. "B.II.2. Tuyên truyền — Nguyên nhân"). */
  label: string;
  /** The text found under the section's heading; "" when none. */
  text: string;
  /** Why the section needs a look: it got nothing, or it was filled from a heading without its points. */
  warning: string | null;
}

export interface WordReportUnplaced {
  /** The heading the text stood under, as written; null when the report has no recognisable heading. */
  heading: string | null;
  text: string;
}

export interface WordReportPreview {
  file: string;
  fileName: string;
  /** False: the file is refused (findings say why) and nothing else is filled. */
  ok: boolean;
  findings: ImportFinding[];
  /** The unit guessed from the header block or the file name; null: to be chosen. */
  unit: { code: string; name: string; from: 'header' | 'file_name' } | null;
  /** The report's year from its title or file name; null: to be chosen. */
  year: number | null;
  /** Legacy encoding converted to Unicode, when the text was typed in TCVN3 or VNI. */
  encoding: 'tcvn3' | 'vni' | null;
  sections: WordReportSection[];
  unplaced: WordReportUnplaced[];
}

export interface WordReportSaved {
  file: string;
  status: 'accepted' | 'same_file';
  unit: string;
  unitName: string;
  year: number;
  version: number;
  /** Sections saved with text. */
  sections: number;
  findings: ImportFinding[];
}
