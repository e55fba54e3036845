// Corrections typed in the "Số liệu" grid: several figures with one reason (a pasted block, Delete over a
// selection, an undo) stored all or nothing, each through correctFigure (checked, logged, over the value
// the unit sent), and returned as the grid shows them.
import type { FigureUpdate } from '../../shared/api-types.ts';
import type { ServiceContext } from '../store/context.ts';
import { correctFigure } from './corrections.ts';

export interface FigureCorrection {
  unit: string;
  code: string;
  /** The figure in use from now on; null leaves the cell blank (not reported). */
  value: number | null;
}

export function correctFigures(ctx: ServiceContext, year: number, reason: string, changes: readonly FigureCorrection[]): FigureUpdate[] {
  return ctx.db.transaction(() =>
    changes.map((change): FigureUpdate => {
      const c = correctFigure(ctx, { unit: change.unit, year, code: change.code, value: change.value, reason });
      // Back to what the unit sent (an undo): no longer shown as corrected; the log keeps both steps.
      const correction = c.value === c.submitted ? null : { value: c.value, reason: c.reason, by: c.by, at: c.at };
      return { unit: c.unit, code: c.code, value: c.value, submitted: c.submitted, correction };
    }),
  )();
}
