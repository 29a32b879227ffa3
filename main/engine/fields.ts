import { describeIssues, fail, type StraplineError } from './errors';
import type { Fields } from './show';
import type { TemplateTable } from './templates';

/** Narrows a cue's field values with its template's schema (filling defaults). */
export function validateFields(
  templates: TemplateTable,
  templateId: string,
  fields: unknown,
): { fields: Fields } | { error: StraplineError } {
  const template = templates.get(templateId);
  if (!template) return { error: fail('UNKNOWN_TEMPLATE', `Unknown template "${templateId}"`) };
  const parsed = template.fields.safeParse(fields);
  if (!parsed.success) {
    return { error: fail('INVALID_FIELDS', `${template.name} fields: ${describeIssues(parsed.error.issues)}`) };
  }
  return { fields: parsed.data };
}
