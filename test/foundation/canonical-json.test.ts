// The canonical JSON a definition's hash is taken of (electron/template-store.ts): keys sorted by UTF-16
// code units at every depth, undefined members left out, undefined array items as null, no spaces. A
// database stores definitions by this hash, so the text must not change from one version to the next.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, definitionHash } from '../../electron/template-store.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth, drops undefined members and writes undefined items as null', () => {
    const value = { b: [undefined, 2, { z: 'z', a: null }], a: undefined, é: 1, Z: true, '10': 'ten', '9': 'nine', c: {} };
    // Written out by hand: "10" < "9" < "Z" < "b" < "c" < "é" as UTF-16 code units.
    expect(canonicalJson(value)).toBe('{"10":"ten","9":"nine","Z":true,"b":[null,2,{"a":null,"z":"z"}],"c":{},"é":1}');
  });

  it('writes scalars, empty containers and strings needing escapes as JSON does', () => {
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson({ x: undefined })).toBe('{}');
    expect(canonicalJson('a"b\n')).toBe('"a\\"b\\n"');
    expect(canonicalJson(1.5)).toBe('1.5');
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('hashes a definition as the sha256 of that text', () => {
    const manifest = { id: 't', version: 1, parts: [{ path: 'template.json', role: 'template' }] };
    const parts = { 'template.json': { b: 1, a: [2] } };
    const text = '{"manifest":{"id":"t","parts":[{"path":"template.json","role":"template"}],"version":1},"parts":{"template.json":{"a":[2],"b":1}}}';
    expect(definitionHash(manifest, parts)).toBe(createHash('sha256').update(text).digest('hex'));
  });
});
