// What the window needs to know about a report definition (templates/<id>/window.json), checked with zod:
// the unit kind of the standing agency, the grid's tab names, and the trend chart. Engine code reads
// these here instead of naming a kind, a sheet or an indicator of one template.
import { z } from 'zod';

export const windowDefinitionSchema = z.strictObject({
  about: z.string().optional(),
  /** The unit kind of the standing agency: its unit's name is the compiling agency's. */
  standingKind: z.string().min(1),
  /** A grid tab's name when it is not the sheet's name (SO_LIEU → "Số liệu khác"). */
  tabLabels: z.record(z.string(), z.string().min(1)).default({}),
  /** The window's chart: a matrix sheet's rows as series, its column `measure` summed per year. */
  trend: z
    .strictObject({
      sheet: z.string().min(1),
      measure: z.string().min(1),
      /** `{measure}` is the measure's label. */
      title: z.string().min(1),
    })
    .optional(),
});

export type WindowDefinition = z.infer<typeof windowDefinitionSchema>;
