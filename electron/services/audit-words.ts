// The audit log in words for the window: each line's action, what it is about (units by name, figures by
// their label, settings by their field's label) and the change, without keys or codes.
import type { AuditLine, AuditRecord } from '../../shared/api-types.ts';
import { formatVietnameseNumber } from '../../shared/numbers.ts';
import { isSettingKey, settingMeta } from '../../shared/settings-schema.ts';
import { allIndicators } from '../../shared/template.ts';
import type { ServiceContext } from '../store/context.ts';
import { listUnits } from '../store/units.ts';

/** Actions in words; a family ("figure") is what the window's filter offers. */
export const AUDIT_ACTIONS: Record<string, string> = {
  'database.init': 'Tạo cơ sở dữ liệu',
  'database.restore': 'Khôi phục bản sao lưu',
  'submission.import': 'Nhận báo cáo',
  'submission.paper': 'Nhận số liệu bản giấy',
  'submission.choose_current': 'Chọn phiên bản dùng',
  'word_report.import': 'Nhận báo cáo Word',
  'figure.correct': 'Sửa số liệu',
  'finding.acknowledge': 'Xác nhận cảnh báo',
  'finding.unacknowledge': 'Bỏ xác nhận cảnh báo',
  'setting.set': 'Đổi thiết lập',
  'section_text.set': 'Viết nội dung mục báo cáo',
  'section_text.clear': 'Xóa nội dung mục báo cáo',
  'unit.create': 'Thêm đơn vị',
  'unit.update': 'Cập nhật đơn vị',
  'unit.rename': 'Đổi tên đơn vị',
  'unit.move': 'Đổi thứ tự đơn vị',
  'unit.merge': 'Sáp nhập đơn vị',
  'unit.activate': 'Theo dõi lại đơn vị',
  'unit.deactivate': 'Ngừng theo dõi đơn vị',
  'year.lock': 'Chốt số liệu năm',
  'year.unlock': 'Mở khóa năm',
};

export type { AuditLine };

function parse(v: string | null): unknown {
  if (v === null) return null;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '(trống)';
  if (typeof v === 'number') return formatVietnameseNumber(v);
  if (typeof v === 'boolean') return v ? 'có' : 'không';
  if (typeof v === 'string') return v;
  return '';
}

export function auditInWords(ctx: ServiceContext, records: AuditRecord[]): AuditLine[] {
  const units = new Map(listUnits(ctx).map((u) => [u.code, u.name]));
  const labels = new Map<string, string>(allIndicators(ctx.template).map((i) => [i.code, i.label]));
  for (const s of ctx.template.sheets) if (s.kind === 'narrative') for (const i of s.items) labels.set(i.code, i.label);
  const submission = ctx.db.prepare('SELECT u.code, s.year, s.version FROM submissions s JOIN units u ON u.id = s.unit_id WHERE s.id = ?');
  const unitName = (code: unknown) => (typeof code === 'string' ? (units.get(code) ?? code) : '');
  return records.map((r): AuditLine => {
    const before = parse(r.oldValue);
    const after = parse(r.newValue);
    const afterObj = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
    let subject = '';
    let change = '';
    const [family] = r.action.split('.');
    if (family === 'figure' && r.entityId) {
      const [unit, year, code] = r.entityId.split('/');
      subject = `${unitName(unit)}, năm ${year}: ${labels.get(code ?? '') ?? 'một chỉ tiêu'}`;
      change = `${show(before)} → ${show(after)}`;
    } else if (family === 'submission' || family === 'word_report') {
      const s = (r.entityId && family === 'submission' ? submission.get(Number(r.entityId)) : undefined) as
        { code: string; year: number; version: number } | undefined;
      const unit = afterObj.unit ?? s?.code;
      const year = afterObj.year ?? s?.year;
      subject = `${unitName(unit)}${year ? `, năm ${String(year)}` : ''}`;
      if (r.action === 'submission.choose_current') change = `phiên bản ${show(before)} → ${show(after)}`;
      else
        change = [
          afterObj.version ? `phiên bản ${String(afterObj.version)}` : '',
          typeof afterObj.paper === 'string' ? afterObj.paper : typeof afterObj.file === 'string' ? `tệp ${afterObj.file}` : '',
        ]
          .filter(Boolean)
          .join(', ');
    } else if (family === 'unit') {
      subject = unitName(r.entityId);
      if (r.action === 'unit.rename') change = `${show(before)} → ${show(after)}`;
      else if (r.action === 'unit.merge') change = `vào ${unitName(after)}`;
    } else if (family === 'year') {
      subject = `Năm ${r.entityId ?? ''}`;
    } else if (family === 'setting' && r.entityId) {
      const [year, key] = r.entityId.includes(':') ? r.entityId.split(':') : [null, r.entityId];
      subject = `${key && isSettingKey(key) ? settingMeta(key).label : 'Một thiết lập'}${year ? `, năm ${year}` : ''}`;
      change = `${show(before)} → ${show(after)}`;
    } else if (family === 'section_text' && r.entityId) {
      const [year, code] = r.entityId.split('/');
      subject = `Năm ${year}, mục ${labels.get(code ?? '') ?? ''}`;
    } else if (family === 'finding') {
      subject = typeof afterObj.message === 'string' ? afterObj.message : 'Một cảnh báo';
    } else if (family === 'database') {
      subject = r.action === 'database.restore' ? `Bản sao lưu ${show(after)}` : 'Cơ sở dữ liệu';
      if (r.action === 'database.restore' && before) change = `dữ liệu trước đó giữ ở ${show(before)}`;
    }
    return { ...r, what: AUDIT_ACTIONS[r.action] ?? 'Thao tác khác', subject, change };
  });
}
