#!/usr/bin/env node
// Draws the app's icon (build/icon.png, 512×512) from an SVG made here: a report sheet with "121".
// electron-builder turns it into the Windows .ico. Run again only to change the drawing.
import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
  <rect x="16" y="16" width="480" height="480" rx="96" fill="#1f5fa8"/>
  <path d="M136 88h176l72 72v264a16 16 0 0 1-16 16H136a16 16 0 0 1-16-16V104a16 16 0 0 1 16-16z" fill="#ffffff"/>
  <path d="M312 88v56a16 16 0 0 0 16 16h56z" fill="#c9dbf2"/>
  <rect x="156" y="196" width="200" height="14" rx="7" fill="#c9dbf2"/>
  <rect x="156" y="228" width="160" height="14" rx="7" fill="#c9dbf2"/>
  <text x="256" y="392" text-anchor="middle" font-family="Liberation Sans, Arial, sans-serif" font-weight="700" font-size="132" fill="#1f5fa8">121</text>
</svg>`;
const png = new Resvg(svg, { fitTo: { mode: 'width', value: 512 }, font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans' } }).render().asPng();
mkdirSync(path.join(root, 'build'), { recursive: true });
writeFileSync(path.join(root, 'build', 'icon.png'), png);
console.log(`build/icon.png (${png.length} byte)`);
