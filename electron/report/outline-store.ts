// The report outline of a definition (its part "outline", templates/<id>/outline.json), checked with zod
// and against the definition's template.
import { outlineProblems, outlineSchema, type Outline } from '../../shared/outline-schema.ts';
import type { TemplateDefinition } from '../../shared/template-schema.ts';
import { AppError } from '../errors.ts';
import { definitionOf, definitionPart, partPaths } from '../template-store.ts';

const cache = new Map<string, Outline>();

export function parseOutline(json: unknown, template: TemplateDefinition): Outline {
  // Parsed once per definition: zod's compiled fast path costs more to build than it saves on one parse
  // (measured cold: 40–50 ms with it, 12–16 ms without).
  const parsed = outlineSchema.safeParse(json, { jitless: true });
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new AppError('outline_invalid', `Đề cương báo cáo không hợp lệ (tệp outline.json): ${first?.path.join('.') ?? ''} ${first?.message ?? ''}`);
  }
  const problems = outlineProblems(parsed.data, template);
  if (problems.length > 0)
    throw new AppError('outline_invalid', `Đề cương báo cáo không khớp với mẫu ${template.id} (tệp outline.json): ${problems.join('; ')}.`);
  return parsed.data;
}

export function loadOutline(template: TemplateDefinition): Outline {
  const def = definitionOf(template);
  const key = def.hash;
  const cached = cache.get(key);
  if (cached) return cached;
  if (!partPaths(def, 'outline').length) throw new AppError('outline_invalid', `Định nghĩa báo cáo ${def.id} không có đề cương (tệp outline.json).`);
  const outline = parseOutline(definitionPart(def, 'outline'), template);
  cache.set(key, outline);
  return outline;
}
