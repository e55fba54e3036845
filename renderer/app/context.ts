// What every screen of the window shares: the API, the database's facts, the year, and how to move around.
import { createContext, useContext } from 'react';
import type { AppInfo, TemplateInfo, YearStatus } from '../../shared/api-types.ts';
import type { ApiClient } from '../api/client.ts';

export type Step = 'setup' | 'send' | 'collect' | 'check' | 'figures' | 'report' | 'records';

/** A figure to show in "Số liệu": the sheet's tab, the unit's row, the indicator's column. */
export interface CellTarget {
  sheet: string;
  unit: string | null;
  code: string | null;
}

export interface SelectionSummary {
  sum: number;
  count: number;
}

export interface AppState {
  api: ApiClient;
  info: AppInfo;
  template: TemplateInfo;
  year: number;
  /** The report period's key when not the whole year ("2026-H1", a review "2023-01-01..2026-12-31"); undefined = the year. */
  period: string | undefined;
  setPeriod(period: string | undefined): void;
  status: YearStatus | null;
  /** Counts in the rail and the status bar change after imports, corrections and acknowledgements. */
  refreshStatus(): void;
  /** Settings changed: the title bar's agency name may have changed. */
  refreshInfo(): void;
  goTo(step: Step, target?: CellTarget): void;
  setSelection(summary: SelectionSummary | null): void;
  /** Files dropped anywhere on the window (desktop only), waiting for Thu nhận to import them. */
  droppedPaths: string[] | null;
  takeDroppedPaths(): string[] | null;
  /** The settings form's unsaved text per year and field: kept while the user moves between steps. */
  settingsDrafts: Record<number, Record<string, string>>;
  setSettingsDraft(year: number, draft: Record<string, string> | null): void;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error('useApp outside AppContext');
  return state;
}
