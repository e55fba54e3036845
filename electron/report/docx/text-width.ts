// The printed width of a line of bold Times New Roman in twips, from the one table of Times advance widths
// (electron/annex/text-metrics.ts). Used to draw the header's rules as long as the text above them and to
// size the header's columns.
import { textWidth } from '../../annex/text-metrics.ts';

/** Width in twips of `text` set in bold Times New Roman at `sizePt` points. */
export function boldTextWidth(text: string, sizePt: number): number {
  return Math.ceil(textWidth(text, sizePt, true) * 20);
}
