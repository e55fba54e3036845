// Ceilings of the import reader, far above any real input workbook (a few thousand cells, parts of a few
// hundred KB) and low enough that any file is answered within seconds and a few hundred MB.
export const XLSX_CEILINGS = {
  /** Any one XML part, as its zip entry declares it (checked before it is inflated and parsed). */
  maxXmlPartBytes: 12 * 1024 * 1024,
  /** Cells (<c> elements) in the whole workbook. */
  maxCells: 150_000,
  /** Entries of the shared-string table. */
  maxSharedStrings: 150_000,
  /** Cell formats (cellXfs) and number formats in styles.xml. */
  maxStyles: 65_000,
  /** Merged ranges in one sheet (each kept as a rectangle, never expanded). */
  maxMerges: 20_000,
  /** Defined names in workbook.xml. */
  maxDefinedNames: 20_000,
  /** Sheets in workbook.xml. */
  maxSheets: 255,
} as const;

export type XlsxCeilings = typeof XLSX_CEILINGS;
