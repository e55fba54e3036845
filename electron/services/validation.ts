// Validation of a year: the rules of the year's definition (templates/<id>/rules.json) run by the pure engine of shared/rules/
// over the figures in the database; warnings can be acknowledged with a reason, errors cannot.
import { periodDocumentsWindow, periodKey, periodLabel, periodSeason, yearPeriod, type ReportPeriod } from '../../shared/periods.ts';
import { compileRules, type CompiledRules } from '../../shared/rules/compile.ts';
import { runRules } from '../../shared/rules/engine.ts';
import { findingKeyYear } from '../../shared/rules/finding.ts';
import { buildReport } from '../../shared/rules/report.ts';
import { parseRuleSet, RulesError, type RuleSet } from '../../shared/rules/schema.ts';
import type {
  CellAddresses,
  FindingAcknowledgement,
  ReportedDocument,
  UnitFiguresInput,
  ValidationFinding,
  ValidationInput,
  ValidationReport,
} from '../../shared/rules/types.ts';
import { reportingKinds } from '../../shared/template.ts';
import type { TemplateDefinition } from '../../shared/template-schema.ts';
import { AppError } from '../errors.ts';
import { definitionOf, definitionPart, partPaths } from '../template-store.ts';
import { documentKey, issuedDocuments, periodFigures, yearFigures, type YearFigures } from '../store/aggregate.ts';
import { audit } from '../store/audit.ts';
import type { ServiceContext } from '../store/context.ts';
import { deadlineFor, getSettings, settingString } from '../store/settings.ts';
import { listUnits } from '../store/units.ts';
import { assertYearOpen, listYears, requireYear, yearView } from '../store/years.ts';

const compiledCache = new Map<string, CompiledRules>();

/** Compiles a rule set against the template, turning rule-file problems into a Vietnamese AppError. */
export function compileRuleSet(set: RuleSet, template: TemplateDefinition): CompiledRules {
  try {
    return compileRules(set, template);
  } catch (e) {
    if (e instanceof RulesError) throw new AppError('rules_invalid', e.message, { cause: e });
    throw e;
  }
}

/** The rules of the template's definition (its part "rules", templates/<id>/rules.json), parsed and compiled once per definition. */
export function templateRules(template: TemplateDefinition): CompiledRules {
  const def = definitionOf(template);
  const cacheKey = def.hash;
  const cached = compiledCache.get(cacheKey);
  if (cached) return cached;
  const file = partPaths(def, 'rules')[0];
  if (file === undefined) throw new AppError('rules_missing', `Định nghĩa báo cáo ${def.id} không có quy tắc kiểm tra (tệp rules.json).`);
  let set: RuleSet;
  try {
    set = parseRuleSet(definitionPart(def, 'rules'));
  } catch (e) {
    if (e instanceof RulesError) throw new AppError('rules_invalid', `Tệp quy tắc kiểm tra ${file} không hợp lệ: ${e.message}`, { cause: e });
    throw e;
  }
  let compiled: CompiledRules;
  try {
    compiled = compileRuleSet(set, template);
  } catch (e) {
    if (e instanceof AppError) throw new AppError(e.code, `${e.message.replace(/^Tệp quy tắc kiểm tra/, `Tệp quy tắc kiểm tra ${file}`)}`, { cause: e });
    throw e;
  }
  compiledCache.set(cacheKey, compiled);
  return compiled;
}

/**
 * Where each value of a submission came from in its workbook ("PL01!E10"; null when not from a workbook), read
 * when a finding points at it: a season's findings name a few hundred of its 11,000 values, and reading every
 * address up front cost ~15 ms of the validation (docs/measured.md). Read inside validateYear's read transaction.
 */
function submissionCells(ctx: ServiceContext, submissionId: number): CellAddresses {
  return {
    get: (code) =>
      ctx.db.prepare('SELECT cell FROM submission_values WHERE submission_id = ? AND code = ?').pluck().get(submissionId, code) as string | null | undefined,
  };
}

/** Each unit's figures as the engine reads them; with `cells`, each one's workbook addresses. */
function unitInputs(ctx: ServiceContext, fig: YearFigures, cells: boolean): UnitFiguresInput[] {
  return [...fig.byUnit.values()].map((f) => ({
    code: f.unit.code,
    name: f.unit.name,
    kind: f.unit.kind,
    values: f.values,
    cells: cells ? submissionCells(ctx, f.submissionId) : undefined,
    receivedAt: f.receivedAt,
  }));
}

function provinceName(ctx: ServiceContext, year: number): string {
  const reporting = reportingKinds(ctx.template);
  const root = listUnits(ctx).find((u) => u.parentCode === null && !reporting.includes(u.kind));
  if (root) return root.name;
  const settings = getSettings(ctx, year);
  const kind = settingString(settings, 'province_kind', 'tỉnh');
  return `${kind.charAt(0).toUpperCase()}${kind.slice(1)} ${settingString(settings, 'province')}`.trim();
}

/** The documents of the year's documents window (as the report and Phụ lục 02 list them), grouped by document. */
function reportedDocuments(ctx: ServiceContext, year: number, period: ReportPeriod = yearPeriod(year)): ReportedDocument[] {
  const { from, to } = periodDocumentsWindow(period, getSettings(ctx, year));
  return issuedDocuments(ctx, from, to, period.kind === 'half' ? periodKey(period) : undefined).map((d) => ({
    key: documentKey(d),
    so_ky_hieu: d.so_ky_hieu,
    ngay: d.ngay,
    co_quan: d.co_quan ?? null,
    units: d.units,
  }));
}

/**
 * Whether units are expected to send submissions for a period, so that one that has not is "chưa có báo cáo":
 * a half-year collects its own; a range collects nothing of its own (it sums the years'); a year does when it
 * is the season being collected — the last year the database holds — or when a deadline is set for it. A past
 * year added afterwards to print last year's column has no deadline (carrySettings carries one only forward),
 * so its missing units are not findings (docs/rules.md, "Completeness").
 */
export function expectsSubmissions(ctx: ServiceContext, year: number, period: ReportPeriod = yearPeriod(year)): boolean {
  if (period.kind !== 'year') return period.kind === 'half';
  return year >= Math.max(...listYears(ctx)) || deadlineFor(ctx, year) !== null;
}

/**
 * Everything the engine reads about a period, gathered from the database: a year (the default) is compared
 * with the year before and its deadline; a half-year or a range with nothing before it and no deadline (the
 * settings' deadline is the annual report's).
 */
export function validationInput(ctx: ServiceContext, year: number, period: ReportPeriod = yearPeriod(year)): ValidationInput {
  const annual = period.kind === 'year';
  const current = annual ? unitInputs(ctx, yearFigures(ctx, year), true) : unitInputs(ctx, periodFigures(ctx, period), period.kind === 'half');
  const previous = new Map(annual ? unitInputs(ctx, yearFigures(ctx, year - 1), false).map((u) => [u.code, u]) : []);
  return {
    year,
    ...(annual ? {} : { period }),
    provinceName: provinceName(ctx, year),
    current,
    previous,
    activeUnits: listUnits(ctx, { activeOnly: true }).map((u) => ({ code: u.code, name: u.name, kind: u.kind })),
    expectsSubmissions: expectsSubmissions(ctx, year, period),
    deadline: annual ? deadlineFor(ctx, year) : null,
    documents: reportedDocuments(ctx, year, period),
  };
}

function acknowledgements(ctx: ServiceContext, year: number): Map<string, FindingAcknowledgement> {
  const rows = ctx.db.prepare('SELECT key, reason, acknowledged_by, acknowledged_at FROM finding_acks WHERE year = ?').all(year) as {
    key: string;
    reason: string;
    acknowledged_by: string;
    acknowledged_at: string;
  }[];
  return new Map(rows.map((r) => [r.key, { reason: r.reason, by: r.acknowledged_by, at: r.acknowledged_at }]));
}

/** Runs every rule over a year; acknowledged warnings stay in the list, marked. */
export function validateYear(ctxAny: ServiceContext, year: number, options: { rules?: RuleSet; period?: ReportPeriod } = {}): ValidationReport {
  requireYear(ctxAny, year);
  const period = options.period ?? yearPeriod(year);
  if (periodSeason(period) !== year) throw new AppError('bad_input', `Kỳ báo cáo ${periodKey(period)} không thuộc năm ${year}.`);
  // A year is checked with the rules of the definition it was collected under.
  const ctx = yearView(ctxAny, year);
  const compiled = options.rules ? compileRuleSet(options.rules, ctx.template) : templateRules(ctx.template);
  // Acknowledgements are of the annual findings (their keys name the year); other periods show theirs unmarked.
  const acks = period.kind === 'year' ? acknowledgements(ctx, year) : new Map<string, FindingAcknowledgement>();
  const input = validationInput(ctx, year, period);
  // The rules read their findings' workbook cells as they go (submissionCells): in one read transaction, as each
  // statement outside one takes and lets go of the read lock (the season's 453 lookups: 4–7 ms, in one 1.3–1.6 ms).
  const findings = ctx.db
    .transaction(() => runRules(compiled, input))()
    .map((f): ValidationFinding => {
      const ack = f.severity !== 'error' ? acks.get(f.key) : undefined;
      return ack ? { ...f, acknowledged: ack } : f;
    });
  const report = { ...buildReport(year, findings), received: input.current.length };
  return period.kind === 'year' ? report : { ...report, period: { key: periodKey(period), label: periodLabel(period) } };
}

function findFinding(ctx: ServiceContext, key: string): ValidationFinding {
  const year = findingKeyYear(key);
  if (year === null) throw new AppError('finding_not_found', `"${key}" không phải mã của một kết quả kiểm tra.`);
  const finding = validateYear(ctx, year).findings.find((f) => f.key === key);
  if (!finding) throw new AppError('finding_not_found', `Kết quả kiểm tra năm ${year} không còn phát hiện "${key}" (có thể số liệu đã được sửa).`);
  return finding;
}

/**
 * Acknowledges a warning with a reason: it stays in the list, marked, and the acknowledgement is logged.
 * An error cannot be acknowledged: the figure has to be corrected.
 */
export function acknowledgeFinding(ctx: ServiceContext, key: string, reason: string): ValidationFinding {
  const why = reason.normalize('NFC').trim();
  if (!why) throw new AppError('reason_required', 'Cần ghi lý do khi xác nhận một cảnh báo.');
  const finding = findFinding(ctx, key);
  assertYearOpen(ctx, finding.year, 'không xác nhận thêm hoặc bỏ xác nhận cảnh báo');
  if (finding.severity === 'error') {
    throw new AppError(
      'error_not_acknowledgeable',
      `Không thể bỏ qua lỗi "${finding.message}" Hãy sửa số liệu (điều chỉnh có ghi lý do) hoặc nhận lại biểu mẫu đã sửa của đơn vị.`,
    );
  }
  const at = ctx.now().toISOString();
  ctx.db.transaction(() => {
    ctx.db
      .prepare(
        `INSERT INTO finding_acks (key, year, rule, unit_code, severity, message, reason, acknowledged_by, acknowledged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET message = excluded.message, reason = excluded.reason, acknowledged_by = excluded.acknowledged_by, acknowledged_at = excluded.acknowledged_at`,
      )
      .run(key, finding.year, finding.rule, finding.unit, finding.severity, finding.message, why, ctx.user, at);
    audit(ctx, {
      action: 'finding.acknowledge',
      entity: 'finding',
      entityId: key,
      oldValue: finding.acknowledged,
      newValue: { message: finding.message, left: finding.left, right: finding.right },
      reason: why,
    });
  })();
  return { ...finding, acknowledged: { reason: why, by: ctx.user, at } };
}

/**
 * Acknowledges several warnings with one reason (a group with one cause): the rules run once, every
 * warning is recorded and logged in one transaction. Refused as a whole if any key is not a warning
 * that is still found.
 */
export function acknowledgeFindings(ctx: ServiceContext, keys: readonly string[], reason: string): ValidationFinding[] {
  const why = reason.normalize('NFC').trim();
  if (!why) throw new AppError('reason_required', 'Cần ghi lý do khi xác nhận cảnh báo.');
  const years = new Set(keys.map((k) => findingKeyYear(k)));
  if (years.size !== 1 || years.has(null)) throw new AppError('finding_not_found', 'Các cảnh báo cần xác nhận phải cùng một năm báo cáo.');
  const year = [...years][0]!;
  const byKey = new Map(validateYear(ctx, year).findings.map((f) => [f.key, f]));
  const findings = keys.map((key) => {
    const f = byKey.get(key);
    if (!f)
      throw new AppError(
        'finding_not_found',
        `Kết quả kiểm tra năm ${year} không còn một trong các cảnh báo đã chọn (có thể số liệu đã được sửa). Hãy bấm "Kiểm tra lại" rồi chọn lại.`,
      );
    if (f.severity === 'error')
      throw new AppError(
        'error_not_acknowledgeable',
        `Không thể bỏ qua lỗi "${f.message}" Hãy sửa số liệu (điều chỉnh có ghi lý do) hoặc nhận lại biểu mẫu đã sửa của đơn vị.`,
      );
    return f;
  });
  assertYearOpen(ctx, year, 'không xác nhận thêm hoặc bỏ xác nhận cảnh báo');
  const at = ctx.now().toISOString();
  const upsert = ctx.db.prepare(
    `INSERT INTO finding_acks (key, year, rule, unit_code, severity, message, reason, acknowledged_by, acknowledged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET message = excluded.message, reason = excluded.reason, acknowledged_by = excluded.acknowledged_by, acknowledged_at = excluded.acknowledged_at`,
  );
  ctx.db.transaction(() => {
    for (const f of findings) {
      upsert.run(f.key, f.year, f.rule, f.unit, f.severity, f.message, why, ctx.user, at);
      audit(ctx, {
        action: 'finding.acknowledge',
        entity: 'finding',
        entityId: f.key,
        oldValue: f.acknowledged,
        newValue: { message: f.message, left: f.left, right: f.right },
        reason: why,
      });
    }
  })();
  return findings.map((f) => ({ ...f, acknowledged: { reason: why, by: ctx.user, at } }));
}

/** Withdraws an acknowledgement (the warning counts as unreviewed again); logged with the reason. */
export function withdrawAcknowledgement(ctx: ServiceContext, key: string, reason: string): void {
  const why = reason.normalize('NFC').trim();
  if (!why) throw new AppError('reason_required', 'Cần ghi lý do khi bỏ xác nhận một cảnh báo.');
  const row = ctx.db.prepare('SELECT reason, acknowledged_by, acknowledged_at FROM finding_acks WHERE key = ?').get(key) as
    { reason: string; acknowledged_by: string; acknowledged_at: string } | undefined;
  if (!row) throw new AppError('finding_not_acknowledged', `Phát hiện "${key}" chưa được xác nhận.`);
  const year = findingKeyYear(key);
  if (year !== null) assertYearOpen(ctx, year, 'không xác nhận thêm hoặc bỏ xác nhận cảnh báo');
  ctx.db.transaction(() => {
    ctx.db.prepare('DELETE FROM finding_acks WHERE key = ?').run(key);
    audit(ctx, {
      action: 'finding.unacknowledge',
      entity: 'finding',
      entityId: key,
      oldValue: { reason: row.reason, by: row.acknowledged_by, at: row.acknowledged_at },
      reason: why,
    });
  })();
}
