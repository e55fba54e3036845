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

/** The document's .docx bytes: the same parts as Packer.toBuffer writes, in the same order, deflated by zlib. */
export async function docxBytes(doc: Document): Promise<Buffer> {
  const compiler = partCompiler();
  if (!compiler) return Packer.toBuffer(doc);
  const parts = compiler.compile(doc, undefined, []);
  return zipEntries([...parts].map(([path, data]) => [path, bytesOf(data)] as const));
}
