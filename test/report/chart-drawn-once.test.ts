// The report's chart is drawn once per distinct chart: a report made again with the same figures reuses the
// picture (the same bytes), while a chart whose figures, years or legend changed is drawn anew.
import { describe, expect, it } from 'vitest';
import { drawBarChartAhead, renderBarChart } from '../../electron/report/chart/bar-chart.ts';
import type { BarChart } from '../../electron/report/content-model.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chart(values: number[], label = 'Xâm hại tình dục'): BarChart {
  return {
    kind: 'chart',
    caption: 'Biểu đồ: Số trẻ em bị xâm hại theo năm và hình thức xâm hại',
    axisLabel: 'Số trẻ em',
    categories: values.map((_v, i) => String(2023 + i)),
    series: [
      { label, values },
      { label: 'Bạo lực', values: values.map((v) => v + 2) },
    ],
  };
}

describe('the report chart', () => {
  it('is drawn once for the same figures and anew when a figure, a year or a legend changes', () => {
    const first = renderBarChart(chart([5, 7, 9]));
    expect(first.png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const again = renderBarChart(chart([5, 7, 9]));
    // Not drawn again: the very picture of the first time.
    expect(again.png).toBe(first.png);
    expect(again.font).toBe(first.font);

    const otherValue = renderBarChart(chart([5, 7, 10]));
    const otherYears = renderBarChart(chart([5, 7, 9, 11]));
    const otherLegend = renderBarChart(chart([5, 7, 9], 'Xâm hại thể chất'));
    for (const other of [otherValue, otherYears, otherLegend]) {
      expect(other.png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(other.png.equals(first.png)).toBe(false);
    }
    // A caption is printed under the picture, not in it: the same picture serves.
    const recaptioned: BarChart = { ...chart([5, 7, 10]), caption: 'Biểu đồ khác' };
    expect(renderBarChart(recaptioned).png).toBe(otherValue.png);
  });

  it('drawn ahead on the thread pool, is the same picture as drawn in place, and is not drawn again', async () => {
    const ahead = chart([3, 1, 4, 1]);
    await drawBarChartAhead(ahead);
    const placed = renderBarChart(ahead);
    expect(renderBarChart(ahead).png).toBe(placed.png);
    // The same bytes as a drawing in place: another series order forces one, then the first order is compared.
    const inPlace = renderBarChart({ ...ahead, series: [...ahead.series].reverse() });
    expect(inPlace.png.equals(placed.png)).toBe(false);
    expect(placed.png.equals(drawnInPlace(ahead))).toBe(true);
  });
});

/** The chart drawn synchronously, bypassing what was kept (the cache holds four: five others push it out). */
function drawnInPlace(c: BarChart): Buffer {
  for (let i = 0; i < 5; i++) renderBarChart(chart([i + 100]));
  return renderBarChart(c).png;
}
