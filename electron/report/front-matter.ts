// The parts of the report around the outline, filled from the settings: header lines, title and subject,
// opening paragraph, Nơi nhận and the signer, and a draft's marks.
import { settingString } from '../store/settings.ts';
import type { Closing, FrontMatter } from './content-model.ts';
import type { FigureText } from './figure-text.ts';
import { dateLineParts } from '../../shared/dates.ts';
import { documentNumberText } from '../../shared/document-number.ts';
import { runningCaseName } from '../../shared/text.ts';
import type { ReportData } from './report-data.ts';
import { fillPhrase } from './sentences.ts';

export function frontMatter(data: ReportData, text: FigureText, draft: boolean): FrontMatter {
  const s = data.settings;
  const p = data.outline.phrases;
  const unknown = p.unknownNumber;
  const date = dateLineParts(settingString(s, 'report_date')) ?? { day: unknown, month: unknown, year: String(data.year) };
  return {
    draftMark: draft ? p.draftMark : null,
    author: [
      runningCaseName(settingString(s, 'issuing_body')),
      settingString(s, 'province') ? `${settingString(s, 'province_kind', 'tỉnh')} ${settingString(s, 'province')}` : '',
    ]
      .filter(Boolean)
      .join(' '),
    parentBody: settingString(s, 'parent_body').toLocaleUpperCase('vi'),
    issuingBody: settingString(s, 'issuing_body').toLocaleUpperCase('vi'),
    numberLine: fillPhrase(p.reportNumber, {
      number: documentNumberText(settingString(s, 'report_number'), fillPhrase(p.reportSymbol, { abbreviation: settingString(s, 'abbreviation') }), unknown),
    }),
    nationalTitle: p.nationalTitle,
    motto: p.motto,
    dateLine: fillPhrase(p.dateLine, { place: settingString(s, 'place') || settingString(s, 'province'), ...date }),
    title: data.outline.title,
    subject: text.text(data.outline.subject),
    // The setting "opening" is the annual report's; another period opens with the outline's sentence of its period.
    opening: (data.period.kind === 'year' ? settingString(s, 'opening').trim() : '') || text.text(p.openingDefault),
  };
}

/** "- Bộ Y tế (báo cáo);" … "- Lưu: VT, BVTE." — the archive line added when the list has none. */
export function recipientLines(recipients: readonly string[], archiveDefault: string): string[] {
  const items = recipients
    .map((r) =>
      r
        .trim()
        .replace(/^[-–•]\s*/, '')
        .replace(/[;.,]+$/, ''),
    )
    .filter((r) => r !== '');
  if (!items.some((r) => /^lưu\b/i.test(r))) items.push(archiveDefault.replace(/[;.]+$/, ''));
  return items.map((r, i) => `- ${r}${i === items.length - 1 ? '.' : ';'}`);
}

export function closing(data: ReportData): Closing {
  const s = data.settings;
  const recipients = Array.isArray(s.recipients) ? s.recipients.map(String) : [];
  return {
    recipientsTitle: data.outline.phrases.recipientsTitle,
    recipients: recipientLines(recipients, data.outline.phrases.archiveDefault),
    signerAuthority: settingString(s, 'signer_authority').toLocaleUpperCase('vi'),
    signerTitle: settingString(s, 'signer_title').toLocaleUpperCase('vi'),
    signerName: settingString(s, 'signer_name'),
  };
}
