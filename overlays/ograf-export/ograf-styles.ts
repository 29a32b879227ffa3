import barlowCondensed600 from '@fontsource/barlow-condensed/600.css?inline';
import barlowCondensed700 from '@fontsource/barlow-condensed/700.css?inline';
import barlow500 from '@fontsource/barlow/500.css?inline';
import outputCss from '../styles/output.css?inline';

/**
 * The styles the built-in views draw with, as text in the bundle (a library
 * build inlines their fonts as data: URLs), so a graphic needs nothing from
 * the network after its module loads. The graphic's own rules go in its
 * shadow root, where `:root` is the host; @font-face only works in the
 * document, so the faces go there, once.
 */
const templateCss = Object.values(import.meta.glob<string>('../graphics/**/*.css', { query: '?inline', import: 'default', eager: true }));

export const SHADOW_CSS = [outputCss, ...templateCss].join('\n').replace(/:root\b/g, ':host');

const FONT_STYLE_ID = 'strapline-ograf-fonts';

export async function installFonts(doc: Document): Promise<void> {
  if (!doc.getElementById(FONT_STYLE_ID)) {
    const style = doc.createElement('style');
    style.id = FONT_STYLE_ID;
    style.textContent = [barlowCondensed600, barlowCondensed700, barlow500].join('\n');
    doc.head.append(style);
  }
  // Loaded at load(), not at the take: the take only plays.
  await Promise.all(
    ['600 64px "Barlow Condensed"', '700 64px "Barlow Condensed"', '500 36px "Barlow"'].map((f) => doc.fonts.load(f, 'AZaz09 ŵŷâ').catch(() => [])),
  );
}
