import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { layerSchema, type Layer } from '../engine/show';
import { readOgrafManifest } from '../templates/outside/ograf-manifest';
import { readHtmlTemplate } from '../templates/outside/html-template';
import { parseJsonText } from '../templates/outside/source-text';
import type { ScannedTemplate } from '../templates/outside/scanned';

/**
 * Reads one templates folder, recursively: every `*.ograf.json` manifest, and
 * every HTML page (an SPX template if it defines SPXGCTemplateDefinition, else
 * a CasparCG one), except pages beside an OGraf manifest (its demo pages) and
 * anything under node_modules or a dot-folder. Nothing is run. A file that
 * cannot be read is listed with its reason; it never stops the others.
 */
const DEFAULT_LAYER: Layer = 'lower-third';
const OPEN_SCHEMA = { type: 'object' };

const hash = (...parts: string[]) => createHash('sha256').update(parts.join('\0')).digest('hex');

/** Stable across restarts and moves of nothing: the folder and the file's path in it. Within the 64 characters a cue's template may have. */
export function outsideTemplateId(folderDir: string, relPath: string): string {
  const slug =
    path.posix
      .basename(relPath)
      .replace(/\.(ograf\.json|html?)$/i, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'template';
  return `${slug}-${hash(path.resolve(folderDir), relPath).slice(0, 10)}`;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((rel) => !rel.split('/').some((part) => part === 'node_modules' || part.startsWith('.')))
    .sort();
}

const readText = async (file: string): Promise<string | { problem: string }> =>
  readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => ({ problem: `cannot be read (${e.code ?? e.message})` }));

function base(folder: number, dir: string, rel: string, kind: ScannedTemplate['kind']): ScannedTemplate {
  return {
    id: outsideTemplateId(dir, rel),
    folder,
    source: rel,
    kind,
    name: path.posix.basename(rel),
    layer: DEFAULT_LAYER,
    steps: 1,
    schema: OPEN_SCHEMA,
    customActions: [],
    entry: rel,
    version: 'unread',
    dataFormat: 'json',
    blocked: null,
    warnings: [],
    missing: false,
  };
}

async function scanManifest(folder: number, dir: string, rel: string): Promise<ScannedTemplate> {
  const t = base(folder, dir, rel, 'ograf');
  const text = await readText(path.join(dir, rel));
  if (typeof text !== 'string') return { ...t, blocked: `${rel}: ${text.problem}` };
  const m = readOgrafManifest(rel, text);
  if ('problem' in m) return { ...t, version: hash(text).slice(0, 16), blocked: m.problem };
  const entry = path.posix.normalize(path.posix.join(path.posix.dirname(rel), m.main));
  if (entry.startsWith('../')) return { ...t, name: m.name, blocked: `${rel}: main "${m.main}" must be inside the templates folder` };
  const module = await readText(path.join(dir, entry));
  const layer = layerSchema.safeParse(m.layer);
  const warnings = [
    ...m.problems,
    ...(m.layer !== null && !layer.success ? [`${rel}: v_strapline.layer "${m.layer}" is not a layer; ${DEFAULT_LAYER} is used`] : []),
  ];
  return {
    ...t,
    name: m.name,
    steps: m.steps,
    schema: m.schema ?? OPEN_SCHEMA,
    customActions: m.customActions,
    entry,
    warnings,
    layer: layer.success ? layer.data : DEFAULT_LAYER,
    version: hash(text, typeof module === 'string' ? module : '').slice(0, 16),
    blocked: typeof module === 'string' ? null : `${rel}: its main module ${entry} ${module.problem}`,
  };
}

async function scanPage(folder: number, dir: string, rel: string): Promise<ScannedTemplate> {
  const t = base(folder, dir, rel, 'casparcg');
  const html = await readText(path.join(dir, rel));
  if (typeof html !== 'string') return { ...t, blocked: `${rel}: ${html.problem}` };
  const page = readHtmlTemplate(rel, html);
  const version = hash(html).slice(0, 16);
  if ('problem' in page) return { ...t, kind: html.includes('SPXGCTemplateDefinition') ? 'spx' : 'casparcg', version, blocked: page.problem };
  if (page.kind === 'spx')
    return { ...t, kind: 'spx', name: page.name, steps: page.steps, schema: page.schema, spxOut: page.out, version, warnings: page.problems };
  const named = { ...t, name: page.name ?? t.name, dataFormat: page.dataFormat, version, warnings: page.problems };
  if (page.gdd === null) return named;
  // A GDD by src is a file beside the page; read as JSON, its line named in any problem.
  const gddRel = 'src' in page.gdd ? path.posix.normalize(path.posix.join(path.posix.dirname(rel), page.gdd.src)) : rel;
  if (gddRel.startsWith('../') || /^[a-z][a-z0-9+.-]*:/i.test(gddRel) || path.posix.isAbsolute(gddRel))
    return { ...named, blocked: `${rel}: its GDD src "${'src' in page.gdd ? page.gdd.src : ''}" must be a file inside the templates folder` };
  const gddText = 'src' in page.gdd ? await readText(path.join(dir, gddRel)) : page.gdd.text;
  if (typeof gddText !== 'string') return { ...named, blocked: `${rel}: its GDD ${gddRel} ${gddText.problem}` };
  const padded = 'src' in page.gdd ? gddText : '\n'.repeat(html.slice(0, page.gdd.offset).split('\n').length - 1) + gddText;
  const gdd = parseJsonText(gddRel, padded);
  if ('problem' in gdd) return { ...named, blocked: `GDD ${gdd.problem}` };
  if (typeof gdd.value !== 'object' || gdd.value === null || Array.isArray(gdd.value))
    return { ...named, blocked: `${gddRel}: the GDD is not a JSON Schema object` };
  return { ...named, schema: gdd.value as Record<string, unknown>, version: hash(html, gddText).slice(0, 16) };
}

/** Every template in one folder, broken ones included. */
export async function scanTemplateFolder(folder: number, dir: string): Promise<ScannedTemplate[]> {
  const files = await listFiles(dir);
  const manifests = files.filter((f) => f.toLowerCase().endsWith('.ograf.json'));
  const ografDirs = new Set(manifests.map((f) => path.posix.dirname(f)));
  const pages = files.filter((f) => /\.html?$/i.test(f) && !ografDirs.has(path.posix.dirname(f)));
  return Promise.all([...manifests.map((f) => scanManifest(folder, dir, f)), ...pages.map((f) => scanPage(folder, dir, f))]);
}
