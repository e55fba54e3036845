// The bar chart as a picture in the report, 16 cm wide, with its caption under it.
import { AlignmentType, ImageRun, Paragraph } from 'docx';
import { chartPictureKey, renderBarChart, CHART_SIZE } from '../chart/bar-chart.ts';
import type { BarChart } from '../content-model.ts';
import { captionParagraph } from './form-table.ts';

const NO_FONT_NOTICE = 'Không tìm thấy phông chữ Times New Roman (hoặc phông có đủ dấu tiếng Việt) để vẽ biểu đồ; chữ trên biểu đồ có thể thiếu dấu.';

const WIDTH_PX = Math.round((16 / 2.54) * 96);

/** The chart's paragraphs, laid out before its picture is drawn; `place` or `placeStandIn` puts the picture in. */
export interface ChartPlace {
  paragraphs: Paragraph[];
  /** What the picture is drawn from, as text: places with the same key show the same picture. */
  pictureKey: string;
  /** Draws the chart (or finds it drawn) and puts it in its paragraph; a notice is added when no font with the Vietnamese letters was found. */
  place(notices: string[]): void;
  /**
   * Puts `standIn` in the picture's place, so that the document can be written before the chart is drawn: docx names
   * a picture's part by its order (word/media/image1.png) and refers to it by a key hashed from its bytes only while
   * it writes, so nothing it writes but that part depends on the bytes. The part's bytes are then replaced by those
   * `drawn` gives (the picture, as `place` would put in, with the same notice).
   */
  placeStandIn(standIn: Uint8Array): { drawn(notices: string[]): Buffer };
}

/** A paragraph whose only child, the picture, is added after it is made, as its constructor adds a child. */
class PictureParagraph extends Paragraph {
  add(picture: ImageRun): void {
    this.root.push(picture);
  }
}

export function chartPlace(chart: BarChart): ChartPlace {
  const picture = new PictureParagraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 120, after: 0 }, children: [] });
  const add = (data: Uint8Array) =>
    picture.add(
      new ImageRun({
        type: 'png',
        data,
        transformation: { width: WIDTH_PX, height: Math.round((WIDTH_PX * CHART_SIZE.height) / CHART_SIZE.width) },
        altText: { name: 'chart', title: chart.caption, description: chart.caption },
      }),
    );
  const drawn = (notices: string[]) => {
    const { png, font } = renderBarChart(chart);
    if (font === null) notices.push(NO_FONT_NOTICE);
    return png;
  };
  return {
    paragraphs: [picture, captionParagraph(chart.caption, { before: 60 })],
    pictureKey: chartPictureKey(chart),
    place(notices) {
      add(drawn(notices));
    },
    placeStandIn(standIn) {
      add(standIn);
      return { drawn };
    },
  };
}
