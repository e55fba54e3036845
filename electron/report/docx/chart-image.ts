// The bar chart as a picture in the report, 16 cm wide, with its caption under it.
import { AlignmentType, ImageRun, Paragraph } from 'docx';
import { renderBarChart, CHART_SIZE } from '../chart/bar-chart.ts';
import type { BarChart } from '../content-model.ts';
import { captionParagraph } from './form-table.ts';

const NO_FONT_NOTICE = 'Không tìm thấy phông chữ Times New Roman (hoặc phông có đủ dấu tiếng Việt) để vẽ biểu đồ; chữ trên biểu đồ có thể thiếu dấu.';

const WIDTH_PX = Math.round((16 / 2.54) * 96);

/** The chart's paragraphs, laid out before its picture is drawn; `place` puts the picture in. */
export interface ChartPlace {
  paragraphs: Paragraph[];
  /** Draws the chart (or finds it drawn) and puts it in its paragraph; a notice is added when no font with the Vietnamese letters was found. */
  place(notices: string[]): void;
}

/** A paragraph whose only child, the picture, is added after it is made, as its constructor adds a child. */
class PictureParagraph extends Paragraph {
  add(picture: ImageRun): void {
    this.root.push(picture);
  }
}

export function chartPlace(chart: BarChart): ChartPlace {
  const picture = new PictureParagraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 120, after: 0 }, children: [] });
  return {
    paragraphs: [picture, captionParagraph(chart.caption, { before: 60 })],
    place(notices) {
      const { png, font } = renderBarChart(chart);
      if (font === null) notices.push(NO_FONT_NOTICE);
      const height = Math.round((WIDTH_PX * CHART_SIZE.height) / CHART_SIZE.width);
      picture.add(
        new ImageRun({
          type: 'png',
          data: png,
          transformation: { width: WIDTH_PX, height },
          altText: { name: 'chart', title: chart.caption, description: chart.caption },
        }),
      );
    },
  };
}
