import { describeIssues, fail, type StraplineError } from './errors';
import { showSchema, type Show } from './show';
import type { TemplateTable } from './templates';

/**
 * Checks what a schema alone cannot: ids unique across the show, every cue's
 * template known and its fields valid for it. Returns the first problem with
 * where it is (stack, cue, field).
 */
export function checkShow(show: Show, templates: TemplateTable): StraplineError | null {
  const seen = new Set<string>();
  for (const [si, stack] of show.stacks.entries()) {
    if (seen.has(stack.id)) return fail('DUPLICATE_ID', `stacks[${si}]: id "${stack.id}" is used twice`);
    seen.add(stack.id);
    for (const [ci, cue] of stack.cues.entries()) {
      const where = `stacks[${si}].cues[${ci}] ("${cue.id}")`;
      if (seen.has(cue.id)) return fail('DUPLICATE_ID', `${where}: id is used twice`);
      seen.add(cue.id);
      const template = templates.get(cue.template);
      if (!template) return fail('UNKNOWN_TEMPLATE', `${where}: unknown template "${cue.template}"`);
      const parsed = template.fields.safeParse(cue.fields);
      if (!parsed.success) return fail('INVALID_FIELDS', `${where}: ${describeIssues(parsed.error.issues)}`);
    }
  }
  return null;
}

/** Parses show JSON from any source (file, request) into a checked show. */
export function parseShow(raw: unknown, templates: TemplateTable, source: string): { show: Show } | { error: StraplineError } {
  const parsed = showSchema.safeParse(raw);
  if (!parsed.success) {
    return { error: fail('INVALID_SHOW_FILE', `${source}: ${describeIssues(parsed.error.issues)}`) };
  }
  const problem = checkShow(parsed.data, templates);
  if (problem) return { error: { ...problem, message: `${source}: ${problem.message}` } };
  return { show: parsed.data };
}
