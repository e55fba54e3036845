// The report definition: read from templates/<id>/ (checked with zod), and kept in the database
// so that a database always reads with the template it was made with.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { templateDefinitionSchema, type TemplateDefinition } from '../shared/template-schema.ts';
import type { UnitInput } from '../shared/types.ts';
import { AppError } from './errors.ts';
import type { Db } from './db/database.ts';

export const TEMPLATES_DIR = fileURLToPath(new URL('../templates/', import.meta.url));
export const DEFAULT_TEMPLATE_ID = 'nq121';

export function templatePath(id: string, file: string): string {
  return `${TEMPLATES_DIR}${id}/${file}`;
}

export function parseTemplate(json: unknown): TemplateDefinition {
  const parsed = templateDefinitionSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new AppError('template_invalid', `Định nghĩa mẫu báo cáo không hợp lệ: ${first?.path.join('.') ?? ''} ${first?.message ?? ''}`);
  }
  return parsed.data;
}

export function loadTemplateFile(id = DEFAULT_TEMPLATE_ID): TemplateDefinition {
  return parseTemplate(JSON.parse(readFileSync(templatePath(id, 'template.json'), 'utf8')));
}

export function loadDefaultUnits(id = DEFAULT_TEMPLATE_ID): UnitInput[] {
  return JSON.parse(readFileSync(templatePath(id, 'units.json'), 'utf8')) as UnitInput[];
}

export function installTemplate(db: Db, template: TemplateDefinition): void {
  db.prepare('INSERT OR REPLACE INTO templates (id, version, definition, installed_at) VALUES (?, ?, ?, ?)').run(
    template.id,
    template.version,
    JSON.stringify(template),
    new Date().toISOString(),
  );
}

export function activeTemplate(db: Db): TemplateDefinition {
  const row = db.prepare('SELECT definition FROM templates ORDER BY version DESC LIMIT 1').get() as { definition: string } | undefined;
  if (!row) throw new AppError('db_no_template', 'Cơ sở dữ liệu chưa có mẫu báo cáo. Hãy tạo lại bằng lệnh "baocao121 init".');
  return parseTemplate(JSON.parse(row.definition));
}
