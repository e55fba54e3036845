// The sample province: 2026 gives exactly expected_findings_2026; acknowledgements; the CLI outputs.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/errors.ts';
import { acknowledgeFinding, validateYear, withdrawAcknowledgement } from '../../electron/services/validation.ts';
import { blockingErrors, formatFindingLine, formatReportText, reportToJson, summaryLine } from '../../shared/rules/report.ts';
import type { ValidationFinding } from '../../shared/rules/types.ts';
import { sample, sampleDb } from '../helpers/fixtures.ts';
import { dbWith } from './helpers.ts';

interface Expected {
  errors: Record<string, unknown>[];
  warnings: Record<string, unknown>[];
  info: Record<string, unknown>[];
}
const expected = sample.expected_findings_2026 as Expected;

/** A finding in the vocabulary of expected_findings_2026. */
function asExpected(f: ValidationFinding): Record<string, unknown> {
  switch (f.scope) {
    case 'yoy':
      return { rule: f.rule, unit: f.unit, code: f.code, previous: f.right, current: f.left };
    case 'aggregate':
      return { rule: f.rule, police: f.left, local: f.right };
    case 'duplicates':
      return { rule: f.rule, so_ky_hieu: f.document?.so_ky_hieu, ngay: f.document?.ngay, units: [...new Set(f.units?.map((u) => u.code))] };
    default:
      return { rule: f.rule, unit: f.unit };
  }
}

const sorted = (list: Record<string, unknown>[]) => list.map((x) => JSON.stringify(x)).sort();
const bySeverity = (findings: ValidationFinding[], s: string) => sorted(findings.filter((f) => f.severity === s).map(asExpected));

describe('the sample province, 2026', () => {
  const ctx = sampleDb();
  const report = validateYear(ctx, 2026);

  it('gives exactly expected_findings_2026: no error, eight warnings, one info', () => {
    expect(report).toMatchObject({ year: 2026, errors: 0, warnings: 8, infos: 1 });
    // The same findings, whatever their order.
    expect(bySeverity(report.findings, 'error')).toEqual(sorted(expected.errors));
    expect(bySeverity(report.findings, 'warning')).toEqual(sorted(expected.warnings));
    expect(bySeverity(report.findings, 'info')).toEqual(sorted(expected.info));
    expect(blockingErrors(report)).toEqual([]);
  });

  it('prints one line per finding with severity, rule, unit, indicator and figures, then a summary', () => {
    const lines = formatReportText(report);
    expect(lines).toHaveLength(report.findings.length + 1);
    expect(lines).toContain('[CẢNH BÁO] completeness · STC — Sở Tài chính, năm 2026: chưa có báo cáo.');
    expect(lines).toContain(
      '[CẢNH BÁO] yoy_outlier · X05 · pl01_xhtd_vu · năm nay 7, năm trước 0 — Xã Minh Đức, năm 2026: Xâm hại tình dục — Số vụ là 7, năm 2025 là 0; thay đổi bất thường (gấp hơn 3 lần hoặc giảm còn dưới một phần ba).',
    );
    expect(lines).toContain(
      '[CẢNH BÁO] police_vs_local · TOÀN TỈNH · 32 | 27 — Tỉnh An Lạc, năm 2026: số trẻ em bị xâm hại do công an ghi nhận (32) chênh lệch với tổng số các địa phương báo cáo (27) quá 10% và quá 2 trẻ em.',
    );
    expect(lines.at(-1)).toBe('Năm 2026: 0 lỗi, 8 cảnh báo, 1 thông tin.');
  });

  it('gives the --json shape of docs/cli.md', () => {
    const json = reportToJson(report);
    expect(json).toMatchObject({ year: 2026, errors: 0, warnings: 8, infos: 1 });
    expect(json.findings).toHaveLength(9);
    const yoy = json.findings.find((f) => f.rule === 'yoy_outlier');
    expect(Object.keys(yoy!).slice(0, 8)).toEqual(['rule', 'severity', 'unit', 'year', 'message', 'left', 'right', 'cells']);
    expect(yoy).toMatchObject({
      severity: 'warning',
      unit: 'X05',
      year: 2026,
      left: 7,
      right: 0,
      code: 'pl01_xhtd_vu',
      cells: [{ sheet: 'PL01', address: null, code: 'pl01_xhtd_vu' }],
    });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe('acknowledging findings', () => {
  it('a warning is acknowledged with a reason: it stays in the list, marked, and the act is audited', () => {
    const ctx = sampleDb();
    const finding = validateYear(ctx, 2026).findings.find((f) => f.rule === 'police_vs_local')!;
    expect(finding.key).toBe('2026|police_vs_local|*|-');
    const acked = acknowledgeFinding(ctx, finding.key, '  Công an tính cả trẻ em ở tỉnh khác bị xâm hại trên địa bàn. ');
    expect(acked.acknowledged).toEqual({ reason: 'Công an tính cả trẻ em ở tỉnh khác bị xâm hại trên địa bàn.', by: ctx.user, at: '2026-11-27T09:00:00.000Z' });

    const again = validateYear(ctx, 2026);
    expect(again.warnings).toBe(8);
    expect(again.findings.find((f) => f.key === finding.key)?.acknowledged?.reason).toBe('Công an tính cả trẻ em ở tỉnh khác bị xâm hại trên địa bàn.');
    expect(again.findings.filter((f) => f.acknowledged)).toHaveLength(1);
    expect(summaryLine(again)).toBe('Năm 2026: 0 lỗi, 8 cảnh báo (1 đã xác nhận), 1 thông tin.');
    expect(formatFindingLine(again.findings.find((f) => f.acknowledged)!)).toMatch(
      /\[đã xác nhận: Công an tính cả trẻ em ở tỉnh khác bị xâm hại trên địa bàn\.\]$/,
    );
    expect(reportToJson(again).findings.find((f) => f.key === finding.key)?.acknowledged?.reason).toBe(
      'Công an tính cả trẻ em ở tỉnh khác bị xâm hại trên địa bàn.',
    );

    const log = ctx.db.prepare("SELECT action, entity, entity_id, reason, new_value FROM audit_log WHERE action LIKE 'finding.%'").all() as Record<
      string,
      string
    >[];
    expect(log).toEqual([
      {
        action: 'finding.acknowledge',
        entity: 'finding',
        entity_id: finding.key,
        reason: 'Công an tính cả trẻ em ở tỉnh khác bị xâm hại trên địa bàn.',
        new_value: JSON.stringify({ message: finding.message, left: 32, right: 27 }),
      },
    ]);
    expect(() => acknowledgeFinding(ctx, '2026|police_vs_local|*|', 'x')).toThrow(AppError);

    withdrawAcknowledgement(ctx, finding.key, 'Chờ công an đối chiếu lại.');
    expect(validateYear(ctx, 2026).findings.some((f) => f.acknowledged)).toBe(false);
    expect((ctx.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'finding.unacknowledge'").get() as { n: number }).n).toBe(1);
  });

  it('an error cannot be acknowledged: a Vietnamese AppError asks to fix the figure', () => {
    const ctx = dbWith([{ unit: 'X03', values: { pl01_xhtd_nam: 2, pl01_xhtd_nu: 5, pl01_xhtd_tre: 8 } }]);
    const error = validateYear(ctx, 2026).findings.find((f) => f.severity === 'error')!;
    expect(error.rule).toBe('pl01_sex_sum');
    let thrown: unknown;
    try {
      acknowledgeFinding(ctx, error.key, 'Xã xác nhận số đúng');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).code).toBe('error_not_acknowledgeable');
    expect((thrown as AppError).message).toBe(
      'Không thể bỏ qua lỗi "Xã Tân Phú, năm 2026: Xâm hại tình dục — số trẻ em nam + nữ (7) khác tổng số trẻ em (8)." Hãy sửa số liệu (điều chỉnh có ghi lý do) hoặc nhận lại biểu mẫu đã sửa của đơn vị.',
    );
    expect(ctx.db.prepare('SELECT COUNT(*) AS n FROM finding_acks').get()).toEqual({ n: 0 });
  });

  it('needs a reason and a finding that exists', () => {
    const ctx = sampleDb();
    const key = validateYear(ctx, 2026).findings[0]!.key;
    expect(() => acknowledgeFinding(ctx, key, '   ')).toThrow('Cần ghi lý do khi xác nhận một cảnh báo.');
    expect(() => acknowledgeFinding(ctx, '2026|completeness|X01|missing', 'đã nộp')).toThrow(/không còn phát hiện/);
    expect(() => acknowledgeFinding(ctx, 'không phải mã', 'x')).toThrow(AppError);
  });

  it('an acknowledgement follows the finding by key while the figures change', () => {
    const ctx = sampleDb();
    const key = '2026|police_vs_local|*|-';
    acknowledgeFinding(ctx, key, 'Đã đối chiếu với công an.');
    ctx.db
      .prepare(
        "UPDATE submission_values SET value = 40 WHERE code = 'ca_tre' AND submission_id = (SELECT s.id FROM submissions s JOIN units u ON u.id = s.unit_id WHERE u.code = 'CA' AND s.year = 2026)",
      )
      .run();
    const f = validateYear(ctx, 2026).findings.find((x) => x.key === key);
    expect(f).toMatchObject({ left: 40, right: 27, acknowledged: { reason: 'Đã đối chiếu với công an.' } });
  });
});
