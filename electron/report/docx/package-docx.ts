// The .docx package of a document docx laid out: docx writes every part (its compiler), the parts are zipped by
// zlib (electron/workbook/zip-writer.ts). docx's Packer zips them with fflate, a JavaScript deflate that took
// 60–140 ms cold on the season's report (most of it the chart's PNG) where zlib takes ~10 ms; Packer offers no
// other zip. The compiler is Packer's own (a private member of docx 9): without it, Packer writes the package.
import { Packer, type Document } from 'docx';
import { zipEntries } from '../../workbook/zip-writer.ts';

/** docx's part writer: the package's files by their paths, in the order Packer zips them. */
interface PartCompiler {
  compile(file: Document, prettify: undefined, overrides: readonly []): Map<string, string | Uint8Array | ArrayBuffer>;
}

function partCompiler(): PartCompiler | null {
  const compiler: unknown = Reflect.get(Packer, 'compiler');
  return typeof compiler === 'object' && compiler !== null && typeof Reflect.get(compiler, 'compile') === 'function' ? (compiler as PartCompiler) : null;
}

/** Whether this docx has the compiler the package is zipped from (else Packer zips it, 60–140 ms slower cold). */
export function zipsOwnParts(): boolean {
  return partCompiler() !== null;
}

const encoder = new TextEncoder();

function bytesOf(data: string | Uint8Array | ArrayBuffer): Uint8Array {
  if (typeof data === 'string') return encoder.encode(data);
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/** The package's files by their paths, in the order Packer zips them. */
export type DocxParts = Map<string, string | Uint8Array | ArrayBuffer>;

/** The document's parts as docx writes them, not yet zipped; null when this docx has no compiler (docxBytes then packs it). */
export function docxParts(doc: Document): DocxParts | null {
  return partCompiler()?.compile(doc, undefined, []) ?? null;
}

/**
 * The parts zipped by zlib, each part whose bytes are a key of `replaced` (by identity: the stand-in a picture was
 * placed with) holding that key's value instead. Every stand-in must be found, once.
 */
export function zipDocxParts(parts: DocxParts, replaced: ReadonlyMap<Uint8Array, Uint8Array> = new Map()): Buffer {
  const found = new Set<Uint8Array>();
  const entries = [...parts].map(([path, data]) => {
    const by = data instanceof Uint8Array ? replaced.get(data) : undefined;
    if (by === undefined) return [path, bytesOf(data)] as const;
    if (found.has(data as Uint8Array)) throw new Error(`docx wrote a picture's stand-in twice (${path})`);
    found.add(data as Uint8Array);
    return [path, by] as const;
  });
  if (found.size !== replaced.size) throw new Error(`docx wrote ${found.size} of ${replaced.size} pictures' stand-ins`);
  return zipEntries(entries);
}

/** The document's .docx bytes: the same parts as Packer.toBuffer writes, in the same order, deflated by zlib. */
export async function docxBytes(doc: Document): Promise<Buffer> {
  const parts = docxParts(doc);
  return parts ? zipDocxParts(parts) : Packer.toBuffer(doc);
}
