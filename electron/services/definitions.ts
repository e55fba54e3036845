// Which report definition each year is on, and moving a year to this app's definition when the user asks
// (after a backup of kind before_upgrade). A locked year never moves; a new year takes the app's
// definition (years.ts, ensureYear). The definitions themselves: electron/template-store.ts.
import type { DefinitionStatus, DefinitionUpgradeResult } from '../../shared/api-types.ts';
import { snapshotDatabase } from '../db/backup.ts';
import { readOnlyError, readOnlyNotice, databaseFile } from '../db/read-only.ts';
import { AppError, isAppError } from '../errors.ts';
import { parseAnnexLayout } from '../annex/layouts.ts';
import { loadOutline } from '../report/outline-store.ts';
import { parseTargets } from '../store/targets.ts';
import { activeDefinition, bindYear, definitionPart, definitionFiles, definitionForYear, loadWindowDefinition, type Definition } from '../template-store.ts';
import { templateRules } from './validation.ts';
import { audit } from '../store/audit.ts';
import { openContext, type ServiceContext } from '../store/context.ts';
import type { OpenOptions } from '../db/database.ts';
import { requireYear, yearStates } from '../store/years.ts';

const short = (hash: string) => hash.slice(0, 12);

/**
 * The cross-checks of a definition, each problem in Vietnamese naming its file and item: every indicator,
 * list and narrative cell the rules, annexes and outline refer to exists in the template; every item of a
 * list an annex shows is covered; annex headers name list items rather than repeating their labels.
 */
export function definitionProblems(def: Definition): string[] {
  const problems: string[] = [];
  const attempt = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      if (!isAppError(e)) throw e;
      problems.push(e.message);
    }
  };
  for (const [path, json] of definitionFiles(def, 'annexes')) attempt(() => parseAnnexLayout(json, path, def.template));
  attempt(() => loadOutline(def.template));
  attempt(() => templateRules(def.template));
  attempt(() => loadWindowDefinition(def.template));
  attempt(() => {
    const targets = definitionPart(def, 'targets');
    if (targets !== undefined) parseTargets(targets, def.template, { indicators: true });
  });
  return problems;
}

const sound = new Set<string>();

/** Refuses a definition that does not hold together (checked once per definition, when the app loads it). */
export function assertDefinitionSound(def: Definition): void {
  if (sound.has(def.hash)) return;
  const problems = definitionProblems(def);
  if (problems.length) {
    throw new AppError(
      'template_invalid',
      `Định nghĩa báo cáo ${def.id} phiên bản ${def.version} có chỗ không khớp nhau:\n- ${problems.join('\n- ')}\nHãy cài lại phần mềm (hoặc báo cho người soạn mẫu báo cáo).`,
    );
  }
  sound.add(def.hash);
}

/** Opens a database the way the app does (window, bridge, CLI): the context, and its definition cross-checked. */
export function openCheckedContext(file: string, options: OpenOptions = {}): ServiceContext {
  const ctx = openContext(file, options);
  try {
    assertDefinitionSound(activeDefinition(ctx.db));
    return ctx;
  } catch (e) {
    ctx.db.close();
    throw e;
  }
}

export function definitionStatus(ctx: ServiceContext): DefinitionStatus {
  const current = activeDefinition(ctx.db);
  const years = yearStates(ctx).map((y) => {
    const def = definitionForYear(ctx.db, y.year);
    return { year: y.year, version: def.version, hash: short(def.hash), locked: y.locked, current: def.hash === current.hash };
  });
  return {
    current: { id: current.id, version: current.version, hash: short(current.hash) },
    years,
    upgradable: years.filter((y) => !y.current && !y.locked && y.version <= current.version).map((y) => y.year),
  };
}

/**
 * Moves a year to this app's definition: its checks, annexes, report and workbooks follow the new one
 * from then on. A backup (kind before_upgrade) is made first; the change is logged.
 */
export function upgradeYearDefinition(ctx: ServiceContext, year: number): DefinitionUpgradeResult {
  requireYear(ctx, year);
  if (readOnlyNotice(ctx.db) !== null || ctx.db.readonly) throw readOnlyError(databaseFile(ctx.db));
  const state = definitionStatus(ctx).years.find((y) => y.year === year)!;
  const from = definitionForYear(ctx.db, year);
  const to = activeDefinition(ctx.db);
  if (state.locked) {
    throw new AppError(
      'year_locked',
      `Năm ${year} đã chốt số liệu nên giữ nguyên định nghĩa báo cáo đã dùng (phiên bản ${from.version}). Hãy mở khóa năm ${year} (kèm lý do) nếu cần chuyển sang phiên bản ${to.version}.`,
    );
  }
  if (from.hash === to.hash)
    throw new AppError('definition_current', `Năm ${year} đã dùng định nghĩa báo cáo hiện hành (phiên bản ${to.version}); không cần nâng cấp.`);
  if (from.version > to.version) {
    throw new AppError(
      'definition_current',
      `Năm ${year} dùng định nghĩa báo cáo phiên bản ${from.version}, mới hơn phiên bản ${to.version} của phần mềm này. Hãy cập nhật phần mềm.`,
    );
  }
  const backup = snapshotDatabase(ctx.db, 'before_upgrade', `dinh-nghia-${year}`);
  ctx.db.transaction(() => {
    bindYear(ctx.db, year, to, ctx.now());
    audit(ctx, {
      action: 'year.definition_upgrade',
      entity: 'year',
      entityId: year,
      oldValue: { version: from.version, hash: from.hash },
      newValue: { version: to.version, hash: to.hash },
    });
  })();
  return { year, from: { version: from.version, hash: short(from.hash) }, to: { version: to.version, hash: short(to.hash) }, backup };
}
