// The serif font the chart is drawn with: Times New Roman where Windows or macOS has it, else a metric twin
// (Liberation Serif 2) or DejaVu Serif on Linux; only a font file that really holds the Vietnamese letters.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fontCovers } from './font-coverage.ts';

export interface ChartFont {
  family: string;
  files: string[];
}

function candidates(): ChartFont[] {
  const windowsFonts = path.join(process.env.WINDIR ?? 'C:\\Windows', 'Fonts');
  const mac = '/System/Library/Fonts/Supplemental';
  const linux = '/usr/share/fonts/truetype';
  return [
    { family: 'Times New Roman', files: [path.join(windowsFonts, 'times.ttf'), path.join(windowsFonts, 'timesbd.ttf')] },
    { family: 'Times New Roman', files: [`${mac}/Times New Roman.ttf`, `${mac}/Times New Roman Bold.ttf`] },
    { family: 'Times New Roman', files: [`${linux}/msttcorefonts/Times_New_Roman.ttf`, `${linux}/msttcorefonts/Times_New_Roman_Bold.ttf`] },
    { family: 'Liberation Serif', files: [`${linux}/liberation2/LiberationSerif-Regular.ttf`, `${linux}/liberation2/LiberationSerif-Bold.ttf`] },
    { family: 'Liberation Serif', files: [`${linux}/liberation/LiberationSerif-Regular.ttf`, `${linux}/liberation/LiberationSerif-Bold.ttf`] },
    { family: 'DejaVu Serif', files: [`${linux}/dejavu/DejaVuSerif.ttf`, `${linux}/dejavu/DejaVuSerif-Bold.ttf`] },
  ];
}

let found: ChartFont | null | undefined;

/** The first installed serif font whose regular face covers Vietnamese; null when there is none. */
export function findChartFont(): ChartFont | null {
  if (found !== undefined) return found;
  found = null;
  for (const c of candidates()) {
    const files = c.files.filter((f) => existsSync(f));
    if (files.length === 0 || files[0] !== c.files[0]) continue;
    if (fontCovers(readFileSync(files[0]!))) {
      found = { family: c.family, files };
      break;
    }
  }
  return found;
}
