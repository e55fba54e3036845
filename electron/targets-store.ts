// The plan's targets of a template (templates/<id>/targets.json): the one function that reads them, checked
// with zod and against the template. A template without the file has no targets.
import { existsSync, readFileSync } from 'node:fs';
import { targetProblems, targetsFileSchema, type TargetDefinition } from '../shared/targets-schema.ts';
import type { TemplateDefinition } from '../shared/template-schema.ts';
import { AppError } from './errors.ts';
import { templatePath } from './template-store.ts';

const cache = new Map<string, TargetDefinition[]>();

export function parseTargets(json: unknown, template: TemplateDefinition): TargetDefinition[] {
  const parsed = targetsFileSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new AppError('targets_invalid', `Danh mục chỉ tiêu không hợp lệ: ${first?.path.join('.') ?? ''} ${first?.message ?? ''}`);
  }
  const problems = targetProblems(parsed.data, template, { indicators: false });
  if (problems.length > 0) throw new AppError('targets_invalid', `Danh mục chỉ tiêu không khớp với mẫu ${template.id}: ${problems.join('; ')}.`);
  return parsed.data.targets;
}

/** The catalogue of targets of a template, in its order. */
export function loadTargetCatalogue(template: TemplateDefinition): TargetDefinition[] {
  const key = `${template.id}@${template.version}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const file = templatePath(template.id, 'targets.json');
  const targets = existsSync(file) ? parseTargets(JSON.parse(readFileSync(file, 'utf8')), template) : [];
  cache.set(key, targets);
  return targets;
}
