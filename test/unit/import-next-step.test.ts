import { describe, expect, it } from 'vitest';
import type { ImportFileResult } from '../../shared/types.ts';
import { isFolderLine, lineUnit, nextStep, unitOfFileName } from '../../renderer/screens/collect/nextStep.ts';

const units = [
  { code: 'SYT', name: 'Sở Y tế' },
  { code: 'X03', name: 'Xã Tân Phú' },
  { code: 'X04', name: 'Xã Tân Phú Đông' },
];
const rejected = (file: string, code = 'bad_file', who: Partial<ImportFileResult> = {}): ImportFileResult => ({
  file,
  status: 'rejected',
  ...who,
  findings: [{ code, severity: 'error', message: 'x' }],
});

describe('the next step of an import line', () => {
  it('finds the unit from the blank workbook file name, by code or by name', () => {
    expect(unitOfFileName('C:\\Nhận\\X03 - Xã Tân Phú - 2026.xlsx', units)?.code).toBe('X03');
    expect(unitOfFileName('/tmp/bao cao xa tan phu dong 2026.xlsx', units)?.code).toBe('X04');
    expect(unitOfFileName('/tmp/So Y te.xlsx', units)?.code).toBe('SYT');
    expect(unitOfFileName('/tmp/khong ro.xlsx', units)).toBeNull();
  });
  it('names the unit and asks it to send the workbook again', () => {
    expect(nextStep(rejected('/tmp/SYT - Sở Y tế - 2026.xlsx'), units)).toBe('Đề nghị Sở Y tế sửa theo lý do bên cạnh rồi gửi lại biểu mẫu.');
    expect(lineUnit(rejected('/tmp/SYT - Sở Y tế - 2026.xlsx'), units)).toEqual({ name: 'Sở Y tế', guessed: true });
    expect(nextStep(rejected('/tmp/a.xlsx', 'unfilled', { unitName: 'Xã Tân Phú' }), units)).toBe('Đề nghị Xã Tân Phú điền số liệu vào biểu mẫu rồi gửi lại.');
    expect(nextStep(rejected('/tmp/khong ro.xlsx'), units)).toMatch(/^Mở tệp để xem của đơn vị nào/);
  });
  it('says a missing folder is a folder, not a refused file', () => {
    const line = rejected('/tmp/khong-co', 'folder_missing');
    expect(isFolderLine(line)).toBe(true);
    expect(lineUnit(line, units)).toBeNull();
    expect(nextStep(line, units)).toMatch(/đường dẫn thư mục/);
  });
});
