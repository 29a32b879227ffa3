import { z } from 'zod';
import type { OutsideView } from '../../main/templates/outside/contract';

/**
 * What an outside graphic's frame may say to the host (main/server/template-bridge.ts
 * writes it). The frame is untrusted: anything else it posts is ignored.
 */
export const frameMessageSchema = z.union([
  z.strictObject({ straplineFrame: z.literal(1), id: z.number().int(), ok: z.literal(true), result: z.unknown() }),
  z.strictObject({ straplineFrame: z.literal(1), id: z.number().int(), ok: z.literal(false), error: z.string().max(4000) }),
  z.strictObject({ straplineFrame: z.literal(1), event: z.enum(['ready', 'fault']), message: z.string().max(4000).optional() }),
]);
export type FrameMessage = z.infer<typeof frameMessageSchema>;

/** What the OGraf runner and the page bridge answer to a play: the frame it painted in, and OGraf's currentStep. */
export const playResultSchema = z.object({ frameAt: z.number().optional(), currentStep: z.number().int().nullish() }).nullable();

/** A CasparCG page's update() argument: a JSON string, or the legacy templateData XML. */
export function casparData(data: OutsideView['data'], format: 'json' | 'xml'): string {
  if (format === 'json') return JSON.stringify(data);
  const parts = Object.entries(data).map(
    ([id, value]) =>
      `<componentData id="${escapeXml(id)}"><data id="text" value="${escapeXml(typeof value === 'string' ? value : (JSON.stringify(value) ?? ''))}"/>` +
      '</componentData>',
  );
  return `<templateData>${parts.join('')}</templateData>`;
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}
