/** Loads every face the graphics use, Welsh letters included, before anything airs. */
export async function loadFonts(): Promise<void> {
  const sample = 'AZaz09 ŵŷâ';
  await Promise.all(
    ['600 64px "Barlow Condensed"', '700 64px "Barlow Condensed"', '500 36px "Barlow"'].map((font) => document.fonts.load(font, sample).catch(() => [])),
  );
}
