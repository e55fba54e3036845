// The report outline of a template (templates/<id>/outline.json), checked with zod and against the template.
import { readFileSync } from 'node:fs';
import { outlineProblems, outlineSchema, type Outline } from '../../shared/outline-schema.ts';
import type { TemplateDefinition } from '../../shared/template-schema.ts';
import { AppError } from '../errors.ts';
import { templatePath } from '../template-store.ts';

const cache = new Map<string, Outline>();

export function parseOutline(json: unknown, template: TemplateDefinition): Outline {
  const parsed = outlineSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new AppError('outline_invalid', `Đề cương báo cáo không hợp lệ: ${first?.path.join('.') ?? ''} ${first?.message ?? ''}`);
  }
  const problems = outlineProblems(parsed.data, template);
  if (problems.length > 0) throw new AppError('outline_invalid', `Đề cương báo cáo không khớp với mẫu ${template.id}: ${problems.join('; ')}.`);
  return parsed.data;
}

export function loadOutline(template: TemplateDefinition): Outline {
  const key = `${template.id}@${template.version}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const outline = parseOutline(JSON.parse(readFileSync(templatePath(template.id, 'outline.json'), 'utf8')), template);
  cache.set(key, outline);
  return outline;
}
