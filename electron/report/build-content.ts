// The report's content for a year: front matter, the outline's body, the closing and a draft's marks.
import { settingString } from '../store/settings.ts';
import { buildBody } from './body-builder.ts';
import type { ReportContent } from './content-model.ts';
import { FigureText } from './figure-text.ts';
import { closing, frontMatter } from './front-matter.ts';
import type { ReportData } from './report-data.ts';

export interface DraftOptions {
  /** Unresolved validation errors, listed in a box at the end. */
  errors: readonly string[];
}

/**
 * The report is final only when nothing is missing: while a section is empty or an error stands (draft given)
 * it is a draft, marked DỰ THẢO, with the empty sections highlighted and listed.
 */
export function buildReportContent(data: ReportData, draft?: DraftOptions): ReportContent {
  const text = new FigureText(data);
  const body = buildBody(data, text);
  const notices = [...body.notices];
  if (settingString(data.settings, 'opening').trim() === '') notices.push(data.outline.phrases.openingMissing);
  return {
    front: frontMatter(data, text, draft !== undefined || body.missing.length > 0),
    body: body.blocks,
    closing: closing(data),
    draftErrors: draft && draft.errors.length > 0 ? { title: data.outline.phrases.draftErrorsTitle, errors: [...draft.errors] } : null,
    notices,
    missing: body.missing,
  };
}
