/**
 * Templates that make sense only for a whole Parliament: an arc, a tally or a map of one seat
 * would draw nonsense on a by-election night. Pure, so the engine (which refuses the take,
 * through the template's resolve) and the console's palette (which says why beforehand) agree.
 */
import type { ElectionFacts } from '../engine/election';
import type { BindingContext } from '../engine/templates';

const WHOLE_HOUSE = new Set(['hemicycle', 'seat-tally', 'hex-map']);

/** Why a template cannot draw the election, or null when it can. */
export function templateUnfitFor(templateId: string, election: Pick<ElectionFacts, 'name' | 'seatCount' | 'hexKey'>): string | null {
  if (WHOLE_HOUSE.has(templateId) && election.seatCount < 2)
    return `not for ${election.name}: it draws a whole Parliament, and this election has ${election.seatCount} seat`;
  if (templateId === 'hex-map' && election.hexKey === null) return `no hex layout for ${election.name}: its election.json names no "hex" file`;
  return null;
}

/** In a resolver: refuses (the take fails with this message) when the loaded election cannot be drawn. */
export function assertFitsElection(templateId: string, ctx: BindingContext): void {
  const why = ctx.election ? templateUnfitFor(templateId, ctx.election) : null;
  if (why) throw new Error(why);
}
