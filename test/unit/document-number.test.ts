// The report number as officials type it: the number alone gets the symbol, a full "số/ký hiệu" is kept.
import { describe, expect, it } from 'vitest';
import { documentNumber } from '../../shared/document-number.ts';

describe('documentNumber', () => {
  it('adds the symbol to a number typed alone, with the leading zero of Decree 30 below 10', () => {
    expect(documentNumber('5', 'BC-SYT')).toBe('05/BC-SYT');
    expect(documentNumber('123', 'BC-SYT')).toBe('123/BC-SYT');
    expect(documentNumber('5', 'BC-SYT', { leadingZero: false })).toBe('5/BC-SYT');
  });

  it('keeps a full số/ký hiệu typed as the number once, whatever its spacing or a leading "Số:"', () => {
    expect(documentNumber('456/BC-SYT', 'BC-SYT')).toBe('456/BC-SYT');
    expect(documentNumber(' Số: 456 / BC-SYT ', 'BC-SYT')).toBe('456/BC-SYT');
    expect(documentNumber('12/BC-UBND', 'BC-SYT')).toBe('12/BC-UBND');
  });

  it('leaves a dotted blank for a number not yet given', () => {
    expect(documentNumber('', 'BC-SYT')).toBe('…/BC-SYT');
    expect(documentNumber('  ', 'BC-SYT', { blank: '……' })).toBe('……/BC-SYT');
  });
});

describe('runningCaseName', () => {
  it('writes an agency name in capitals as running text, keeping acronyms', async () => {
    const { runningCaseName } = await import('../../shared/text.ts');
    expect(runningCaseName('SỞ Y TẾ')).toBe('Sở Y tế');
    expect(runningCaseName('SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH')).toBe('Sở Văn hóa, Thể thao và Du lịch');
    expect(runningCaseName('CÔNG AN TỈNH')).toBe('Công an tỉnh');
    expect(runningCaseName('UBND TỈNH')).toBe('UBND tỉnh');
    expect(runningCaseName('SỞ Y TẾ tỉnh An Lạc')).toBe('Sở Y tế tỉnh An Lạc');
    expect(runningCaseName('Sở Y tế tỉnh An Lạc')).toBe('Sở Y tế tỉnh An Lạc');
  });
});
