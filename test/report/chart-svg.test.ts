// The report's bar chart as SVG: bars as tall as their values against the y axis, a label in Vietnamese over
// every non-zero bar, every series in the legend, nice ticks that cover the largest value, labels escaped.
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { textWidth } from '../../electron/annex/text-metrics.ts';
import { chartSvg, type ChartPicture } from '../../electron/report/chart/bar-chart-svg.ts';

interface Text {
  x: number;
  y: number;
  anchor: string;
  content: string;
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

function read(svg: string) {
  const texts: Text[] = [...svg.matchAll(/<text x="([\d.-]+)" y="([\d.-]+)"[^>]*text-anchor="(\w+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    anchor: m[3]!,
    content: unescape(m[4]!),
  }));
  const bars = [...svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" fill="(#[0-9a-f]{6})"\/>/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    width: Number(m[3]),
    height: Number(m[4]),
    fill: m[5]!,
  }));
  const axis = /<path d="M([\d.]+) ([\d.]+)H([\d.]+)" stroke="#54555a"/.exec(svg)!;
  const axisY = Number(axis[2]);
  // The y axis's labels: right-aligned, left of the plot; read back from the Vietnamese format ("1.000" → 1000).
  const ticks = texts.filter((t) => t.anchor === 'end').map((t) => ({ value: Number(t.content.replace(/\./g, '')), y: t.y }));
  return { texts, bars, axisY, ticks };
}

const vi = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

function chart(values: (number | null)[][], labels?: string[]): ChartPicture {
  return {
    axisLabel: 'Số trẻ em',
    categories: values[0]!.map((_v, i) => String(2023 + i)),
    series: values.map((v, i) => ({ label: labels?.[i] ?? `Hình thức ${i + 1}`, values: v })),
  };
}

function check(c: ChartPicture) {
  const svg = chartSvg(c, 'Liberation Serif, serif');
  const { texts, bars, axisY, ticks } = read(svg);
  const all = c.series.flatMap((s) => s.values.map((v) => v ?? 0));
  const max = Math.max(0, ...all);
  // Ticks: from 0 up by one nice step (1, 2 or 5 × 10^k, whole), the last at or over the largest value.
  const step = ticks[1]!.value - ticks[0]!.value;
  expect(ticks[0]!.value).toBe(0);
  expect(Number.isInteger(step) && step >= 1).toBe(true);
  const mantissa = step / 10 ** Math.floor(Math.log10(step));
  expect([1, 2, 5]).toContain(mantissa);
  ticks.forEach((t, i) => expect(t.value).toBe(i * step));
  expect(ticks.at(-1)!.value).toBeGreaterThanOrEqual(max);
  expect(ticks.at(-1)!.value).toBeLessThanOrEqual(Math.max(5, max + 4 * step));
  // Ticks evenly spaced from the axis line up.
  expect(ticks[0]!.y).toBeCloseTo(axisY, 1);
  const perUnit = (axisY - ticks.at(-1)!.y) / ticks.at(-1)!.value;
  ticks.forEach((t) => expect(axisY - t.y).toBeCloseTo(t.value * perUnit, 1));
  // A bar per non-zero value, standing on the axis, as tall as its value on the axis's scale.
  const plotBars = bars.filter((b) => b.y + b.height > axisY - 0.05);
  const nonZero = all.filter((v) => v !== 0);
  expect(plotBars).toHaveLength(nonZero.length);
  const heights = plotBars.map((b) => b.height).sort((a, b) => a - b);
  const expected = nonZero.map((v) => v * perUnit).sort((a, b) => a - b);
  heights.forEach((h, i) => expect(h).toBeCloseTo(expected[i]!, 0));
  for (const b of plotBars) expect(b.y + b.height).toBeCloseTo(axisY, 1);
  // The values over the bars, in Vietnamese format; none for 0 or null.
  const valueTexts = texts.filter((t) => t.anchor !== 'end' && /^[\d.]+$/.test(t.content) && !c.categories.includes(t.content));
  expect(valueTexts.map((t) => t.content).sort()).toEqual(nonZero.map(vi).sort());
  // Every series in the legend (a label too long for its row may be cut with "…").
  const legend = texts.filter((t) => t.y > axisY + 20).map((t) => t.content);
  expect(legend).toHaveLength(c.series.length);
  c.series.forEach((s, i) => {
    const shown = legend[i]!;
    expect(shown.endsWith('…') ? s.label.normalize('NFC').startsWith(shown.slice(0, -1)) : shown === s.label.normalize('NFC')).toBe(true);
  });
  // No two value labels overlap (boxes from the Times advance widths; an upright label turned about its start).
  const boxes = [...svg.matchAll(/<text x="([\d.-]+)" y="([\d.-]+)" font-size="([\d.]+)" text-anchor="(?:start|middle)"([^>]*)>([\d.]+)<\/text>/g)]
    .filter((m) => !c.categories.includes(m[5]!))
    .map((m) => {
      const [x, y, size, w] = [Number(m[1]), Number(m[2]), Number(m[3]), textWidth(m[5]!, Number(m[3]))];
      return m[4]!.includes('rotate(')
        ? { l: x - size / 2, r: x + size / 2, t: y - w, b: y }
        : { l: x - w / 2, r: x + w / 2, t: y - size / 2, b: y + size / 2 };
    });
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1)) expect(a.r <= b.l || b.r <= a.l || a.b <= b.t || b.b <= a.t, JSON.stringify([a, b])).toBe(true);
  // Nor does any run into the axis title over the plot, or out of the picture (an upright label's whole length).
  const title = texts.find((t) => t.content === c.axisLabel.normalize('NFC') && t.anchor === 'start')!;
  const titleBox = { l: title.x, r: title.x + textWidth(title.content, 14), t: title.y - 7, b: title.y + 7 };
  for (const a of boxes) {
    expect(a.r <= titleBox.l || titleBox.r <= a.l || a.b <= titleBox.t || titleBox.b <= a.t, `${JSON.stringify(a)} over the title`).toBe(true);
    expect(a.t >= 0, `${JSON.stringify(a)} above the picture`).toBe(true);
  }
  // Nothing outside the picture.
  for (const t of texts) expect(t.x >= 0 && t.x <= 600 && t.y >= 0 && t.y <= 370).toBe(true);
  return { svg, texts, bars: plotBars };
}

describe('the bar chart SVG', () => {
  it('draws the season chart: bars to scale, values, legend, nice ticks', () => {
    const { texts } = check(
      chart(
        [
          [185, 187, 163, 152],
          [156, 154, 204, 183],
          [193, 163, 190, 167],
          [155, 200, 143, 163],
          [184, 178, 169, 174],
          [169, 177, 183, 149],
        ],
        ['Bạo lực', 'Bóc lột', 'Xâm hại tình dục', 'Mua bán', 'Bỏ rơi, bỏ mặc', 'Hình thức khác'],
      ),
    );
    expect(texts.some((t) => t.content === 'Số trẻ em')).toBe(true);
    for (const year of ['2023', '2024', '2025', '2026']) expect(texts.some((t) => t.content === year && t.anchor === 'middle')).toBe(true);
  });

  it('handles eight series, one category, zeros and nulls, and values in the thousands', () => {
    check(chart(Array.from({ length: 8 }, (_v, i) => [i * 7 + 1, (i * 13) % 9, i === 3 ? null : 40 - i, 0, 12])));
    check(chart([[7], [3], [12], [0], [1], [5]]));
    check(
      chart([
        [1234, 98765, 45000, 3],
        [null, 0, 1200, 77777],
      ]),
    );
    const { svg } = check(
      chart([
        [0, null, 0],
        [null, null, 0],
      ]),
    );
    // All zero or empty: an axis of 0–5 and no bars.
    expect(read(svg).ticks.map((t) => t.value)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('escapes XML in labels and still parses: resvg draws it', () => {
    const c = chart(
      [
        [5, 6],
        [1, 2],
      ],
      ['Xâm hại <trực tuyến> & "khác"', "Bỏ rơi 'trẻ' > 3"],
    );
    c.axisLabel = 'Số trẻ em & <người>';
    const { svg, texts } = check(c);
    expect(svg).not.toMatch(/<trực|& "|'trẻ'/);
    expect(texts.some((t) => t.content === 'Số trẻ em & <người>')).toBe(true);
    const png = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
    expect(png.width).toBe(600);
  });

  it('keeps value labels apart when they are wider than their bars', () => {
    // Three digits over bars of six series (the season's "178" "177"), five digits over bars of eight.
    check(
      chart([
        [185, 178],
        [156, 177],
        [193, 163],
        [155, 200],
        [184, 178],
        [169, 177],
      ]),
    );
    const { svg } = check(chart(Array.from({ length: 8 }, (_v, i) => [10000 + i * 1111, 20000 + i * 999, 30000 - i * 77, 25000, 12345])));
    expect(svg).toContain('rotate(-90');
  });

  it('keeps the value over the first, tallest bar clear of the axis title', () => {
    // A roll-up's four-digit counts, six forms: upright labels, the tallest in the first year.
    const upright = check(
      chart([
        [12900, 9800, 10200, 9900],
        [9700, 10100, 9500, 9400],
        [10900, 10400, 10800, 10300],
        [9600, 9900, 9200, 9800],
        [10100, 9800, 10000, 10500],
        [9300, 9200, 9400, 9100],
      ]),
    );
    expect(upright.svg).toContain('rotate(-90');
    // The largest value on a tick of its own, in the first year.
    check(
      chart([
        [10, 3, 4],
        [2, 1, 6],
      ]),
    );
    check(
      chart([
        [1000, 300],
        [20, 640],
      ]),
    );
  });
});
