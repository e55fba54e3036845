// The app's name and version, from package.json.
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

export const APP_NAME = 'Báo cáo 121';
export const APP_VERSION: string = pkg.version;
