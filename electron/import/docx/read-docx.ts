// Reading a unit's Word report (.docx) into plain blocks: paragraphs (with the marks that tell a heading: a
// heading style, every run bold, list numbering) and simple tables (rows of cell texts). The package is checked
// first with the same zip guard as a workbook, then with the Word report's own limits (the size of the text part
// and of each embedded file); mammoth reads the document model. Images are never read. Text typed in legacy
// TCVN3/VNI fonts comes back as Unicode NFC.
import mammoth from 'mammoth';
import { unzipSync } from 'fflate';
import { convertLegacyText, detectLegacyEncoding, type LegacyEncoding } from '../../../shared/legacy-text.ts';
import type { ImportFinding } from '../../../shared/types.ts';
import { checkZipContainer, type ZipLimits } from '../zip-guard.ts';

/** A Word report is a few pages: 16 MB of document XML is thousands of pages; an embedded file over 25 MB is not a report's. */
export const DOCX_LIMITS = { maxDocumentXmlBytes: 16 * 1048576, maxEmbeddedBytes: 25 * 1048576 };

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export interface DocParagraph {
  kind: 'paragraph';
  text: string;
  /** Styled as a heading (Heading n, Title, Tiêu đề…). */
  styled: boolean;
  /** Every run with visible text is bold. */
  bold: boolean;
  list: { ordered: boolean; level: number } | null;
}

export interface DocTable {
  kind: 'table';
  /** Each row's cells, a cell's paragraphs joined by a space. */
  rows: string[][];
}

export type DocBlock = DocParagraph | DocTable;

export type ReadDocxResult = { ok: true; blocks: DocBlock[]; encoding: LegacyEncoding | null } | { ok: false; findings: ImportFinding[] };

function refused(message: string, code = 'not_docx'): ReadDocxResult {
  return { ok: false, findings: [{ code, severity: 'error', message }] };
}

/** The zip guard speaks of workbooks; a Word report's reasons name the Word file instead. */
function asWordFinding(f: ImportFinding): ImportFinding {
  const message = f.message
    .replace(/biểu mẫu Excel/g, 'báo cáo Word')
    .replace(/khả năng chứa của biểu mẫu/g, 'khả năng chứa của một báo cáo')
    .replace(/\.xlsx/g, '.docx');
  return { ...f, code: f.code === 'not_xlsx' ? 'not_docx' : f.code, message };
}

/** The entries of a zip the guard has passed, with their (now trusted) declared sizes; nothing is inflated. */
function zipEntries(buf: Buffer): Map<string, number> {
  const sizes = new Map<string, number>();
  unzipSync(buf, {
    filter: (f) => {
      sizes.set(f.name, f.originalSize);
      return false;
    },
  });
  return sizes;
}

export async function readDocx(buf: Buffer, limits: ZipLimits): Promise<ReadDocxResult> {
  if (buf.length === 0) return refused('Tệp rỗng (0 byte), không phải báo cáo Word.');
  if (buf.subarray(0, 8).equals(OLE_MAGIC)) {
    return refused('Tệp được đặt mật khẩu hoặc là định dạng Word cũ (.doc). Hãy bỏ mật khẩu hoặc mở bằng Word và lưu lại dưới dạng .docx rồi gửi lại.');
  }
  const guard = checkZipContainer(buf, limits);
  if (guard.length > 0) return { ok: false, findings: guard.map(asWordFinding) };
  let entries: Map<string, number>;
  try {
    entries = zipEntries(buf);
  } catch {
    return refused('Tệp .docx bị hỏng (không đọc được cấu trúc tệp nén).');
  }
  const documentSize = entries.get('word/document.xml');
  if (documentSize === undefined)
    return refused('Tệp không phải báo cáo Word (.docx): không có phần nội dung văn bản. Hãy lưu lại bằng Word dưới dạng .docx rồi gửi lại.');
  if (documentSize > DOCX_LIMITS.maxDocumentXmlBytes) {
    return refused(`Nội dung văn bản quá lớn (${Math.round(documentSize / 1048576)} MB), không phải một báo cáo; có thể là tệp độc hại.`, 'too_large');
  }
  for (const [name, size] of entries) {
    if (size > DOCX_LIMITS.maxEmbeddedBytes) {
      return refused(
        `Tệp có phần nhúng quá lớn (${name.split('/').pop()}, ${Math.round(size / 1048576)} MB; tối đa ${DOCX_LIMITS.maxEmbeddedBytes / 1048576} MB). Hãy xóa hoặc thu nhỏ ảnh trong báo cáo rồi gửi lại.`,
        'too_large',
      );
    }
  }
  let root: MammothElement | null = null;
  try {
    await mammoth.convertToHtml(
      { buffer: buf },
      {
        // Capture the document model; the HTML is not used and images are never read.
        transformDocument: (doc: MammothElement) => {
          root = doc;
          return { ...doc, children: [] };
        },
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
  } catch {
    return refused('Tệp .docx bị hỏng (không đọc được nội dung văn bản). Hãy mở bằng Word, lưu lại rồi gửi lại.');
  }
  if (!root) return refused('Tệp .docx bị hỏng (không đọc được nội dung văn bản).');
  const blocks: DocBlock[] = [];
  const legacy = new LegacyText();
  collectBlocks(root, blocks, legacy);
  const encoding = legacy.documentEncoding();
  return { ok: true, blocks: blocks.map((b) => legacy.convert(b, encoding)), encoding: legacy.met(encoding) };
}

// mammoth's document model (lib/documents.js), the parts read here.
interface MammothElement {
  type: string;
  children?: MammothElement[];
  value?: string;
  styleId?: string | null;
  styleName?: string | null;
  isBold?: boolean;
  font?: string | null;
  breakType?: string;
  numbering?: { isOrdered: boolean; level: string } | null;
}

const HEADING_STYLE = /^(heading|title|subtitle|tieu ?de|chu ?de|muc)\s*\d*$/i;
const LEGACY_FONT: [RegExp, LegacyEncoding][] = [
  [/^\.vn/i, 'tcvn3'],
  [/^vni[- ]/i, 'vni'],
];

/** Runs keep their text with a marker of their font's legacy encoding (private-use brackets, removed on convert). */
class LegacyText {
  private unknown: string[] = [];
  private byFont: LegacyEncoding | null = null;
  /** Text of a run: font-encoded runs are wrapped so that they are converted with their own encoding. */
  run(text: string, font: string | null | undefined): string {
    const enc = font ? LEGACY_FONT.find(([re]) => re.test(font))?.[1] : undefined;
    if (enc && text.trim() !== '') this.byFont = enc;
    if (enc === 'tcvn3') return `\uE000${text}\uE001`;
    if (enc === 'vni') return `\uE002${text}\uE003`;
    this.unknown.push(text);
    return text;
  }
  /** The encoding of the text in fonts that say nothing, judged on the whole document (short runs carry little evidence). */
  documentEncoding(): LegacyEncoding | null {
    return detectLegacyEncoding(this.unknown.join(' '));
  }
  /** The legacy encoding met, by font or by the text (for telling the user). */
  met(documentEncoding: LegacyEncoding | null): LegacyEncoding | null {
    return documentEncoding ?? this.byFont;
  }
  private text(s: string, enc: LegacyEncoding | null): string {
    const converted = s
      .replace(/\uE000([^\uE001]*)\uE001/g, (_, t: string) => convertLegacyText(t, 'tcvn3'))
      .replace(/\uE002([^\uE003]*)\uE003/g, (_, t: string) => convertLegacyText(t, 'vni'));
    // Plain runs: converted only when the document as a whole reads as a legacy encoding.
    return (enc && s === converted ? convertLegacyText(s, enc) : converted).normalize('NFC');
  }
  convert(b: DocBlock, enc: LegacyEncoding | null): DocBlock {
    if (b.kind === 'paragraph') return { ...b, text: tidy(this.text(b.text, enc)) };
    return { ...b, rows: b.rows.map((r) => r.map((c) => tidy(this.text(c, enc)))) };
  }
}

function tidy(s: string): string {
  return s
    .replace(/[\t\u00a0 ]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

function runText(el: MammothElement, legacy: LegacyText, bold: { all: boolean; any: boolean }): string {
  switch (el.type) {
    case 'text':
      return el.value ?? '';
    case 'tab':
      return '\t';
    case 'break':
      return el.breakType === 'line' ? '\n' : ' ';
    case 'run': {
      const text = (el.children ?? []).map((c) => runText(c, legacy, bold)).join('');
      if (text.trim() !== '') {
        bold.any = true;
        if (!el.isBold) bold.all = false;
      }
      return legacy.run(text, el.font);
    }
    default:
      return (el.children ?? []).map((c) => runText(c, legacy, bold)).join('');
  }
}

function paragraphOf(el: MammothElement, legacy: LegacyText): DocParagraph {
  const bold = { all: true, any: false };
  const text = (el.children ?? []).map((c) => runText(c, legacy, bold)).join('');
  const style = `${el.styleName ?? ''}`.trim() || `${el.styleId ?? ''}`.trim();
  const styleKey = style
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd');
  const numbering = el.numbering ? { ordered: el.numbering.isOrdered, level: Number(el.numbering.level) || 0 } : null;
  return { kind: 'paragraph', text, styled: HEADING_STYLE.test(styleKey), bold: bold.any && bold.all, list: numbering };
}

function collectBlocks(el: MammothElement, out: DocBlock[], legacy: LegacyText): void {
  for (const c of el.children ?? []) {
    if (c.type === 'paragraph') out.push(paragraphOf(c, legacy));
    else if (c.type === 'table') {
      const rows: string[][] = [];
      collectRows(c, rows, legacy);
      out.push({ kind: 'table', rows });
    } else if (c.children) collectBlocks(c, out, legacy);
  }
}

/** A table's rows; a table nested in a cell adds its rows after the row holding it (simple tables only). */
function collectRows(table: MammothElement, rows: string[][], legacy: LegacyText): void {
  for (const row of table.children ?? []) {
    if (row.type !== 'tableRow') continue;
    const cells: string[] = [];
    const nested: MammothElement[] = [];
    for (const cell of row.children ?? []) {
      if (cell.type !== 'tableCell') continue;
      const parts: string[] = [];
      for (const p of cell.children ?? []) {
        if (p.type === 'paragraph') parts.push(paragraphOf(p, legacy).text);
        else if (p.type === 'table') nested.push(p);
      }
      cells.push(parts.filter((t) => t.trim() !== '').join('\n'));
    }
    rows.push(cells);
    for (const t of nested) collectRows(t, rows, legacy);
  }
}
