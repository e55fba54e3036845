// What every workbook the app writes says about itself (docProps/core.xml and app.xml), whoever writes
// it: exceljs for the input workbooks (package.ts), the app's own writer for the annexes (xlsx-writer.ts).

/** The subject of every workbook of the report; an annex adds its year or period. */
export const INPUT_SUBJECT = 'Báo cáo kết quả thực hiện Nghị quyết số 121/2020/QH14 về phòng, chống xâm hại trẻ em';

export interface DocumentProperties {
  title: string;
  subject: string;
  /** The agency that makes the file (creator, company). */
  author: string;
  /** Who last saved it; the author when not given. */
  lastModifiedBy?: string;
}

/** The workbook's default font size (styles.xml font 0): 11 pt keeps Excel's column width unit at 7 px, as with Calibri 11. */
export const DEFAULT_FONT_SIZE = 11;
