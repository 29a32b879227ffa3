import '@fontsource/barlow-condensed/600.css';
import '@fontsource/barlow-condensed/700.css';
import '@fontsource/barlow/500.css';
import './styles/output.css';
import './gallery.css';
import { gsap } from 'gsap';
import { z } from 'zod';
import { LAYERS } from '../main/engine/show';
import { describeIssues } from '../main/engine/errors';
import { loadFonts } from './fonts';
import { fitStage } from './stage';
import { part } from './graphics/dom';
import { afterPaint, cutToStep, emptyStage, thumbnail, withToken } from './gallery-stage';
import { DEFAULT_HEX_LAYOUT, loadHexLayout } from './graphics/hex-map/layout-loader';
import { combinationStage, markStage, type CombinationStill } from './gallery-combination';

/** What GET /api/gallery answers (main/server/gallery-api.ts), checked before anything is drawn. */
const galleryTemplate = z.object({
  id: z.string().min(1),
  name: z.string(),
  description: z.string(),
  layer: z.enum(LAYERS),
  steps: z.number().int().min(1).max(50),
  view: z.record(z.string(), z.unknown()).nullable(),
  error: z.string().optional(),
  case: z.string().optional(),
  caseLabel: z.string().optional(),
});
const galleryCombination = z.object({
  id: z.string().min(1),
  label: z.string(),
  layers: z.array(z.object({ template: z.string().min(1), case: z.string().min(1), step: z.number().int().min(1).optional() })).min(1),
});
const gallerySchema = z.object({
  set: z.enum(['demo', 'stress']),
  source: z.string(),
  declared: z.number(),
  templates: z.array(galleryTemplate),
  combinations: z.array(galleryCombination),
});
type GalleryTemplate = z.infer<typeof galleryTemplate>;
type Gallery = z.infer<typeof gallerySchema>;

const THUMB_WIDTH = 480;
const params = new URLSearchParams(location.search);

/**
 * What stands behind the stage: the studio gradient (default), a flat white or black, or a
 * busy generated test card (bars, checks, fine lines) for judging type over a picture: the
 * keyed look. `&bg=transparent` is the unkeyed fill alone, for keying checks.
 */
const backdropSchema = z.enum(['studio', 'white', 'black', 'busy'], { error: 'backdrop must be white, black or busy' });

/** The set (demo or stress) and the backdrop asked for, checked before anything is fetched. */
function pageOptions(): { set: string; backdrop: z.infer<typeof backdropSchema> } {
  const set = params.get('set') ?? 'demo';
  const backdrop = backdropSchema.safeParse(params.get('backdrop') ?? 'studio');
  if (!backdrop.success) throw new Error(`?backdrop=${params.get('backdrop')}: ${describeIssues(backdrop.error.issues)}`);
  return { set, backdrop: backdrop.data };
}

/** The query a link keeps from this page: the token, the set and the backdrop. */
function keptQuery(): string {
  const kept = new URLSearchParams();
  for (const key of ['set', 'backdrop', 'bg']) if (params.has(key)) kept.set(key, params.get(key)!);
  return kept.toString();
}

async function fetchGallery(set: string): Promise<Gallery> {
  const res = await fetch(withToken(`/api/gallery?set=${encodeURIComponent(set)}`, location.search));
  if (!res.ok) throw new Error(`GET /api/gallery answered ${res.status}: ${await res.text()}`);
  const parsed = gallerySchema.safeParse(await res.json());
  if (!parsed.success) throw new Error(`GET /api/gallery: ${describeIssues(parsed.error.issues)}`);
  return parsed.data;
}

/** ?template=<id>&step=<n>: one stage, full size, for review and for the screenshot tests. */
function showOne(gallery: Gallery, id: string, backdrop: string): void {
  const caseId = params.get('case');
  const template = gallery.templates.find((t) => t.id === id && (caseId === null || t.case === caseId));
  const listed = gallery.templates.map((t) => (t.case ? `${t.id}&case=${t.case}` : t.id)).join(', ');
  if (!template) throw new Error(`No template "${id}"${caseId === null ? '' : ` case "${caseId}"`} in the ${gallery.set} gallery; it has ${listed}`);
  const stepText = params.get('step') ?? '1';
  const step = Number(stepText);
  if (!Number.isInteger(step) || step < 1 || step > template.steps) {
    throw new Error(`step must be a whole number from 1 to ${template.steps} for ${template.name}; got "${stepText}"`);
  }
  document.body.classList.add('gallery-single');
  const { stage, slot } = emptyStage(template.layer);
  // Transparent for keying checks; otherwise a fixed studio backdrop, so a saved image reads on its own.
  const keyed = params.get('bg') !== 'transparent';
  stage.classList.toggle('studio', keyed && backdrop === 'studio');
  if (keyed && backdrop !== 'studio') stage.classList.add(`backdrop-${backdrop}`);
  document.body.append(stage);
  fitStage(stage, document.body);
  cutToStep(slot, { template: template.id, layer: template.layer, view: template.view, step, error: template.error });
  // &mark=1: the REHEARSAL mark where the output puts it over this graphic alone.
  if (params.get('mark') === '1') markStage(stage, template.layer, template.view);
}

/** A combination's layers found among the gallery's cases, each at its last step unless it names one. */
function combinationStill(gallery: Gallery, id: string): CombinationStill {
  const combo = gallery.combinations.find((c) => c.id === id);
  if (!combo) throw new Error(`No combination "${id}" in the ${gallery.set} gallery; it has ${gallery.combinations.map((c) => c.id).join(', ') || 'none'}`);
  const parts = combo.layers.map((l) => {
    const t = gallery.templates.find((x) => x.id === l.template && x.case === l.case);
    if (!t) throw new Error(`combination "${id}": no case "${l.case}" of template "${l.template}" in the gallery`);
    return { template: t.id, case: l.case, layer: t.layer, view: t.view, step: Math.min(l.step ?? t.steps, t.steps), error: t.error };
  });
  return { id: combo.id, label: combo.label, parts };
}

/** ?combo=<id>: layers on air together, full size, composed as the output composes them; `&mark=1` adds the REHEARSAL mark. */
function showCombination(gallery: Gallery, id: string, backdrop: string): void {
  const still = combinationStill(gallery, id);
  document.body.classList.add('gallery-single');
  const keyed = params.get('bg') !== 'transparent';
  const stage = combinationStage(document.body, still, params.get('mark') === '1');
  stage.classList.toggle('studio', keyed && backdrop === 'studio');
  if (keyed && backdrop !== 'studio') stage.classList.add(`backdrop-${backdrop}`);
  fitStage(stage, document.body);
}

/** A card in the grid; its thumbnail is drawn once it is in the page, since templates measure their text. */
function card(grid: HTMLElement, template: GalleryTemplate, step: number): void {
  const article = part('article', 'gallery-card');
  grid.append(article);
  Object.assign(article.dataset, { template: template.id, step: String(step) }, template.case ? { case: template.case } : {});
  const link = document.createElement('a');
  link.className = 'gallery-thumb';
  const caseQuery = template.case ? `&case=${encodeURIComponent(template.case)}` : '';
  const kept = keptQuery();
  link.href = withToken(`?template=${encodeURIComponent(template.id)}${caseQuery}&step=${step}${kept ? `&${kept}` : ''}`, location.search);
  link.setAttribute('aria-label', `${template.name}, step ${step} of ${template.steps}: open full size`);
  article.append(link);
  thumbnail(link, { template: template.id, layer: template.layer, view: template.view, step, error: template.error }, THUMB_WIDTH);
  const meta = part('div', 'gallery-meta');
  const tags = part('div', 'gallery-tags');
  tags.append(part('span', 'gallery-tag', template.layer), part('span', 'gallery-tag gallery-step', `Step ${step} of ${template.steps}`));
  meta.append(part('h2', 'gallery-name', template.name), tags, part('p', 'gallery-description', template.caseLabel ?? template.description));
  if (template.error) meta.append(part('p', 'gallery-error', template.error));
  article.append(meta);
}

/** Every template at the steady state of every step, for producers and review. */
function showAll(gallery: Gallery, backdrop: string): void {
  document.body.classList.add('gallery-grid');
  if (backdrop !== 'studio') document.body.classList.add(`backdrop-${backdrop}`);
  const header = part('header', 'gallery-header');
  const stills = gallery.templates.reduce((n, t) => n + t.steps, 0);
  header.append(
    part('h1', 'gallery-title', gallery.set === 'stress' ? 'Stress gallery: the hardest real cases' : 'Template gallery'),
    part(
      'p',
      'gallery-summary',
      `${gallery.templates.length} templates, ${stills} stills · figures from ${gallery.source} (${gallery.declared} seats declared)`,
    ),
  );
  const grid = part('main', 'gallery-cards');
  document.body.append(header, grid);
  for (const template of gallery.templates) {
    for (let step = 1; step <= template.steps; step++) card(grid, template, step);
  }
  // Layers together are full-size stills only (?combo=): as thumbnails they made the sheet too tall to capture whole.
}

async function main(): Promise<void> {
  // Fonts before layout: templates measure their text, and a fallback face would shift every still.
  await loadFonts();
  const { set, backdrop } = pageOptions();
  const gallery = await fetchGallery(set);
  // The gallery's night is 2024's: its hex maps carry no layout key and draw the default layout.
  await loadHexLayout(DEFAULT_HEX_LAYOUT);
  const id = params.get('template');
  const combo = params.get('combo');
  if (combo !== null) showCombination(gallery, combo, backdrop);
  else if (id === null) showAll(gallery, backdrop);
  else showOne(gallery, id, backdrop);
  // Stills: nothing moves once drawn, so a screenshot taken at any moment is the same.
  gsap.globalTimeline.pause();
  await afterPaint();
  document.body.dataset.ready = '1';
}

main().catch((e: unknown) => {
  const message = e instanceof Error ? e.message : String(e);
  document.body.dataset.error = message;
  document.body.append(part('p', 'gallery-failure', message));
});
