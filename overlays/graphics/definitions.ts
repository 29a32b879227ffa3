import { templateTable } from '../../main/engine/templates';
import { strap } from './strap/schema';

/** Every template's definition: the engine validates cues against these. */
export const TEMPLATE_DEFINITIONS = [strap];
export const TEMPLATES = templateTable(TEMPLATE_DEFINITIONS);
