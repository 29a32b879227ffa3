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

/** What GET /api/gallery answers (main/server/gallery-api.ts), checked before anything is drawn. */
const galleryTemplate = z.object({
  id: z.string().min(1),
  name: z.string(),
  description: z.string(),
  layer: z.enum(LAYERS),
  steps: z.number().int().min(1).max(50),
  view: z.record(z.string(), z.unknown()).nullable(),
  error: z.string().optional(),
});
const gallerySchema = z.object({ source: z.string(), declared: z.number(), templates: z.array(galleryTemplate) });
type GalleryTemplate = z.infer<typeof galleryTemplate>;
type Gallery = z.infer<typeof gallerySchema>;

const THUMB_WIDTH = 480;
const params = new URLSearchParams(location.search);

async function fetchGallery(): Promise<Gallery> {
  const res = await fetch(withToken('/api/gallery', location.search));
  if (!res.ok) throw new Error(`GET /api/gallery answered ${res.status}: ${await res.text()}`);
  const parsed = gallerySchema.safeParse(await res.json());
  if (!parsed.success) throw new Error(`GET /api/gallery: ${describeIssues(parsed.error.issues)}`);
  return parsed.data;
}

/** ?template=<id>&step=<n>: one stage, full size, for review and for the screenshot tests. */
function showOne(gallery: Gallery, id: string): void {
  const template = gallery.templates.find((t) => t.id === id);
  if (!template) throw new Error(`No template "${id}" in the gallery; it has ${gallery.templates.map((t) => t.id).join(', ')}`);
  const stepText = params.get('step') ?? '1';
  const step = Number(stepText);
  if (!Number.isInteger(step) || step < 1 || step > template.steps) {
    throw new Error(`step must be a whole number from 1 to ${template.steps} for ${template.name}; got "${stepText}"`);
  }
  document.body.classList.add('gallery-single');
  const { stage, slot } = emptyStage(template.layer);
  // Transparent for keying checks; otherwise a fixed studio backdrop, so a saved image reads on its own.
  stage.classList.toggle('studio', params.get('bg') !== 'transparent');
  document.body.append(stage);
  fitStage(stage, document.body);
  cutToStep(slot, { template: template.id, layer: template.layer, view: template.view, step, error: template.error });
}

function card(template: GalleryTemplate, step: number): HTMLElement {
  const article = part('article', 'gallery-card');
  Object.assign(article.dataset, { template: template.id, step: String(step) });
  const link = document.createElement('a');
  link.className = 'gallery-thumb';
  link.href = withToken(`?template=${encodeURIComponent(template.id)}&step=${step}`, location.search);
  link.setAttribute('aria-label', `${template.name}, step ${step} of ${template.steps}: open full size`);
  thumbnail(link, { template: template.id, layer: template.layer, view: template.view, step, error: template.error }, THUMB_WIDTH);
  const meta = part('div', 'gallery-meta');
  const tags = part('div', 'gallery-tags');
  tags.append(part('span', 'gallery-tag', template.layer), part('span', 'gallery-tag gallery-step', `Step ${step} of ${template.steps}`));
  meta.append(part('h2', 'gallery-name', template.name), tags, part('p', 'gallery-description', template.description));
  if (template.error) meta.append(part('p', 'gallery-error', template.error));
  article.append(link, meta);
  return article;
}

/** Every template at the steady state of every step, for producers and review. */
function showAll(gallery: Gallery): void {
  document.body.classList.add('gallery-grid');
  const header = part('header', 'gallery-header');
  const stills = gallery.templates.reduce((n, t) => n + t.steps, 0);
  header.append(
    part('h1', 'gallery-title', 'Template gallery'),
    part('p', 'gallery-summary', `${gallery.templates.length} templates, ${stills} stills · figures from ${gallery.source} (${gallery.declared} seats declared)`),
  );
  const grid = part('main', 'gallery-cards');
  document.body.append(header, grid);
  for (const template of gallery.templates) {
    for (let step = 1; step <= template.steps; step++) grid.append(card(template, step));
  }
}

async function main(): Promise<void> {
  // Fonts before layout: templates measure their text, and a fallback face would shift every still.
  await loadFonts();
  const gallery = await fetchGallery();
  const id = params.get('template');
  if (id === null) showAll(gallery);
  else showOne(gallery, id);
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
