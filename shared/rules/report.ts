// A year's findings as a report, and what the CLI prints of it (text lines and the --json shape of docs/cli.md). Pure.
import type { Severity } from '../types.ts';
import { formatFigure } from './message.ts';
import type { ValidationFinding, ValidationReport } from './types.ts';

export function buildReport(year: number, findings: ValidationFinding[]): ValidationReport {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return { year, errors: count('error'), warnings: count('warning'), infos: count('info'), findings };
}

/** The errors that stand: they block generation, and a forced draft lists them. */
export function blockingErrors(report: ValidationReport): ValidationFinding[] {
  return report.findings.filter((f) => f.severity === 'error');
}

const SEVERITY_LABEL: Record<Severity, string> = { error: 'LỖI', warning: 'CẢNH BÁO', info: 'THÔNG TIN' };

/** "Năm 2026" or the period's label ("6 tháng đầu năm 2026"). */
function reportPeriod(report: ValidationReport): string {
  return report.period?.label ?? `Năm ${report.year}`;
}

/** "Năm 2026: 0 lỗi, 7 cảnh báo (1 đã xác nhận), 1 thông tin." */
export function summaryLine(report: ValidationReport): string {
  const acked = report.findings.filter((f) => f.severity === 'warning' && f.acknowledged).length;
  return `${reportPeriod(report)}: ${report.errors} lỗi, ${report.warnings} cảnh báo${acked ? ` (${acked} đã xác nhận)` : ''}, ${report.infos} thông tin.`;
}

/** One line: severity, rule, unit, indicators, the figures compared, then the message. */
export function formatFindingLine(f: ValidationFinding): string {
  const parts = [f.rule, f.unit ?? 'TOÀN TỈNH'];
  const codes = f.code ? [f.code] : f.cells.map((c) => c.code);
  if (codes.length) parts.push(codes.join(', '));
  if (f.left !== null || f.right !== null)
    parts.push(
      f.scope === 'yoy' ? `năm nay ${formatFigure(f.left)}, năm trước ${formatFigure(f.right)}` : `${formatFigure(f.left)} | ${formatFigure(f.right)}`,
    );
  const ack = f.acknowledged ? ` [đã xác nhận: ${f.acknowledged.reason}]` : '';
  return `[${SEVERITY_LABEL[f.severity]}] ${parts.join(' · ')} — ${f.message}${ack}`;
}

/** The text output of `validate`: one line per finding, then the summary. */
export function formatReportText(report: ValidationReport): string[] {
  if (report.findings.length === 0) return [`${reportPeriod(report)}: không có lỗi, cảnh báo hay thông tin nào.`];
  return [...report.findings.map(formatFindingLine), summaryLine(report)];
}

export interface ReportJson {
  year: number;
  /** The period key when not the year itself ("2026-H1"). */
  period?: string;
  errors: number;
  warnings: number;
  infos: number;
  findings: {
    key: string;
    rule: string;
    severity: Severity;
    unit: string | null;
    year: number;
    message: string;
    left: number | null;
    right: number | null;
    cells: { sheet: string; address: string | null; code: string }[];
    code?: string;
    units?: { code: string; name: string; year: number }[];
    acknowledged?: { reason: string; by: string; at: string };
  }[];
}

/** The `validate --json` object of docs/cli.md. */
export function reportToJson(report: ValidationReport): ReportJson {
  return {
    year: report.year,
    ...(report.period ? { period: report.period.key } : {}),
    errors: report.errors,
    warnings: report.warnings,
    infos: report.infos,
    findings: report.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      unit: f.unit,
      year: f.year,
      message: f.message,
      left: f.left,
      right: f.right,
      cells: f.cells.map((c) => ({ sheet: c.sheet, address: c.address, code: c.code })),
      key: f.key,
      ...(f.code ? { code: f.code } : {}),
      ...(f.units ? { units: f.units } : {}),
      ...(f.acknowledged ? { acknowledged: f.acknowledged } : {}),
    })),
  };
}
