// A grouped bar chart as a PNG: bar-chart-svg.ts lays it out as SVG, resvg turns the SVG into pixels with a serif
// font that has the Vietnamese letters.
import { renderAsync, Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { chartSvg, CHART_SIZE, type ChartPicture } from './bar-chart-svg.ts';
import { findChartFont, type ChartFont } from './chart-font.ts';

export { CHART_SIZE, chartSvg, type ChartPicture };

/** The last charts drawn, by what they were drawn from: a report made again with the same figures draws nothing. */
const drawn = new Map<string, Buffer>();
const DRAWN_KEPT = 4;

const pictureKey = (chart: ChartPicture, font: ChartFont | null): string => JSON.stringify([chart.axisLabel, chart.categories, chart.series, font]);

/** What a chart's picture is drawn from, as text: two charts with the same key have the same picture. */
export const chartPictureKey = (chart: ChartPicture): string => pictureKey(chart, findChartFont());

function remember(key: string, png: Buffer): Buffer {
  if (drawn.size >= DRAWN_KEPT) drawn.delete(drawn.keys().next().value!);
  drawn.set(key, png);
  return png;
}

/** The chart as PNG bytes, and the font family it was drawn with (null: the system's default serif). */
export function renderBarChart(chart: ChartPicture): { png: Buffer; font: string | null } {
  const font = findChartFont();
  const key = pictureKey(chart, font);
  const png = drawn.get(key) ?? remember(key, new Resvg(chartSvg(chart, svgFamily(font)), resvgOptions(font)).render().asPng());
  return { png, font: font?.family ?? null };
}

/**
 * Draws a chart ahead: its pixels are drawn on the thread pool (the same drawing, the same bytes) while the caller
 * goes on composing the text; renderBarChart then finds it drawn. A failure is left for renderBarChart to report.
 */
export async function drawBarChartAhead(chart: ChartPicture): Promise<void> {
  try {
    const font = findChartFont();
    const key = pictureKey(chart, font);
    if (drawn.has(key)) return;
    const image = await renderAsync(chartSvg(chart, svgFamily(font)), resvgOptions(font));
    remember(key, image.asPng());
  } catch {
    // Drawn again, and the error reported, where the picture is placed.
  }
}

const svgFamily = (font: ChartFont | null): string => `${font?.family ?? 'Times New Roman'}, serif`;

function resvgOptions(font: ChartFont | null): ResvgRenderOptions {
  const family = font?.family ?? 'Times New Roman';
  return {
    fitTo: { mode: 'width', value: CHART_SIZE.width * CHART_SIZE.scale },
    font: font
      ? { fontFiles: font.files, loadSystemFonts: false, defaultFontFamily: family, serifFamily: family }
      : { loadSystemFonts: true, defaultFontFamily: family, serifFamily: family },
    background: '#ffffff',
  };
}
