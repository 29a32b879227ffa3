import { describeIssues, fail, type StraplineError } from './errors';
import type { Fields } from './show';
import type { TemplateTable } from './templates';

/**
 * Narrows a cue's field values with its template's schema. What comes back
 * holds only the keys that were given (as the schema parsed them): a default is
 * never written into the show, so the form can mark it as one and the graphic,
 * which parses its fields wherever it draws them, still draws it.
 */
export function validateFields(templates: TemplateTable, templateId: string, fields: unknown): { fields: Fields } | { error: StraplineError } {
  const template = templates.get(templateId);
  if (!template) return { error: fail('UNKNOWN_TEMPLATE', `Unknown template "${templateId}"`) };
  const parsed = template.fields.safeParse(fields);
  if (!parsed.success) {
    return { error: fail('INVALID_FIELDS', `${template.name} fields: ${describeIssues(parsed.error.issues)}`) };
  }
  const given = fields as Fields; // parsed as an object, so it is one
  return {
    fields: Object.fromEntries(
      Object.keys(parsed.data)
        .filter((k) => given[k] !== undefined)
        .map((k) => [k, parsed.data[k]]),
    ),
  };
}
