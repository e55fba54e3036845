// The definition's trend chart (window.json: a matrix's measure by year and row item, e.g. children by form of
// abuse), from every year the database holds (ECharts, canvas).
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { formatVietnameseNumber } from '../../../shared/numbers.ts';
import { useApp } from '../../app/context.ts';
import { useLoad } from '../../app/useLoad.ts';
import { Notice } from '../../components/Notice.tsx';

echarts.use([BarChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

export function TrendChart() {
  const { api } = useApp();
  const trend = useLoad(() => api.call('trend', {}), [api]);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!box.current || !trend.data) return;
    const chart = echarts.init(box.current, null, { renderer: 'canvas' });
    const t = trend.data;
    chart.setOption({
      animation: false,
      title: { text: t.title, left: 0, textStyle: { fontSize: 14, fontWeight: 600 } },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? formatVietnameseNumber(v) : '') },
      // Every form named at once (lines wrap), no pager with arrows.
      legend: { bottom: 0, left: 0, right: 0, type: 'plain', itemGap: 12 },
      grid: { left: 40, right: 10, top: 48, bottom: 76 },
      xAxis: { type: 'category', data: t.years.map(String) },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => formatVietnameseNumber(v) } },
      series: t.series.map((s) => ({ type: 'bar', name: s.label, stack: 'tre', barMaxWidth: 64, data: s.values })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [trend.data]);

  if (trend.error) return <Notice kind="error">{trend.error}</Notice>;
  if (trend.data && trend.data.years.length === 0) return <p className="muted">Chưa có số liệu năm nào để vẽ biểu đồ.</p>;
  // Named by its title from the definition (window.json's trend), never by words written here.
  return <div ref={box} className="trend-chart" role="img" aria-label={trend.data ? `Biểu đồ: ${trend.data.title}` : 'Biểu đồ'} />;
}
