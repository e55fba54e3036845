// A report section the compiler marks deliberately as having nothing to report: stored as the section's own
// text (like any compiler text), it prints nothing under the heading and does not keep the report a draft.

/** The text that marks a section "không có nội dung báo cáo". */
export const NO_CONTENT_TEXT = 'Không có nội dung báo cáo.';

const key = (text: string) =>
  text
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/[\s.;:!…()"“”-]+/g, ' ')
    .trim();

/** Whether a compiler text is the mark (as stored, or typed so: case, spaces and final stop aside). */
export function isNoContentMark(text: string | null | undefined): boolean {
  return typeof text === 'string' && key(text) === key(NO_CONTENT_TEXT);
}

/** What generate, the demo and the window say about the sections a draft report still lacks. */
export function missingSectionLines(missing: readonly { how: string }[]): string[] {
  if (missing.length === 0) return [];
  return [
    `Báo cáo Word là bản DỰ THẢO: còn ${missing.length} mục chưa có nội dung (được tô vàng trong tệp). Cách bổ sung từng mục:`,
    ...missing.map((m) => `- ${m.how}`),
  ];
}
