import { TEMPLATES } from '../../main/templates/definitions';
import { VIEWS } from '../graphics/views';
import { ografGraphicClass } from './ograf-graphic';

/**
 * The OGraf export bundle (its own library build, vite.ograf.config.ts): every
 * built-in template's drawing with its styles and fonts, as one ES module. The
 * per-graphic modules GET /ograf/ serves import it and export the class of
 * their template (main/server/ograf-export.ts).
 */
export function graphicClass(id: string): CustomElementConstructor {
  const template = TEMPLATES.get(id);
  const view = VIEWS[id];
  if (!template || !view) throw new Error(`strapline-ograf: no built-in template "${id}"`);
  return ografGraphicClass(template, view);
}
