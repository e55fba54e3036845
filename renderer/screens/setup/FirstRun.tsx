// The first run, before the season's window: a new province (a short guided setup, then the unit list)
// or the sample province, which lives in a file of its own.
import { useState } from 'react';
import type { AppInfo } from '../../../shared/api-types.ts';
import { readTypedDate, showDate } from '../../../shared/settings-schema.ts';
import { errorMessage, type ApiClient } from '../../api/client.ts';
import { Notice } from '../../components/Notice.tsx';
import { UnitListImport } from './UnitListImport.tsx';
import './setup.css';

type Stage = 'choice' | 'setup' | 'units';

interface Answers {
  provinceKind: 'tỉnh' | 'thành phố';
  province: string;
  standingAgency: string;
  issuingBody: string;
  signerName: string;
  signerTitle: string;
  signerAuthority: string;
  year: string;
  periodFrom: string;
  periodTo: string;
  deadline: string;
}

type Field = keyof Answers;

function initialAnswers(year: number): Answers {
  return {
    provinceKind: 'tỉnh',
    province: '',
    standingAgency: 'Sở Y tế',
    issuingBody: '',
    signerName: '',
    signerTitle: 'PHÓ GIÁM ĐỐC',
    signerAuthority: 'KT. GIÁM ĐỐC',
    year: String(year),
    periodFrom: showDate(`${year - 1}-11-16`),
    periodTo: showDate(`${year}-11-15`),
    deadline: '',
  };
}

export function FirstRun({ api, info, onDone }: { api: ApiClient; info: AppInfo; onDone: (info: AppInfo) => void }) {
  const [stage, setStage] = useState<Stage>('choice');
  const [answers, setAnswers] = useState<Answers>(() => initialAnswers(info.reportingYear));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [setUp, setSetUp] = useState<AppInfo | null>(null);

  const openSample = async () => {
    setBusy(true);
    setFailure(null);
    try {
      onDone(await api.call('openSample', {}));
    } catch (e) {
      setFailure(errorMessage(e));
      setBusy(false);
    }
  };

  const set = (field: Field, value: string) => {
    setAnswers((a) => ({ ...a, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const submit = async () => {
    const problems: Partial<Record<Field, string>> = {};
    if (!answers.province.trim()) problems.province = `Hãy nhập tên ${answers.provinceKind}.`;
    if (!answers.standingAgency.trim()) problems.standingAgency = 'Hãy nhập tên cơ quan thường trực, ví dụ Sở Y tế.';
    const year = Number(answers.year);
    if (!Number.isInteger(year) || year < 2000 || year > 2100) problems.year = 'Hãy nhập năm báo cáo, ví dụ 2026.';
    const dates: Partial<Record<Field, string>> = {};
    for (const f of ['periodFrom', 'periodTo', 'deadline'] as const) {
      const d = readTypedDate(answers[f]);
      if (!d.ok) problems[f] = `${d.message}.`;
      else dates[f] = d.iso;
    }
    if (!dates.periodFrom && !problems.periodFrom) problems.periodFrom = 'Hãy nhập ngày bắt đầu kỳ số liệu.';
    if (!dates.periodTo && !problems.periodTo) problems.periodTo = 'Hãy nhập ngày kết thúc kỳ số liệu.';
    if (dates.periodFrom && dates.periodTo && dates.periodFrom > dates.periodTo) problems.periodTo = 'Ngày kết thúc phải sau ngày bắt đầu.';
    setErrors(problems);
    if (Object.keys(problems).length) return;
    setBusy(true);
    setFailure(null);
    try {
      const next = await api.call('setupProvince', {
        provinceKind: answers.provinceKind,
        province: answers.province.trim(),
        standingAgency: answers.standingAgency.trim(),
        ...(answers.issuingBody.trim() ? { issuingBody: answers.issuingBody.trim() } : {}),
        signerName: answers.signerName.trim(),
        signerTitle: answers.signerTitle.trim(),
        signerAuthority: answers.signerAuthority.trim(),
        year,
        periodFrom: dates.periodFrom!,
        periodTo: dates.periodTo!,
        ...(dates.deadline ? { deadline: dates.deadline } : {}),
      });
      setSetUp(next);
      setStage('units');
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const field = (f: Field, label: string, props: { placeholder?: string; hint?: string } = {}) => (
    <div className={`field ${errors[f] ? 'field-error' : ''}`}>
      <label htmlFor={`fr-${f}`}>{label}</label>
      <input id={`fr-${f}`} value={answers[f]} placeholder={props.placeholder} onChange={(e) => set(f, e.target.value)} aria-invalid={Boolean(errors[f])} />
      {errors[f] ? <p className="field-message">{errors[f]}</p> : props.hint ? <p className="field-hint muted">{props.hint}</p> : null}
    </div>
  );

  const kindWord = answers.provinceKind === 'tỉnh' ? 'Tỉnh' : 'Thành phố';
  const issuingDefault = answers.standingAgency.trim().toLocaleUpperCase('vi');

  return (
    <div className="first-run">
      <header className="first-run-head">
        <h1>Báo cáo 121</h1>
        <p>Tổng hợp báo cáo hằng năm thực hiện Nghị quyết số 121/2020/QH14 về phòng, chống xâm hại trẻ em</p>
        <ol className="first-run-steps" aria-label="Các bước bắt đầu">
          <li className={stage === 'choice' ? 'current' : 'done'}>1. Bắt đầu</li>
          <li className={stage === 'setup' ? 'current' : stage === 'units' ? 'done' : ''}>2. Thông tin tỉnh, thành phố</li>
          <li className={stage === 'units' ? 'current' : ''}>3. Danh sách đơn vị</li>
        </ol>
      </header>
      {failure && <Notice kind="error">{failure}</Notice>}

      {stage === 'choice' && (
        <section className="first-run-choice" aria-label="Chọn cách bắt đầu">
          <div className="choice-card">
            <h2>Tỉnh, thành phố của tôi</h2>
            <p>Khai báo tên tỉnh (thành phố), cơ quan thường trực, người ký và kỳ báo cáo, rồi nhập danh sách đơn vị báo cáo từ tệp Excel.</p>
            <p className="muted">Dữ liệu bắt đầu trống: chưa có đơn vị, chưa có số liệu.</p>
            <button type="button" className="primary" disabled={busy} onClick={() => setStage('setup')}>
              Khai báo tỉnh, thành phố
            </button>
          </div>
          <div className="choice-card sample-card">
            <h2>
              Xem thử với dữ liệu mẫu <span className="sample-badge">Dữ liệu mẫu</span>
            </h2>
            <p>Một tỉnh giả định (tỉnh An Lạc) với đủ đơn vị và số liệu bốn năm, để thử các bước: gửi biểu mẫu, thu nhận, kiểm tra, lập báo cáo.</p>
            <p className="muted">Dữ liệu mẫu lưu ở tệp riêng, không lẫn với dữ liệu thật của tỉnh; có thể trở về khai báo tỉnh bất cứ lúc nào.</p>
            <button type="button" disabled={busy} onClick={() => void openSample()}>
              Mở dữ liệu mẫu
            </button>
          </div>
        </section>
      )}

      {stage === 'setup' && (
        <form
          className="first-run-form"
          aria-label="Thông tin tỉnh, thành phố"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <div className="first-run-columns">
            <fieldset>
              <legend>Cơ quan báo cáo</legend>
              <div className="field">
                <span>Cấp</span>
                <div className="radio-row" role="radiogroup" aria-label="Cấp">
                  {(['tỉnh', 'thành phố'] as const).map((k) => (
                    <label key={k}>
                      <input type="radio" name="province-kind" checked={answers.provinceKind === k} onChange={() => set('provinceKind', k)} />{' '}
                      {k === 'tỉnh' ? 'Tỉnh' : 'Thành phố trực thuộc trung ương'}
                    </label>
                  ))}
                </div>
              </div>
              {field('province', `Tên ${answers.provinceKind}`, {
                placeholder: answers.provinceKind === 'tỉnh' ? 'ví dụ: Hà Giang' : 'ví dụ: Hải Phòng',
                hint: answers.province.trim() ? `Đơn vị tổng hợp: ${kindWord} ${answers.province.trim()}` : undefined,
              })}
              {field('standingAgency', 'Cơ quan thường trực về trẻ em', { hint: 'Cơ quan tổng hợp báo cáo, ví dụ Sở Y tế' })}
              {field('issuingBody', 'Tên ở đầu văn bản', { placeholder: issuingDefault, hint: 'Để trống: dùng tên cơ quan thường trực viết hoa' })}
            </fieldset>
            <fieldset>
              <legend>Người ký</legend>
              {field('signerName', 'Họ và tên', { placeholder: 'ví dụ: Nguyễn Văn An' })}
              {field('signerTitle', 'Chức vụ')}
              {field('signerAuthority', 'Thẩm quyền ký', { hint: 'ví dụ: KT. GIÁM ĐỐC; để trống nếu người đứng đầu ký' })}
            </fieldset>
            <fieldset>
              <legend>Kỳ báo cáo</legend>
              {field('year', 'Năm báo cáo')}
              {field('periodFrom', 'Số liệu từ ngày', { placeholder: 'ngày/tháng/năm' })}
              {field('periodTo', 'Đến ngày', { placeholder: 'ngày/tháng/năm' })}
              {field('deadline', 'Hạn đơn vị gửi báo cáo', { placeholder: 'ngày/tháng/năm', hint: 'In trên biểu mẫu gửi đơn vị; có thể ghi sau' })}
            </fieldset>
          </div>
          <div className="form-actions">
            <button type="submit" className="primary" disabled={busy}>
              Lưu và tiếp tục
            </button>
            <button type="button" onClick={() => setStage('choice')}>
              Quay lại
            </button>
            <span className="muted">Mọi thông tin đều sửa được sau ở bước Thiết lập.</span>
          </div>
        </form>
      )}

      {stage === 'units' && setUp && (
        <section className="first-run-units" aria-label="Danh sách đơn vị">
          <Notice kind="ok">
            Đã lưu thông tin {setUp.agency}. Danh sách đơn vị hiện có {kindWord.toLowerCase()} {answers.province.trim()} và {answers.standingAgency.trim()}; hãy
            nhập các sở, ngành, đoàn thể, công an, viện kiểm sát, tòa án, xã, phường từ tệp danh sách.
          </Notice>
          <UnitListImport api={api} info={setUp} onImported={() => void api.call('getAppInfo', {}).then(onDone)} />
          <div className="form-actions">
            <button type="button" onClick={() => onDone(setUp)}>
              Để sau, vào phần mềm
            </button>
            <span className="muted">Có thể nhập hoặc thêm đơn vị sau ở bước Thiết lập.</span>
          </div>
        </section>
      )}
    </div>
  );
}
