// The outline walked into report content: headings, figure paragraphs, merged narratives, the year's table
// and the chart; plus a notice for every section left without text.
import { flattenSections, type OutlineBlock, type OutlineSection } from '../../shared/outline-schema.ts';
import type { ChartPicture } from './chart/bar-chart.ts';
import { sumIndicator } from '../store/aggregate.ts';
import { targetsSummary } from './targets.ts';
import type { BarChart, ContentBlock, FormTable, MissingSection, Run, TextTable } from './content-model.ts';
import type { FigureText } from './figure-text.ts';
import { mergeSectionText } from './narrative.ts';
import type { ReportData, ReportFigures } from './report-data.ts';
import { fillPhrase } from './sentences.ts';
import { settingIn } from '../../shared/settings-schema.ts';

export interface BuiltBody {
  blocks: ContentBlock[];
  notices: string[];
  missing: MissingSection[];
}

function addNullable(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : a + b;
}

function formTable(data: ReportData, text: FigureText, b: Extract<OutlineBlock, { kind: 'table' }>): FormTable {
  const rows = (data.template.lists[b.rows] ?? []).map((r) => ({
    label: r.label,
    values: b.columns.map((c) => sumIndicator(data.current, b.indicator.replace('{row}', r.code).replace('{col}', c.code))),
  }));
  const total = b.columns.map((_c, i) => rows.reduce<number | null>((acc, r) => addNullable(acc, r.values[i] ?? null), null));
  return {
    kind: 'table',
    caption: text.text(b.caption),
    rowHeader: b.rowHeader,
    columns: b.columns.map((c) => ({ label: c.label, group: c.group })),
    rows: [...rows, { label: b.totalLabel, values: total, total: true }],
  };
}

function barChart(data: ReportData, text: FigureText, b: Extract<OutlineBlock, { kind: 'chart' }>): BarChart | null {
  const picture = chartPicture(data, b);
  return picture && { kind: 'chart', caption: text.text(b.caption), ...picture };
}

/** What a chart block draws: the years held and a series per list item; null with too few years. */
function chartPicture(data: ReportFigures, b: Extract<OutlineBlock, { kind: 'chart' }>): ChartPicture | null {
  if (data.history.length < b.minYears) return null;
  return {
    axisLabel: b.axisLabel,
    categories: data.history.map((f) => String(f.year)),
    series: (data.template.lists[b.series] ?? []).map((i) => ({
      label: b.seriesLabels?.[i.code] ?? i.label,
      values: data.history.map((f) => sumIndicator(f, b.indicator.replace('{series}', i.code))),
    })),
  };
}

/** The pictures of the charts the report prints (to draw them ahead). */
export function reportChartPictures(data: ReportFigures): ChartPicture[] {
  return flattenSections(data.outline.sections).flatMap((s) =>
    (s.blocks ?? []).flatMap((b) => (b.kind === 'chart' && printed(data, b) ? [chartPicture(data, b)].filter((p) => p !== null) : [])),
  );
}

/** Whether a block is printed with the province's settings (a block may be for some settings only). */
function printed(data: Pick<ReportData, 'settings'>, b: OutlineBlock): boolean {
  return !('when' in b && b.when && !settingIn(data.settings, b.when));
}

/** The plan's targets: the sentence summing them, then the table (chỉ tiêu, mức phấn đấu, kết quả, đánh giá). */
function targetBlocks(data: ReportData, text: FigureText, b: Extract<OutlineBlock, { kind: 'targets' }>): ContentBlock[] {
  const { results, rows } = data.targets;
  const summary = targetsSummary(results, b);
  if (summary === null) return [];
  const table: TextTable = {
    kind: 'textTable',
    caption: text.text(b.caption),
    headers: [b.headers.label, b.headers.level, b.headers.result, b.headers.status],
    widths: [0.34, 0.17, 0.33, 0.16],
    rows: rows.map((r) => [r.label, r.levelText, r.resultText ?? '', r.statusText ?? '']),
  };
  return [{ kind: 'paragraph', role: 'figures', runs: [{ text: text.text(summary) }] }, table];
}

/** The label the units see for a BAO_CAO cell ("B.I.2. Rà soát, ban hành văn bản — Tồn tại, hạn chế"). */
export function narrativeLabel(data: ReportData, code: string): string {
  for (const s of data.template.sheets) {
    if (s.kind !== 'narrative') continue;
    const item = s.items.find((i) => i.code === code);
    if (item) return item.label;
  }
  return code;
}

export function buildBody(data: ReportData, text: FigureText): BuiltBody {
  const blocks: ContentBlock[] = [];
  const notices: string[] = [];
  const missing: MissingSection[] = [];
  const phrases = data.outline.phrases;

  // A section nobody wrote is highlighted and listed (the report stays a draft); one marked "không có nội dung
  // báo cáo" prints nothing, not even its lead.
  const narrative = (b: Extract<OutlineBlock, { kind: 'narrative' }>): void => {
    const merged = mergeSectionText(data.unitTexts.get(b.code) ?? [], data.compilerTexts.get(b.code)?.text, {
      unitNames: data.settings.narrative_unit_names === true,
    });
    if (merged.source === 'none') return;
    const paragraphs: Run[][] = merged.source === 'empty' ? [[{ text: phrases.noContent, highlight: true }]] : merged.paragraphs;
    if (merged.source === 'empty') {
      const label = narrativeLabel(data, b.code);
      notices.push(fillPhrase(phrases.emptyNotice, { section: label }));
      missing.push({ code: b.code, heading: label, how: fillPhrase(phrases.missingHow, { section: label }) });
    }
    paragraphs.forEach((runs, i) => {
      const led = i === 0 && b.lead ? [{ text: b.lead, italic: true }, { text: ' ' }, ...runs] : runs;
      blocks.push({ kind: 'paragraph', role: merged.source === 'empty' ? 'empty' : 'narrative', runs: led });
    });
  };

  const section = (s: OutlineSection): void => {
    blocks.push({ kind: 'heading', code: s.code, level: s.level, text: text.text(s.heading) });
    for (const b of s.blocks ?? []) {
      if (!printed(data, b)) continue;
      if (b.kind === 'paragraph') {
        const sentences = b.sentences.map((x) => text.sentence(x)).filter((x): x is string => x !== null && x !== '');
        if (sentences.length > 0) blocks.push({ kind: 'paragraph', role: 'figures', runs: [{ text: sentences.join(' ') }] });
      } else if (b.kind === 'narrative') {
        narrative(b);
      } else if (b.kind === 'table') {
        blocks.push(formTable(data, text, b));
      } else if (b.kind === 'targets') {
        blocks.push(...targetBlocks(data, text, b));
      } else {
        const chart = barChart(data, text, b);
        if (chart) blocks.push(chart);
      }
    }
    for (const child of s.sections ?? []) section(child);
  };
  for (const s of data.outline.sections) section(s);
  endText(blocks, phrases.ending);
  return { blocks, notices, missing };
}

/** The text ends with "./.": appended to the last body paragraph ("… như sau." → "… như sau./."). */
function endText(blocks: ContentBlock[], ending: string): void {
  const last = [...blocks].reverse().find((b): b is Extract<ContentBlock, { kind: 'paragraph' }> => b.kind === 'paragraph');
  if (!last) return;
  const run = last.runs.at(-1);
  if (!run) return;
  const trimmed = run.text.trimEnd();
  last.runs[last.runs.length - 1] = { ...run, text: trimmed.endsWith('.') && ending.startsWith('.') ? trimmed + ending.slice(1) : trimmed + ending };
}
