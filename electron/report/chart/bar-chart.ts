// A grouped bar chart as a PNG: ECharts renders it server-side to SVG (no browser), resvg turns the SVG into
// pixels with a serif font that has the Vietnamese letters. The chart is disposed so the process can exit.
import { renderAsync, Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { formatVietnameseNumber } from '../../../shared/numbers.ts';
import type { BarChart } from '../content-model.ts';
import { findChartFont, type ChartFont } from './chart-font.ts';

/** The chart's size in CSS pixels; the PNG is drawn at `scale` times that for print. */
export const CHART_SIZE = { width: 600, height: 370, scale: 3 } as const;

const LEGEND_PER_ROW = 3;
const LEGEND_ROW = 22;

// Grey-blue tones that stay distinguishable when printed in black and white.
const PALETTE = ['#1f4e79', '#c55a11', '#7f7f7f', '#bf9000', '#2e75b6', '#548235', '#7030a0', '#843c0c'];

/** What the picture is drawn from (the caption is printed under it, not in it). */
export type ChartPicture = Pick<BarChart, 'axisLabel' | 'categories' | 'series'>;

export function chartSvg(chart: ChartPicture, fontFamily: string): string {
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_SIZE.width, height: CHART_SIZE.height });
  try {
    const text = { fontFamily, fontSize: 15, color: '#000000' };
    const labels = chart.series.map((s) => s.label);
    const legendRows = Array.from({ length: Math.ceil(labels.length / LEGEND_PER_ROW) }, (_v, i) => labels.slice(i * LEGEND_PER_ROW, (i + 1) * LEGEND_PER_ROW));
    instance.setOption({
      animation: false,
      backgroundColor: '#ffffff',
      color: PALETTE,
      textStyle: text,
      // Rows of three legend items, centred: wrapping left to ECharts breaks rows unevenly (it estimates text widths).
      legend: legendRows.map((data, i) => ({
        data,
        bottom: (legendRows.length - 1 - i) * LEGEND_ROW,
        left: 'center',
        itemWidth: 14,
        itemHeight: 10,
        itemGap: 14,
        textStyle: { ...text, fontSize: 14 },
      })),
      grid: { left: 48, right: 12, top: 40, bottom: 40 + legendRows.length * LEGEND_ROW },
      xAxis: { type: 'category', data: chart.categories, axisLabel: { ...text, fontSize: 15 }, axisTick: { alignWithLabel: true } },
      yAxis: {
        type: 'value',
        name: chart.axisLabel,
        nameTextStyle: { ...text, fontSize: 14, align: 'left' },
        minInterval: 1,
        axisLabel: { ...text, fontSize: 14, formatter: (v: number) => formatVietnameseNumber(v) },
        splitLine: { lineStyle: { color: '#d9d9d9' } },
      },
      series: chart.series.map((s) => ({
        type: 'bar',
        name: s.label,
        data: s.values,
        barGap: '10%',
        label: {
          show: true,
          position: 'top',
          ...text,
          fontSize: 13,
          formatter: (p: { value: number | null }) => (p.value ? formatVietnameseNumber(p.value) : ''),
        },
      })),
    });
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}

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
