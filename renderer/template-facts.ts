import type { TemplatesSnapshot } from '../main/engine/templates';
import { TEMPLATES } from '../main/templates/definitions';

/**
 * A template's name and step count as the console shows them: from the
 * server's registry (outside templates included, which come and go during the
 * show), else from the built-ins, which the console knows before the server
 * says (and all it knows of a server that has only the built-ins).
 */
export function templateFacts(registry: TemplatesSnapshot | null, id: string): { name: string; steps: number } | undefined {
  return registry?.templates.find((t) => t.id === id) ?? TEMPLATES.get(id);
}
