// The report's grouped bar chart as SVG text, laid out directly: categories (years) along the bottom, a bar per
// series in each, the value over each bar, a y axis with nice whole-number ticks and the legend in rows of three
// under the plot. Text is measured with the Times New Roman advance widths (the chart is drawn in Times or a
// metric twin), to centre the legend rows and keep value labels from running into each other.
import { formatVietnameseNumber } from '../../../shared/numbers.ts';
import { textWidth } from '../../annex/text-metrics.ts';
import type { BarChart } from '../content-model.ts';

/** What the picture is drawn from (the caption is printed under it, not in it). */
export type ChartPicture = Pick<BarChart, 'axisLabel' | 'categories' | 'series'>;

/** The chart's size in CSS pixels; the PNG is drawn at `scale` times that for print. */
export const CHART_SIZE = { width: 600, height: 370, scale: 3 } as const;

// Grey-blue tones that stay distinguishable when printed in black and white.
export const PALETTE = ['#1f4e79', '#c55a11', '#7f7f7f', '#bf9000', '#2e75b6', '#548235', '#7030a0', '#843c0c'];

const FONT = { axis: 14, category: 15, value: 13, legend: 14, minValue: 8 };
const LEGEND = { perRow: 3, row: 22, icon: { width: 14, height: 10 }, textGap: 5, itemGap: 20, bottom: 5 };
const PLOT = { top: 40, right: 12, minLeft: 48, bottom: 40, labelGap: 8, valueGap: 5 };
/** Bars of a category fill this share of its band; bars of one category are a tenth of a bar apart. */
const GROUP_SHARE = 0.85;
const BAR_GAP = 0.1;

/** Nice ticks from 0: a step of 1, 2 or 5 × 10^k (whole numbers), the nearest to a fifth of `max`, covering `max`. */
export function niceTicks(max: number): number[] {
  if (!(max > 0)) return [0, 1, 2, 3, 4, 5];
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  const step = Math.max(1, (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * power);
  const count = Math.ceil(max / step - 1e-9);
  return Array.from({ length: count + 1 }, (_v, i) => i * step);
}

const escapeXml = (text: string): string =>
  text.normalize('NFC').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

const num = (v: number): string => String(Math.round(v * 100) / 100);

/** A label cut with "…" to fit `width` pixels at `size`. */
function fitted(label: string, size: number, width: number): string {
  const text = label.normalize('NFC');
  if (textWidth(text, size) <= width) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(chars.join('') + '…', size) > width) chars.pop();
  return chars.join('').trimEnd() + '…';
}

export function chartSvg(chart: ChartPicture, fontFamily: string): string {
  const { width: W, height: H } = CHART_SIZE;
  const out: string[] = [];
  const text = (x: number, y: number, size: number, anchor: 'start' | 'middle' | 'end', content: string) =>
    out.push(
      `<text x="${num(x)}" y="${num(y)}" font-size="${size}" text-anchor="${anchor}" dominant-baseline="central" xml:space="preserve">${escapeXml(content)}</text>`,
    );

  // The legend: rows of three items, each row centred; the labels of a row too wide for the picture are cut.
  const item = (label: string) => ({ label, width: LEGEND.icon.width + LEGEND.textGap + textWidth(label, FONT.legend) });
  const labels = chart.series.map((s) => s.label.normalize('NFC'));
  const rows = Array.from({ length: Math.ceil(labels.length / LEGEND.perRow) }, (_v, i) => {
    const row = labels.slice(i * LEGEND.perRow, (i + 1) * LEGEND.perRow).map(item);
    const room = W - 20 - (row.length - 1) * LEGEND.itemGap;
    if (row.reduce((sum, it) => sum + it.width, 0) <= room) return row;
    return row.map((it) => item(fitted(it.label, FONT.legend, room / row.length - LEGEND.icon.width - LEGEND.textGap)));
  });

  // The y axis: nice ticks over the largest value (the left margin wide enough for their labels, one step more
  // included), then as many more steps as the value labels over the tallest bars need to stay in the picture.
  const values = chart.series.flatMap((s) => s.values.map((v) => v ?? 0));
  const max = Math.max(0, ...values);
  let ticks = niceTicks(max);
  const step = ticks[1]!;
  const widest = Math.max(...[...ticks, ticks.at(-1)! + step].map((t) => textWidth(formatVietnameseNumber(t), FONT.axis)));
  const left = Math.max(PLOT.minLeft, Math.ceil(widest + PLOT.labelGap + 6));
  const right = W - PLOT.right;
  const top = PLOT.top;
  const bottom = H - PLOT.bottom - rows.length * LEGEND.row;
  const plotHeight = bottom - top;

  // The bars' widths, and the value labels' size: smaller when a label is wider than its bar's slot; turned upright
  // when even the smallest size is too wide.
  const n = Math.max(1, chart.series.length);
  const band = (right - left) / Math.max(1, chart.categories.length);
  const barWidth = (band * GROUP_SHARE) / (n + (n - 1) * BAR_GAP);
  const barStep = barWidth * (1 + BAR_GAP);
  const slot = barStep - 3;
  const valueLabels = values.filter((v) => v !== 0).map((v) => formatVietnameseNumber(v));
  const upright = valueLabels.some((l) => textWidth(l, FONT.minValue) > slot);
  const labelSize = (label: string) =>
    upright ? Math.max(6, Math.min(FONT.value, slot)) : Math.max(FONT.minValue, Math.min(FONT.value, (FONT.value * slot) / textWidth(label, FONT.value)));
  const labelRise = (v: number) => {
    const label = formatVietnameseNumber(v);
    return PLOT.valueGap + (upright ? textWidth(label, labelSize(label)) : labelSize(label));
  };
  for (let extra = 1; max > 0 && extra <= 3; extra++) {
    const axisTop = ticks.at(-1)!;
    // A label's top stays below the axis title (drawn 22 px over the plot, 14 px high): 12 px over the plot at most.
    if (values.every((v) => v <= 0 || (v / axisTop) * plotHeight + labelRise(v) <= plotHeight + 12)) break;
    ticks = [...ticks, axisTop + step];
  }
  const axisMax = ticks.at(-1)!;
  const y = (v: number) => bottom - (v / axisMax) * plotHeight;
  const tickLabels = ticks.map((t) => formatVietnameseNumber(t));

  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${escapeXml(fontFamily)}" fill="#000000">`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
  );
  for (const t of ticks.slice(1)) out.push(`<path d="M${left} ${num(y(t))}H${right}" stroke="#d9d9d9" fill="none"/>`);
  text(left, top - 22, FONT.axis, 'start', chart.axisLabel);
  tickLabels.forEach((l, i) => text(left - PLOT.labelGap, y(ticks[i]!), FONT.axis, 'end', l));

  // The bars, a group per category, with their values over them.
  const valueTexts: string[] = [];
  chart.categories.forEach((category, c) => {
    const centre = left + band * (c + 0.5);
    text(centre, bottom + PLOT.labelGap + FONT.category / 2, FONT.category, 'middle', category);
    const first = centre - (band * GROUP_SHARE) / 2;
    chart.series.forEach((s, i) => {
      const v = s.values[c] ?? 0;
      if (!v) return;
      const x = first + i * barStep;
      const h = (v / axisMax) * plotHeight;
      out.push(`<rect x="${num(x)}" y="${num(bottom - h)}" width="${num(barWidth)}" height="${num(h)}" fill="${PALETTE[i % PALETTE.length]}"/>`);
      const label = formatVietnameseNumber(v);
      const size = labelSize(label);
      const at = `x="${num(x + barWidth / 2)}" y="${num(bottom - h - PLOT.valueGap - (upright ? 0 : size / 2))}" font-size="${num(size)}"`;
      valueTexts.push(
        upright
          ? `<text ${at} text-anchor="start" dominant-baseline="central" transform="rotate(-90 ${num(x + barWidth / 2)} ${num(bottom - h - PLOT.valueGap)})">${label}</text>`
          : `<text ${at} text-anchor="middle" dominant-baseline="central">${label}</text>`,
      );
    });
  });
  out.push(`<path d="M${left} ${bottom}H${right}" stroke="#54555a" fill="none"/>`, ...valueTexts);

  // The legend, its last row at the bottom.
  rows.forEach((row, r) => {
    const rowWidth = row.reduce((sum, it) => sum + it.width, 0) + (row.length - 1) * LEGEND.itemGap;
    const middle = H - LEGEND.bottom - (rows.length - 1 - r) * LEGEND.row - 9;
    let x = (W - rowWidth) / 2;
    row.forEach((it, k) => {
      const colour = PALETTE[(r * LEGEND.perRow + k) % PALETTE.length];
      out.push(
        `<rect x="${num(x)}" y="${num(middle - LEGEND.icon.height / 2)}" width="${LEGEND.icon.width}" height="${LEGEND.icon.height}" rx="2.5" fill="${colour}"/>`,
      );
      text(x + LEGEND.icon.width + LEGEND.textGap, middle, FONT.legend, 'start', it.label);
      x += it.width + LEGEND.itemGap;
    });
  });
  out.push('</svg>');
  return out.join('\n');
}
