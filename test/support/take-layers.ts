import { LAYERS } from '../../main/engine/show';

/**
 * The layers the take benches and the soak cycle straps through. Not the full-screen layer:
 * a board there holds the lower third and the bug off the picture (main/engine/composition.ts),
 * so their takes would never be drawn and nothing would be measured.
 */
export const TAKE_LAYERS = LAYERS.filter((layer) => layer !== 'fullscreen');
