// What `baocao121` says about itself, and its exit codes: kept apart from the commands so that the bundled
// executable answers --help without loading the services (electron/cli-main.ts).

/** 0 done, 1 a data problem, 2 wrong usage or a database that cannot be opened. */
export const EXIT = { ok: 0, data: 1, usage: 2 } as const;

export const USAGE = `Cách dùng: baocao121 <lệnh> [tùy chọn]
  demo [--out DIR]                                   chạy trọn một mùa báo cáo trên tỉnh mẫu
  init --db FILE [--province TÊN] [--year NĂM]       tạo cơ sở dữ liệu mới
  units --db FILE [--json] [--import DS.xlsx|DS.csv [--retire-missing]] xem hoặc nhập danh sách đơn vị (cột STT, Tên đơn vị, Loại đơn vị)
  settings --db FILE [--set KHÓA=GIÁ_TRỊ ...] [--json]
  template --db FILE --year NĂM|--period KỲ --out THƯ_MỤC [--unit MÃ]
  import --db FILE ĐƯỜNG_DẪN... [--received yyyy-mm-dd] [--period KỲ]
  export --db FILE --year NĂM [--out FILE]
  import-json --db FILE FILE...
  validate --db FILE --year NĂM|--period KỲ [--json]             kiểm tra số liệu theo các quy tắc
  generate --db FILE --year NĂM|--period KỲ --out THƯ_MỤC [--force] [--sources]  Phụ lục 01–04, báo cáo Word (và Nguồn số liệu)
  targets --db FILE [list | set MÃ [--value SỐ] [--enabled có|không] | reset [MÃ]] [--year NĂM] [--json]  chỉ tiêu của kế hoạch
  acknowledge --db FILE --key KHÓA --reason LÝ_DO    xác nhận một cảnh báo (kèm lý do)
  trace --db FILE --year NĂM --annex PL01 [--sheet TRANG] --cell D10   nguồn của một số liệu trong phụ lục
  history --db FILE --unit MÃ --year NĂM [--diff A:B] [--current N --reason LÝ_DO]
  correct --db FILE --unit MÃ --year NĂM --code CHỈ_TIÊU --value SỐ|trong --reason LÝ_DO
  definition --db FILE [--year NĂM --upgrade] [--json]  định nghĩa báo cáo của từng năm; chuyển một năm sang bản của phần mềm
  lock --db FILE --year NĂM [--reason LÝ_DO]  ·  unlock --db FILE --year NĂM --reason LÝ_DO
  audit --db FILE [--since NGÀY] [--until NGÀY] [--action THAO_TÁC] [--user NGƯỜI] [--out NHAT_KY.csv] [--json]
  backup --db FILE  ·  backups --db FILE  ·  restore --db FILE --from BẢN_SAO.sqlite
Kỳ báo cáo (--period): năm 2026, sáu tháng 2026-H1 / 2026-H2, hoặc khoảng ngày 2021-01-07..2025-12-31 (tổng hợp số liệu các năm).`;

/** No command, or a request for help: the usage text is the whole answer. */
export function isHelpRequest(argv: readonly string[]): boolean {
  const name = argv[0];
  return !name || name === 'help' || name === '--help' || name === '-h';
}
