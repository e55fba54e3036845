import { describe, expect, it } from 'vitest';
import { pastedPaths, unquotePath } from '../../shared/pasted-paths.ts';

describe('paths as people paste them', () => {
  it('takes the quotes of "Copy as path" away', () => {
    expect(unquotePath('"C:\\Báo cáo\\2026\\x.xlsx"')).toBe('C:\\Báo cáo\\2026\\x.xlsx');
    expect(unquotePath('  “D:\\Nhận về”  ')).toBe('D:\\Nhận về');
    expect(unquotePath("'/home/a b/c'")).toBe('/home/a b/c');
    // Unmatched quotes are part of what was typed.
    expect(unquotePath('"C:\\x')).toBe('"C:\\x');
  });
  it('keeps network paths and paths with spaces whole', () => {
    expect(pastedPaths('\\\\may-chu\\chia se\\Nhận về 2026')).toEqual(['\\\\may-chu\\chia se\\Nhận về 2026']);
    expect(pastedPaths('"\\\\may-chu\\chia se\\a.xlsx"')).toEqual(['\\\\may-chu\\chia se\\a.xlsx']);
  });
  it('splits several paths, quoted side by side or one per line', () => {
    expect(pastedPaths('"C:\\a.xlsx" "C:\\b c.xlsx"')).toEqual(['C:\\a.xlsx', 'C:\\b c.xlsx']);
    expect(pastedPaths('"C:\\a.xlsx"\r\n"C:\\b.xlsx"\r\n')).toEqual(['C:\\a.xlsx', 'C:\\b.xlsx']);
    expect(pastedPaths('/tmp/a.xlsx\n\n  /tmp/b.xlsx  ')).toEqual(['/tmp/a.xlsx', '/tmp/b.xlsx']);
  });
  it('leaves the letters as they are stored on disk', () => {
    const decomposed = 'C:\\Ba\u0301o ca\u0301o';
    expect(pastedPaths(`"${decomposed}"`)).toEqual([decomposed]);
  });
});
