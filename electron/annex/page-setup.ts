// How an annex prints (docs/annexes.md): A4 landscape, margins 20 mm top and bottom and 15 mm left and right,
// one page wide by its column layout (column-layout.ts) at 100 % — not by "fit to page", which shrinks
// the text and makes Excel ignore the manual page breaks —, header rows repeated, "Trang x/y" centred in
// the footer, no gridlines.
import type { Sheet } from '../workbook/sheet-model.ts';
import { FONT_NAME } from '../workbook/styles.ts';

const INCH_PER_MM = 1 / 25.4;

export const ANNEX_MARGINS_MM = { top: 20, bottom: 20, left: 15, right: 15, header: 8, footer: 8 } as const;

function escapeHeaderText(text: string): string {
  return text.replace(/&/g, '&&');
}

export function annexPrintSetup(ws: Sheet, options: { titleRows: { from: number; to: number }; draftMark: string | null; scale?: number }): void {
  const m = ANNEX_MARGINS_MM;
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    scale: options.scale ?? 100,
    horizontalCentered: true,
    margins: {
      top: m.top * INCH_PER_MM,
      bottom: m.bottom * INCH_PER_MM,
      left: m.left * INCH_PER_MM,
      right: m.right * INCH_PER_MM,
      header: m.header * INCH_PER_MM,
      footer: m.footer * INCH_PER_MM,
    },
  };
  ws.printTitleRows = options.titleRows;
  ws.oddFooter = `&C&"${FONT_NAME},Regular"&11Trang &P/&N`;
  if (options.draftMark) ws.oddHeader = `&R&"${FONT_NAME},Bold"&14${escapeHeaderText(options.draftMark)}`;
}
