// Paths as people paste them into a text box: Windows' "Copy as path" puts each path in double quotes
// ("C:\Báo cáo\x.xlsx"), several paths come one per line or side by side in quotes, network folders start
// with \\server\share. Pure; the services receive the paths clean. The letters are left as they are (no
// Unicode normalisation): a file's name on disk may be stored decomposed.

const QUOTES: Record<string, string> = { '"': '"', "'": "'", '“': '”', '„': '”', '«': '»' };

/** One path without the quotes and spaces around it ("C:\x.xlsx" → C:\x.xlsx); anything else as typed. */
export function unquotePath(text: string): string {
  let t = text.trim();
  for (;;) {
    const close = QUOTES[t.charAt(0)];
    if (!close || t.length < 2 || !t.endsWith(close)) return t;
    t = t.slice(1, -1).trim();
  }
}

/**
 * Every path in a pasted text: quoted paths wherever they stand (side by side or one per line), the other
 * lines each one path (a path may hold spaces). Empty lines are dropped; a UNC path (\\server\share\…) is kept
 * as written.
 */
export function pastedPaths(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const quoted = [...line.matchAll(/"([^"]+)"|“([^”]+)”/g)];
    const rest = line.replace(/"[^"]+"|“[^”]+”/g, '').trim();
    if (quoted.length > 0 && rest === '') {
      for (const m of quoted) out.push((m[1] ?? m[2]!).trim());
    } else {
      out.push(unquotePath(line));
    }
  }
  return out.filter(Boolean);
}
