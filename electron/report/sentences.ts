// Filling a sentence template: `{name}` placeholders, and `[…]` parts that are left out when a placeholder
// in them comes out empty ("…[, {tre_change}]." loses ", tăng 05 em …" when there is no previous year).

/** A figure whose sum some expected units left blank: its label, its place among the sentence's figures, who gave it and who did not. */
export interface CoverageNote {
  label: string;
  index: number;
  reported: NamedUnit[];
  blank: NamedUnit[];
}

export interface NamedUnit {
  code: string;
  name: string;
  kind: string;
}

/** A placeholder's text, how many figures it holds, the labels of those nobody reported, and incomplete sums. */
export interface Filled {
  text: string;
  figures: number;
  missing: string[];
  notes?: CoverageNote[];
}

export type Resolve = (name: string) => Filled;

export const plain = (text: string): Filled => ({ text, figures: 0, missing: [] });

const PLACEHOLDER = /\{([a-z0-9_.]+)\}/g;

function fillPart(part: string, resolve: Resolve): Filled & { hasEmpty: boolean; notes: CoverageNote[] } {
  let figures = 0;
  let hasEmpty = false;
  const missing: string[] = [];
  const notes: CoverageNote[] = [];
  const text = part.replace(PLACEHOLDER, (_m, name: string) => {
    const r = resolve(name);
    for (const n of r.notes ?? []) notes.push({ ...n, index: n.index + figures });
    figures += r.figures;
    missing.push(...r.missing);
    if (r.text === '') hasEmpty = true;
    return r.text;
  });
  return { text, figures, missing, hasEmpty, notes };
}

export function fillTemplate(template: string, resolve: Resolve): Filled {
  let text = '';
  let figures = 0;
  const missing: string[] = [];
  const notes: CoverageNote[] = [];
  // Even indexes are plain text, odd ones the inside of […].
  template.split(/\[([^\]]*)\]/).forEach((part, i) => {
    const r = fillPart(part, resolve);
    if (i % 2 === 1 && r.hasEmpty) return;
    text += r.text;
    for (const n of r.notes) notes.push({ ...n, index: n.index + figures });
    figures += r.figures;
    missing.push(...r.missing);
  });
  return { text, figures, missing, notes };
}

/** Fills `{name}` from a plain map (phrases of the outline); unknown names stay as they are. */
export function fillPhrase(phrase: string, values: Record<string, string>): string {
  return phrase.replace(PLACEHOLDER, (m, name: string) => values[name] ?? m);
}

/** Puts a note before the sentence's final punctuation: "… 33." + "(…)" → "… 33 (…)." */
export function beforeFinalStop(sentence: string, note: string): string {
  const m = /[.;:]$/.exec(sentence);
  return m ? `${sentence.slice(0, -1)} ${note}${m[0]}` : `${sentence} ${note}`;
}
