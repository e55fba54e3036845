// Reading a written .docx back for tests: the XML parts, the body's top-level paragraphs and tables, runs with
// their bold/italic marks. Regular expressions are enough: the report writes no nested tables.
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';

export interface DocxRun {
  text: string;
  bold: boolean;
  italic: boolean;
  size: number | null;
}

export interface DocxParagraph {
  xml: string;
  text: string;
  runs: DocxRun[];
}

export interface DocxParts {
  document: string;
  styles: string;
  /** Header parts by file name (header1.xml …). */
  headers: Map<string, string>;
  /** Relationship id → target, from word/_rels/document.xml.rels. */
  rels: Map<string, string>;
  media: Map<string, Buffer>;
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

export async function readDocx(file: string): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const text = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const headers = new Map<string, string>();
  const media = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files)) {
    if (/^word\/header\d+\.xml$/.test(name)) headers.set(name.slice(5), await text(name));
    if (name.startsWith('word/media/')) media.set(name.slice(5), await zip.file(name)!.async('nodebuffer'));
  }
  const relsXml = await text('word/_rels/document.xml.rels');
  const rels = new Map([...relsXml.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
  return { document: await text('word/document.xml'), styles: await text('word/styles.xml'), headers, rels, media };
}

export function runs(paragraphXml: string): DocxRun[] {
  return [...paragraphXml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => {
    const body = m[1]!;
    const props = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(body)?.[1] ?? '';
    const size = /<w:sz w:val="(\d+)"/.exec(props)?.[1];
    return {
      text: decode([...body.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
      bold: /<w:b\/>|<w:b w:val="(true|1|on)"\/>/.test(props),
      italic: /<w:i\/>|<w:i w:val="(true|1|on)"\/>/.test(props),
      size: size ? Number(size) : null,
    };
  });
}

export function paragraph(xml: string): DocxParagraph {
  const r = runs(xml);
  return { xml, runs: r, text: r.map((x) => x.text).join('') };
}

function paragraphsOf(xml: string): DocxParagraph[] {
  return (xml.match(/<w:p(?: [^>]*)?>[\s\S]*?<\/w:p>|<w:p(?: [^>]*)?\/>/g) ?? []).map(paragraph);
}

/** The body's own paragraphs (outside tables), in order. */
export function bodyParagraphs(documentXml: string): DocxParagraph[] {
  return paragraphsOf(documentXml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, ''));
}

/** The body's tables, each as rows of cells of paragraphs. */
export function tables(documentXml: string): { xml: string; rows: { xml: string; cells: DocxParagraph[][] }[] }[] {
  return (documentXml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []).map((t) => ({
    xml: t,
    rows: (t.match(/<w:tr(?: [^>]*)?>[\s\S]*?<\/w:tr>/g) ?? []).map((r) => ({
      xml: r,
      cells: (r.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map(paragraphsOf),
    })),
  }));
}

export function cellText(cell: DocxParagraph[]): string {
  return cell.map((p) => p.text).join('\n');
}

/** A PNG's pixel size, from its IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
