// The window: title bar with the year, the rail of the season's steps, the step's screen, the status bar.
import { gridHistory } from '../screens/figures/undoHistory.ts';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AppInfo, TemplateInfo, YearStatus } from '../../shared/api-types.ts';
import { errorMessage, type ApiClient } from '../api/client.ts';
import { CheckScreen } from '../screens/check/CheckScreen.tsx';
import { CollectScreen } from '../screens/collect/CollectScreen.tsx';
import { FiguresScreen } from '../screens/figures/FiguresScreen.tsx';
import { ReportScreen } from '../screens/report/ReportScreen.tsx';
import { SendScreen } from '../screens/send/SendScreen.tsx';
import { FirstRun } from '../screens/setup/FirstRun.tsx';
import { SetupScreen } from '../screens/setup/SetupScreen.tsx';
import { AppContext, type AppState, type CellTarget, type SelectionSummary, type Step } from './context.ts';
import { RecordsScreen } from '../screens/records/RecordsScreen.tsx';
import { Rail, RECORDS_STEP, STEPS } from './Rail.tsx';
import { StatusBar } from './StatusBar.tsx';
import { TitleBar } from './TitleBar.tsx';

export function App({ api }: { api: ApiClient }) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [template, setTemplate] = useState<TemplateInfo | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const [period, setPeriod] = useState<string | undefined>(undefined);
  const [step, setStep] = useState<Step>('setup');
  const [target, setTarget] = useState<CellTarget | null>(null);
  const [status, setStatus] = useState<YearStatus | null>(null);
  const [selection, setSelection] = useState<SelectionSummary | null>(null);
  const [statusGeneration, setStatusGeneration] = useState(0);
  const [droppedPaths, setDroppedPaths] = useState<string[] | null>(null);
  const [settingsDrafts, setSettingsDrafts] = useState<Record<number, Record<string, string>>>({});
  const setSettingsDraft = useCallback((y: number, draft: Record<string, string> | null) => {
    setSettingsDrafts((all) => {
      const next = { ...all };
      if (draft) next[y] = draft;
      else delete next[y];
      return next;
    });
  }, []);

  const refreshInfo = useCallback(() => {
    api
      .call('getAppInfo', {})
      .then(setInfo)
      .catch((e: unknown) => setFailure(errorMessage(e)));
  }, [api]);

  // Another database opened (the first run's choice, the sample and back): everything is read again.
  const reopen = useCallback(
    (next?: AppInfo) => {
      Promise.all([next ? Promise.resolve(next) : api.call('getAppInfo', {}), api.call('getTemplateInfo', {})])
        .then(([i, t]) => {
          setInfo(i);
          setTemplate(t);
          setYear(i.reportingYear);
          setStep('setup');
          setSettingsDrafts({});
          gridHistory.clear();
          setStatusGeneration((g) => g + 1);
        })
        .catch((e: unknown) => setFailure(errorMessage(e)));
    },
    [api],
  );

  useEffect(() => reopen(), [reopen]);

  useEffect(() => {
    if (year === null) return;
    let live = true;
    api
      .call('yearStatus', { year })
      .then((s) => live && setStatus(s))
      .catch(() => live && setStatus(null));
    return () => {
      live = false;
    };
  }, [api, year, statusGeneration]);

  const goTo = useCallback((next: Step, cell?: CellTarget) => {
    setTarget(cell ?? null);
    setSelection(null);
    setStep(next);
  }, []);

  useEffect(() => {
    // Alt+1 … Alt+6 switch steps from anywhere, as the rail's numbers say.
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const s = STEPS[Number(e.key) - 1];
      if (s) {
        e.preventDefault();
        goTo(s.step);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [goTo]);

  useEffect(() => {
    // Files or a folder dropped anywhere on the window go to Thu nhận (desktop: only Electron knows their paths).
    const desktop = api.desktop;
    if (!desktop) return;
    const onDragOver = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const onDrop = (e: DragEvent) => {
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length === 0) return;
      e.preventDefault();
      const paths = files.map((f) => desktop.pathForFile(f)).filter(Boolean);
      if (paths.length === 0) return;
      setDroppedPaths(paths);
      goTo('collect');
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [api, goTo]);

  const takeDroppedPaths = useCallback(() => {
    const paths = droppedPaths;
    if (paths) setDroppedPaths(null);
    return paths;
  }, [droppedPaths]);

  const state = useMemo<AppState | null>(
    () =>
      info && template && year !== null
        ? {
            api,
            info,
            template,
            year,
            period,
            setPeriod,
            status,
            refreshStatus: () => setStatusGeneration((g) => g + 1),
            refreshInfo,
            goTo,
            setSelection,
            droppedPaths,
            takeDroppedPaths,
            settingsDrafts,
            setSettingsDraft,
          }
        : null,
    [api, info, template, year, period, status, refreshInfo, goTo, droppedPaths, takeDroppedPaths, settingsDrafts, setSettingsDraft],
  );

  if (failure) return <div className="fatal">Không mở được dữ liệu: {failure}</div>;
  if (!state) return <div className="fatal muted">Đang mở dữ liệu…</div>;
  if (state.info.firstRun && !state.info.sample) return <FirstRun key={state.info.dbFile} api={api} info={state.info} onDone={reopen} />;

  return (
    <AppContext.Provider value={state}>
      <div className="window">
        {state.info.sample && (
          <div className="sample-banner" role="status">
            <strong>Dữ liệu mẫu</strong>
            <span>Đang xem tỉnh giả định để thử phần mềm; số liệu ở đây không phải của tỉnh, không dùng để báo cáo.</span>
            <button type="button" onClick={() => void api.call('openProvinceData', {}).then(reopen, (e: unknown) => setFailure(errorMessage(e)))}>
              Trở về dữ liệu của tỉnh
            </button>
          </div>
        )}
        <TitleBar
          onYear={(y) => {
            setYear(y);
            setPeriod(undefined);
            setSelection(null);
          }}
          onYearsChanged={refreshInfo}
        />
        <div className="body">
          <Rail step={step} onStep={(s) => goTo(s)} />
          <main className="screen" aria-label={[...STEPS, RECORDS_STEP].find((s) => s.step === step)?.label}>
            {step === 'setup' && <SetupScreen />}
            {step === 'send' && <SendScreen />}
            {step === 'collect' && <CollectScreen />}
            {step === 'check' && <CheckScreen />}
            {step === 'figures' && <FiguresScreen key={`${year}`} target={target} />}
            {step === 'report' && <ReportScreen />}
            {step === 'records' && <RecordsScreen />}
          </main>
        </div>
        <StatusBar selection={selection} />
      </div>
    </AppContext.Provider>
  );
}
