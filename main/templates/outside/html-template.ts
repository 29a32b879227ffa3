import { z } from 'zod';
import { describeIssues } from '../../engine/errors';
import { metaContent, pageElements, type PageElement } from './html-scripts';
import { NotALiteral, assignedLiteral } from './js-literal';
import { problemAt } from './source-text';
import { spxFieldsSchema } from './spx-fields';

/**
 * An HTML template page, read without running it: an SPX template (it assigns
 * window.SPXGCTemplateDefinition in a script) or else a CasparCG one, with its
 * GDD schema where it carries one (inline or by src). Problems name the page
 * and the line.
 */
export type ReadPage =
  | { kind: 'spx'; name: string; steps: number; out: 'manual' | 'none' | number; schema: Record<string, unknown>; problems: string[] }
  | { kind: 'casparcg'; name: string | null; gdd: { text: string; offset: number } | { src: string } | null; dataFormat: 'json' | 'xml'; problems: string[] }
  | { problem: string };

const SPX_NAME = 'SPXGCTemplateDefinition';

/** SPX writes steps and out as numbers or as strings ("2", "4000"); both mean the same. */
const numberish = z.union([z.number(), z.string().trim().regex(/^\d+$/).transform(Number)]);
const spxDefinitionSchema = z.looseObject({
  description: z.string().optional(),
  steps: numberish.pipe(z.number().int().min(1).max(100)).optional(),
  out: z.union([z.literal('manual'), z.literal('none'), numberish.pipe(z.number().int().positive())]).optional(),
  DataFields: z.array(z.unknown()).optional(),
});

function spxDefinition(file: string, html: string, script: PageElement): ReadPage | null {
  let value: unknown;
  try {
    value = assignedLiteral(script.text, SPX_NAME);
  } catch (e) {
    const offset = e instanceof NotALiteral ? e.offset : ((e as { pos?: number }).pos ?? 0);
    return { problem: problemAt(file, html, script.textOffset + offset, `${SPX_NAME}: ${(e as Error).message}`) };
  }
  if (value === undefined) return null;
  const at = (m: string) => problemAt(file, html, script.textOffset, `${SPX_NAME}: ${m}`);
  const parsed = spxDefinitionSchema.safeParse(value);
  if (!parsed.success) return { problem: at(describeIssues(parsed.error.issues)) };
  const fields = spxFieldsSchema(parsed.data.DataFields ?? []);
  if ('problem' in fields) return { problem: at(fields.problem) };
  const name =
    parsed.data.description?.trim() ||
    file
      .split('/')
      .at(-1)!
      .replace(/\.html?$/i, '');
  return { kind: 'spx', name, steps: parsed.data.steps ?? 1, out: parsed.data.out ?? 'manual', schema: fields.schema, problems: [] };
}

export function readHtmlTemplate(file: string, html: string): ReadPage {
  let elements: PageElement[];
  try {
    elements = pageElements(html);
  } catch (e) {
    return { problem: `${file}: cannot be read as HTML (${(e as Error).message})` };
  }
  const scripts = elements.filter((e) => e.name === 'script');
  // Only scripts that name it are parsed: a CasparCG page's own modern script need not parse as a classic one.
  for (const script of scripts.filter((s) => s.text.includes(SPX_NAME))) {
    const spx = spxDefinition(file, html, script);
    if (spx) return spx;
  }
  const gddScript = scripts.find((s) => s.attribs.name === 'graphics-data-definition' && (s.attribs.type ?? '').toLowerCase() === 'application/json+gdd');
  const gdd = !gddScript ? null : gddScript.attribs.src ? { src: gddScript.attribs.src } : { text: gddScript.text, offset: gddScript.textOffset };
  const format = metaContent(elements, 'strapline-data-format');
  const problems =
    format === null || format === 'json' || format === 'xml' ? [] : [`${file}: meta strapline-data-format "${format}" is neither json nor xml; json is sent`];
  const title = elements.find((e) => e.name === 'title')?.text.trim() || null;
  return { kind: 'casparcg', name: title, gdd, dataFormat: format === 'xml' ? 'xml' : 'json', problems };
}
