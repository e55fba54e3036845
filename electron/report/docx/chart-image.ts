// The bar chart as a picture in the report, 16 cm wide, with its caption under it.
import { AlignmentType, ImageRun, Paragraph } from 'docx';
import { renderBarChart, CHART_SIZE } from '../chart/bar-chart.ts';
import type { BarChart } from '../content-model.ts';
import { captionParagraph } from './form-table.ts';

const NO_FONT_NOTICE = 'Không tìm thấy phông chữ Times New Roman (hoặc phông có đủ dấu tiếng Việt) để vẽ biểu đồ; chữ trên biểu đồ có thể thiếu dấu.';

const WIDTH_PX = Math.round((16 / 2.54) * 96);

/** The chart's paragraphs; a notice is added when no font with the Vietnamese letters was found to draw it. */
export function chartParagraphs(chart: BarChart, notices: string[]): Paragraph[] {
  const { png, font } = renderBarChart(chart);
  if (font === null) notices.push(NO_FONT_NOTICE);
  const height = Math.round((WIDTH_PX * CHART_SIZE.height) / CHART_SIZE.width);
  const picture = new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: { before: 120, after: 0 },
    children: [
      new ImageRun({
        type: 'png',
        data: png,
        transformation: { width: WIDTH_PX, height },
        altText: { name: 'chart', title: chart.caption, description: chart.caption },
      }),
    ],
  });
  return [picture, captionParagraph(chart.caption, { before: 60 })];
}
