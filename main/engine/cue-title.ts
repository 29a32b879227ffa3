import type { Cue, Fields } from './show';
import type { TemplateDefinition, TitleNames } from './templates';

/**
 * A cue's automatic title: its template's line for the fields as the graphic
 * draws them (defaults filled), naming what it is bound to. Cut to the 200
 * characters a title may have; a template that throws or says nothing costs
 * only the title, which falls back to the template's name.
 */
export function automaticTitle(template: TemplateDefinition, fields: Fields, names: TitleNames): string {
  const parsed = template.fields.safeParse(fields);
  try {
    const title = template
      .title(parsed.success ? parsed.data : fields, names)
      .trim()
      .slice(0, 200);
    return title === '' ? template.name : title;
  } catch {
    return template.name;
  }
}

/** The cue with its title brought up to its fields, if the title is automatic; otherwise the cue as it is. */
export function withFollowedTitle(cue: Cue, template: TemplateDefinition | undefined, names: TitleNames): Cue {
  if (!cue.autoTitle || !template) return cue;
  const title = automaticTitle(template, cue.fields, names);
  return title === cue.title ? cue : { ...cue, title };
}
