// Filling a sentence template: `{name}` placeholders, and `[…]` parts that are left out when a placeholder
// in them comes out empty ("…[, {tre_change}]." loses ", tăng 05 em …" when there is no previous year).

/** A placeholder's text, how many figures it holds, and the labels of those nobody reported. */
export interface Filled {
  text: string;
  figures: number;
  missing: string[];
}

export type Resolve = (name: string) => Filled;

export const plain = (text: string): Filled => ({ text, figures: 0, missing: [] });

const PLACEHOLDER = /\{([a-z0-9_.]+)\}/g;

function fillPart(part: string, resolve: Resolve): Filled & { hasEmpty: boolean } {
  let figures = 0;
  let hasEmpty = false;
  const missing: string[] = [];
  const text = part.replace(PLACEHOLDER, (_m, name: string) => {
    const r = resolve(name);
    figures += r.figures;
    missing.push(...r.missing);
    if (r.text === '') hasEmpty = true;
    return r.text;
  });
  return { text, figures, missing, hasEmpty };
}

export function fillTemplate(template: string, resolve: Resolve): Filled {
  let text = '';
  let figures = 0;
  const missing: string[] = [];
  // Even indexes are plain text, odd ones the inside of […].
  template.split(/\[([^\]]*)\]/).forEach((part, i) => {
    const r = fillPart(part, resolve);
    if (i % 2 === 1 && r.hasEmpty) return;
    text += r.text;
    figures += r.figures;
    missing.push(...r.missing);
  });
  return { text, figures, missing };
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
