// Figures received without a workbook: how they came (a form on paper, an official letter, a phone call)
// and how that source is said to people — in the grid's reason, the trace, the audit log and the checklist.

export const PAPER_MEDIA = ['paper', 'letter', 'phone'] as const;
export type PaperMedium = (typeof PAPER_MEDIA)[number];

/** The medium in words, as a choice in the window. */
export const PAPER_MEDIUM_LABELS: Record<PaperMedium, string> = {
  paper: 'Biểu mẫu bản giấy',
  letter: 'Công văn',
  phone: 'Điện thoại',
};

/** What the user is asked to write for each medium. */
export const PAPER_REFERENCE_PROMPTS: Record<PaperMedium, string> = {
  paper: 'Ngày nhận, người gửi (ví dụ: nhận qua bưu điện ngày 10/12/2026)',
  letter: 'Số, ký hiệu và ngày của công văn (ví dụ: 125/UBND-VX ngày 10/12/2026)',
  phone: 'Người cung cấp số liệu, ngày gọi (ví dụ: ông Nguyễn Văn A, 10/12/2026)',
};

/** The source in one phrase: "Công văn số 125/UBND-VX ngày 10/12/2026", "Điện thoại: ông Nguyễn Văn A". */
export function paperSourceText(medium: PaperMedium, reference: string): string {
  const ref = reference.trim().normalize('NFC');
  if (medium === 'letter') return /^số\b/i.test(ref) ? `Công văn ${ref}` : `Công văn số ${ref}`;
  if (medium === 'phone') return `Điện thoại: ${ref}`;
  return `Bản giấy: ${ref}`;
}

/** How a unit's status reads when its figures came without a workbook. */
export const PAPER_STATUS = 'Đã nhận (bản giấy)';
