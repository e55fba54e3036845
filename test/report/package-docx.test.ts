// The report's package zipped by zlib holds exactly what docx's Packer writes: the same parts, in the same order,
// with the same bytes, and it opens as a zip. Each document is laid out anew for each writer, so what docx counts
// per process (a picture's drawing id) and the time it packs at (docProps/core.xml) are taken out.
import { unzipSync } from 'fflate';
import { Packer } from 'docx';
import { describe, expect, it } from 'vitest';
import { buildReportContent } from '../../electron/report/build-content.ts';
import { reportDocument } from '../../electron/report/docx/write-docx.ts';
import { docxBytes, zipsOwnParts } from '../../electron/report/docx/package-docx.ts';
import { gatherReportData } from '../../electron/report/report-data.ts';
import { sampleDb } from '../helpers/fixtures.ts';

/** A part's text without the times of packing (docProps/core.xml) and the pictures' drawing ids (word/document.xml). */
const comparable = (bytes: Uint8Array) =>
  Buffer.from(bytes)
    .toString('utf8')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, 'TIME')
    .replace(/<wp:docPr id="\d+"/g, '<wp:docPr id="N"');

describe('the report package', () => {
  it('has the parts docx’s Packer writes, in its order, byte for byte', async () => {
    // The docx installed still has the compiler (a private member of docx 9): the package is not left to Packer.
    expect(zipsOwnParts()).toBe(true);
    const ctx = sampleDb();
    try {
      const content = buildReportContent(gatherReportData(ctx, 2026));
      const ours = unzipSync(new Uint8Array(await docxBytes(reportDocument(content))));
      const packer = unzipSync(new Uint8Array(await Packer.toBuffer(reportDocument(content))));
      expect(Object.keys(ours)).toEqual(Object.keys(packer));
      expect(Object.keys(ours)).toContain('word/media/image1.png');
      for (const [name, bytes] of Object.entries(packer)) {
        if (name === 'docProps/core.xml' || name === 'word/document.xml') expect(comparable(ours[name]!)).toBe(comparable(bytes));
        else expect(Buffer.from(ours[name]!).equals(Buffer.from(bytes)), name).toBe(true);
      }
    } finally {
      ctx.db.close();
    }
  });
});
