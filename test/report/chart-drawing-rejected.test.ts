// The report's parts are written while its chart is drawn: if writing them fails first, a drawing that fails later
// must not be left as an unhandled rejection (the process would report it, or stop, on top of the real error).
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../electron/report/docx/package-docx.ts', async (original) => ({
  ...(await original<typeof import('../../electron/report/docx/package-docx.ts')>()),
  docxParts: () => {
    throw new Error('compile failed');
  },
}));

import { buildReportContent } from '../../electron/report/build-content.ts';
import { layOutReport } from '../../electron/report/docx/write-docx.ts';
import { gatherReportData } from '../../electron/report/report-data.ts';
import { sampleDb } from '../helpers/fixtures.ts';

describe('a report whose writing fails while its chart is drawn', () => {
  it('reports the writing error and leaves no unhandled rejection of the drawing', async () => {
    const ctx = sampleDb();
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      const content = buildReportContent(gatherReportData(ctx, 2026));
      const drawn = new Promise((_resolve, reject) => setTimeout(() => reject(new Error('drawing rejected')), 20));
      await expect(layOutReport(content).docx(drawn)).rejects.toThrow('compile failed');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', listener);
      ctx.db.close();
    }
  });
});
