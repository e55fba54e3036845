// The import's XML tokenizer against saxes (the parser it replaced, still installed with exceljs): on the
// same inputs, the same verdict (well-formed or not) and, when well-formed, the same elements,
// attributes and text; fed whole, in slices at every position, and as UTF-8 bytes with or without a BOM.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { describe, expect, it } from 'vitest';
import { parseXmlBytes, XmlTokenizer, type XmlHandlers } from '../../electron/import/xlsx/xml-tokenizer.ts';

const local = (name: string) => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

type Verdict = { ok: true; events: string[] } | { ok: false };

/** The events as a list of strings; adjacent text pieces merged (both parsers may cut text anywhere). */
function collector(): { h: XmlHandlers; events: string[] } {
  const events: string[] = [];
  const h: XmlHandlers = {
    open(name, a) {
      // Each value as `get` gives it, and as `read` sees it in place.
      const attrs = a.names().map((n) => `${n}=${JSON.stringify(a.get(n))}/${JSON.stringify(a.read(n, (t, s, e) => t.slice(s, e)))}`);
      // An empty-element tag as `<name attrs/>`.
      events.push(`<${name} ${attrs.join(' ')}${a.empty() ? '/' : ''}>`);
    },
    text(t) {
      if (events.length && events[events.length - 1]!.startsWith('#')) events[events.length - 1] += t;
      else events.push(`#${t}`);
    },
    close(name) {
      events.push(`</${name}>`);
    },
  };
  return { h, events };
}

function viaSaxes(xml: string): Verdict {
  const parser = new SaxesParser({ xmlns: false, position: false });
  let failed = false;
  const { h, events } = collector();
  parser.on('error', () => {
    failed = true;
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const attrs = tag.attributes as Record<string, string>;
    h.open(local(tag.name), {
      get: (n) => attrs[n],
      names: () => Object.keys(attrs),
      read: (n, f) => (attrs[n] === undefined ? undefined : f(attrs[n], 0, attrs[n].length)),
      empty: () => tag.isSelfClosing,
    });
  });
  parser.on('text', (t) => h.text!(t));
  parser.on('cdata', (t) => h.text!(t));
  parser.on('closetag', (tag) => h.close!(local(tag.name)));
  parser.write(xml);
  parser.close();
  // Text outside the root is whitespace only in a well-formed document; the tokenizer does not report it.
  return failed ? { ok: false } : { ok: true, events: events.filter((e, i) => !(e.startsWith('#') && isOutside(events, i))) };
}

/** Whether the event at i lies before the first or after the last element event. */
function isOutside(events: string[], i: number): boolean {
  const first = events.findIndex((e) => !e.startsWith('#'));
  const last = events.length - 1 - [...events].reverse().findIndex((e) => !e.startsWith('#'));
  return i < first || i > last;
}

function viaTokenizer(xml: string, cuts: number[] = []): Verdict {
  const { h, events } = collector();
  try {
    const tok = new XmlTokenizer(h);
    let from = 0;
    for (const c of cuts) {
      tok.write(xml.slice(from, c));
      from = c;
    }
    tok.write(xml.slice(from));
    tok.close();
    return { ok: true, events };
  } catch (e) {
    if ((e as Error).constructor.name !== 'XmlError') throw e;
    return { ok: false };
  }
}

const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// Well-formed inputs of the kinds an .xlsx package holds, and their edge cases.
const GOOD: string[] = [
  `${DECL}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" s="3" t="s"><v>12</v></c><c r="B1"/></row></sheetData></worksheet>`,
  `${DECL}<x:worksheet xmlns:x="urn:x"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1.5</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
  `<sst count='2' uniqueCount='2'><si><t>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;</t></si><si><t xml:space="preserve"> x </t></si></sst>`,
  '<r><t>&#65;&#x42;&#x1F600;&#xd7ff;&#9;&#10;&#13;&#x0001F601;</t></r>',
  '<r><t><![CDATA[a < b && c ]] > d]]></t><t>x<![CDATA[]]>y</t></r>',
  '<r a="1&#10;2" b="x\ty" c="p\r\nq" d="s\rt" e="&lt;&amp;&gt;" f=\'say "hi"\' g="it\'s"/>',
  '<r>line1\r\nline2\rline3\n</r>',
  '<r>\r\n  <c/>\r\n</r>\r\n',
  '<!-- head --><?mso-application progid="Excel.Sheet"?><r><!-- in - side --><?pi body??><a/></r><!-- tail -->\n<?after?>',
  '\uFEFF<r/>',
  '<r   a = "1"   b\n=\n\'2\'   ></r  >',
  '<r>Phụ lục 01 — ô C8: Việt Nam 😀 ]] > text</r>',
  '<a:b:c x:y:z="1"><d.e-f_g/></a:b:c>',
  '<r><Ünïcödé attr·x="1"/></r>',
  `${DECL}<r>${'<c r="A1"><v>1</v></c>'.repeat(50)}</r>`,
  '<?xml version="1.0"?><r/>',
  "<?xml version='1.0' encoding='windows-1258'?><r/>",
  '<?xml version="1.0" standalone="no" ?><r/>',
  '<r>]</r>',
  '<r>]]</r>',
  '<r>a]]b&gt;</r>',
  '<r x=""/>',
];

// Not well-formed: saxes refuses each of these, and so must the tokenizer.
const BAD: string[] = [
  '<r><a></b></r>', // mismatched close tag
  '<r><a></r>', // unclosed inner tag, wrong close
  '<r><a>', // unclosed at end
  '<r>', // unclosed root
  '', // no root
  '   ', // no root
  'text<r/>', // text before the root
  '<r/>text', // text after the root
  '<r/><r/>', // two roots
  '<r/>&amp;', // a reference outside the root
  '<![CDATA[x]]><r/>', // CDATA outside the root
  '<r/><![CDATA[x]]>',
  '<r a=1/>', // unquoted value
  '<r a/>', // attribute without value
  '<r a="1"b="2"/>', // no whitespace between attributes
  '<r a="1" a="2"/>', // duplicate attribute
  '<r x:a="1" x:a="2"/>',
  '<r a="<"/>', // '<' in a value
  '<r a="&"/>', // bare '&' in a value
  '<r a="&unknown;"/>', // unknown entity in a value
  '<r>&unknown;</r>', // unknown entity
  '<r>&amp</r>', // unterminated reference
  '<r>a & b</r>', // bare '&'
  '<r>&;</r>', // empty reference
  '<r>&#;</r>',
  '<r>&#x;</r>',
  '<r>&#X41;</r>', // uppercase X is not a hex reference
  '<r>&#0;</r>', // not a character
  '<r>&#xD800;</r>', // a surrogate
  '<r>&#xFFFE;</r>',
  '<r>&#x110000;</r>',
  '<r>&#99999999999999999999;</r>',
  '<r>a ]]> b</r>', // "]]>" in text
  '<r>\u0001</r>', // disallowed characters
  '<r>\u000B</r>',
  '<r>\uFFFF</r>',
  '<r a="\u0000"/>',
  '<r>\uD800</r>', // a lone surrogate
  '<r>\uDC00x</r>',
  '<r><!-- a -- b --></r>', // "--" in a comment
  '<r><!-- a ---></r>',
  '<r><!-x--></r>', // incorrect syntax
  '<r><!ELEMENT x></r>',
  '<1r/>', // bad names
  '<r><-a/></r>',
  '<r 1a="1"/>',
  '<r a="1" ="2"/>',
  '< r/>',
  '<r></ r>',
  '<r></r x>',
  '<r/ >',
  '<r><a/ ></r>',
  '</r>',
  '<r></r></r>',
  '<r>x</>',
  '<?xml version="1.0"?><?xml version="1.0"?><r/>', // the declaration twice
  ' <?xml version="1.0"?><r/>', // the declaration not at the start
  '<r/><?xml version="1.0"?>',
  '<r><?XML x?></r>', // reserved target
  '<?xml?><r/>', // no version
  '<?xml version="2.0"?><r/>',
  '<?xml version="1.0"encoding="UTF-8"?><r/>',
  '<?xml encoding="UTF-8"?><r/>',
  '<?xml version="1.0" standalone="maybe"?><r/>',
  '<?xml version="1.0" encoding="8bit"?><r/>',
  '<? x?><r/>', // PI without a target
  '<r><?>?></r>',
  '<!DOCTYPE r [<!ENTITY e "x">]><r>&e;</r>', // an entity of a DTD
  '<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><r a="&xxe;"/>',
  '<r><!-- never closed',
  '<r><![CDATA[never closed',
  '<r a="never closed',
  '<r><?pi never closed',
];

describe('xml tokenizer = saxes', () => {
  it.each(GOOD.map((x, i) => [i, x]))('well-formed #%i is read as saxes reads it', (_i, xml) => {
    const expected = viaSaxes(xml);
    expect(expected.ok, 'saxes itself accepts it').toBe(true);
    expect(viaTokenizer(xml)).toEqual(expected);
  });

  it.each(BAD.map((x, i) => [i, x]))('not well-formed #%i is refused, as saxes refuses it', (_i, xml) => {
    expect(viaSaxes(xml).ok, 'saxes itself refuses it').toBe(false);
    expect(viaTokenizer(xml).ok).toBe(false);
  });

  it('gives the same answer whatever the slices it is fed in (cut at every position, and in three)', () => {
    for (const xml of [...GOOD, ...BAD]) {
      const whole = viaTokenizer(xml);
      for (let c = 0; c <= xml.length; c++) expect(viaTokenizer(xml, [c]), `${JSON.stringify(xml)} cut at ${c}`).toEqual(whole);
      for (let c = 1; c + 1 < xml.length; c += 3) expect(viaTokenizer(xml, [c, c + 1]), `${JSON.stringify(xml)} cut at ${c},${c + 1}`).toEqual(whole);
    }
  });

  it('is stricter than saxes in two places on purpose: a DOCTYPE, and an XML version other than 1.0', () => {
    for (const xml of ['<!DOCTYPE r><r/>', '<?xml version="1.1"?><r/>']) {
      expect(viaSaxes(xml).ok).toBe(true);
      expect(viaTokenizer(xml).ok).toBe(false);
    }
    // saxes resolves names of Object.prototype as entities; the tokenizer knows only the five of XML.
    expect(viaTokenizer('<r>&constructor;</r>').ok).toBe(false);
  });

  it('reads UTF-8 bytes with and without a byte-order mark, in slices that cut characters', () => {
    const xml = `${DECL}<r a="Việt">Phụ lục 😀 ${'ô C8 '.repeat(40)}</r>`;
    const expected = viaSaxes(xml);
    for (const bom of [false, true]) {
      const bytes = Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(xml, 'utf8')]);
      for (const chunk of [1, 2, 3, 5, 7, 64, 1 << 20]) {
        const { h, events } = collector();
        parseXmlBytes(bytes, h, chunk);
        expect({ ok: true, events }, `bom ${bom}, chunk ${chunk}`).toEqual(expected);
      }
    }
  });

  it('reads a part with a long plain-ASCII head (read as latin1) and UTF-8 after it as it reads the text whole', () => {
    // Heads of several lengths around the 4 KiB blocks the ASCII check works in; after the head, Vietnamese,
    // a U+FEFF character right where the head ends (a character there, not a byte-order mark) and a bad byte.
    const cells = (n: number) => Array.from({ length: n }, (_, i) => `<c r="B${i + 1}" s="1"><v>${i}</v></c>`).join('');
    for (const n of [1, 120, 140, 200, 400]) {
      for (const tail of ['<t a="Việt">Phụ lục 😀</t>', '\uFEFF<t>ô</t>', '<t>\uFEFFô</t>']) {
        const xml = `${DECL}<r>${cells(n)}${tail}</r>`;
        const expected = viaSaxes(xml);
        expect(expected.ok).toBe(true);
        for (const bom of [false, true]) {
          const bytes = Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(xml, 'utf8')]);
          for (const chunk of [7, 4096, 1 << 20]) {
            const { h, events } = collector();
            parseXmlBytes(bytes, h, chunk);
            expect({ ok: true, events }, `${n} cells, bom ${bom}, chunk ${chunk}`).toEqual(expected);
          }
        }
      }
      // A byte that is not UTF-8 after the head reads as U+FFFD, as a whole decode reads it.
      const bad = Buffer.concat([Buffer.from(`${DECL}<r>${cells(n)}<t>`), Buffer.from([0xc3, 0x28]), Buffer.from('</t></r>')]);
      const { h, events } = collector();
      parseXmlBytes(bad, h);
      expect({ ok: true, events }).toEqual(viaTokenizer(new TextDecoder().decode(bad)));
      expect(events.slice(-4)).toEqual(['<t >', '#\uFFFD(', '</t>', '</r>']);
    }
  });

  it('checks text it is told not to build: a bad reference in unwanted text is still refused', () => {
    const run = (xml: string) => {
      const tok = new XmlTokenizer({ open() {}, text() {}, wantsText: () => false });
      tok.write(xml);
      tok.close();
    };
    expect(() => run('<r>&amp; ok</r>')).not.toThrow();
    expect(() => run('<r>&nope;</r>')).toThrow();
    expect(() => run('<r>a ]]> b</r>')).toThrow();
  });

  it('reads a plain tag (its fast path) as the general path reads the same tag spaced differently, and as saxes', () => {
    // Attribute parts of a cell tag. `<c${attrs}/>` is plain when it is well-formed; `<c${attrs} />` (a space
    // before the end) never is, so the tokenizer reads it with its general path.
    const many = (n: number) => Array.from({ length: n }, (_, i) => ` a${i}="${i}"`).join('');
    const ATTRS = [
      ' r="H8" s="21"',
      ' r="H8" s="21" t="s"',
      '',
      ' r=""',
      ' x:r="A1" r="A1" y.z-w_v="1:8"',
      ' r="A1" v="it\'s" w="x>y" u="Việt" q="😀"',
      ' r="A1" t="&amp;&#65;"',
      many(16),
      many(17),
      ' r="A1" r="B1"', // duplicate
      ' x:r="A1" x:r="B1"',
      `${many(16)} a3="x"`,
      `${many(17)} a16="x"`,
      ' r=A1', // unquoted
      " r='A1'",
      ' r="A<1"', // '<' in a value
      ' r="&bad;"', // a bad reference
      ' r="A&1"',
      ' r="A1"s="2"', // no whitespace between attributes
      ' 1r="A1"', // bad names
      ' r-="1" -r="2"',
      ' r',
      ' r ="A1"',
      ' r= "A1"',
      ' r="A\u00011"', // a disallowed character
      ' r="A1\tB\nC\r\nD"', // line ends in a value
    ];
    for (const attrs of ATTRS) {
      for (const [open, close] of [
        [`<c${attrs}/>`, `<c${attrs} />`],
        [`<c${attrs}></c>`, `<c${attrs} ></c>`],
        [`<x:c${attrs}/>`, `<x:c${attrs} />`],
      ]) {
        const plain = `<r>${open}${open}</r>`;
        const general = `<r>${close}${close}</r>`;
        const expected = viaSaxes(general);
        expect(viaTokenizer(general), general).toEqual(expected);
        expect(viaTokenizer(plain), plain).toEqual(viaSaxes(plain));
        expect(viaTokenizer(plain), plain).toEqual(expected);
        // Cut at every position: a plain tag cut by the buffer's end is read by the general path.
        for (let c = 0; c <= plain.length; c++) expect(viaTokenizer(plain, [c]), `${plain} cut at ${c}`).toEqual(expected);
      }
    }
    // A second root written as a plain tag is refused, as written any other way.
    for (const xml of ['<r/><c r="A1"/>', '<r></r><c r="A1">', '<c r="A1"/><c r="A1"/>']) {
      expect(viaSaxes(xml).ok).toBe(false);
      expect(viaTokenizer(xml).ok, xml).toBe(false);
    }
  });

  it('refuses a part that leaves 100,000 tags open, and reads 100,000 empty ones', () => {
    const xml = `<r>${'<a>'.repeat(100_000)}`;
    expect(viaTokenizer(xml).ok).toBe(false);
    expect(viaTokenizer(`<r>${'<a x="1"/>'.repeat(100_000)}</r>`).ok).toBe(true);
  });
});
