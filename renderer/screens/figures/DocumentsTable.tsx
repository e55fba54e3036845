// The documents' tab (a sheet of kind "table"): the documents the units reported for the year, read-only,
// unit by unit, under the sheet's title from the definition.
import { DataGrid, type Column } from 'react-data-grid';
import type { YearDocument } from '../../../shared/api-types.ts';
import { useApp } from '../../app/context.ts';
import { useLoad } from '../../app/useLoad.ts';
import { Notice } from '../../components/Notice.tsx';
import { formatDate } from '../../format.ts';

// Widths that fit 1366×768 beside the rail (about 1,160 px) without a sideways scroll; the summary takes the rest.
const COLUMNS: Column<YearDocument>[] = [
  { key: 'unitName', name: 'Đơn vị báo cáo', width: 170, frozen: true },
  { key: 'cap', name: 'Cấp ban hành', width: 110 },
  { key: 'loai', name: 'Loại văn bản', width: 100 },
  { key: 'so_ky_hieu', name: 'Số, ký hiệu', width: 120 },
  { key: 'ngay', name: 'Ngày ban hành', width: 124, renderCell: ({ row }) => formatDate(row.ngay) },
  { key: 'co_quan', name: 'Cơ quan ban hành', width: 160 },
  { key: 'trich_yeu', name: 'Trích yếu nội dung', minWidth: 240, renderCell: ({ row }) => <span title={row.trich_yeu}>{row.trich_yeu}</span> },
  { key: 'ghi_chu', name: 'Ghi chú', width: 100 },
];

export function DocumentsTable({ title }: { title: string }) {
  const { api, year } = useApp();
  const docs = useLoad(() => api.call('yearDocuments', { year }), [api, year]);
  if (docs.error) return <Notice kind="error">{docs.error}</Notice>;
  if (!docs.data) return <p className="muted">Đang tải…</p>;
  return (
    <div className="figure-grid">
      <div className="grid-toolbar">
        <span className="grid-title">{title}</span>
        <span className="muted">
          {docs.data.length} văn bản do các đơn vị báo cáo năm {year}
        </span>
      </div>
      <DataGrid
        className="rdg-light figures"
        aria-label="Văn bản đã ban hành"
        columns={COLUMNS}
        rows={docs.data}
        rowKeyGetter={(r) => `${r.unit}:${r.rowNo}`}
        rowHeight={28}
      />
    </div>
  );
}
