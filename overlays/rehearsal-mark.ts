import type { Composition } from '../main/engine/composition';
import type { ProgramSnapshot } from '../main/engine/protocol';

/**
 * Where the REHEARSAL mark stands, from what is drawn (the snapshot's composition), never from
 * this page's own layers, so outputs keyed over one another put it in the same place.
 *
 * - `top-left` / `top-right`: a top corner of title-safe. With no board drawn, the top of
 *   title-safe is free but for the bug (straps and the ticker keep to the foot), so the mark takes
 *   the corner the bug does not.
 * - `frame-top`: a drawn board fills title-safe edge to edge (its titles start at the top-left,
 *   its clock or region at the top-right, its rows run to the foot: measured on every board, no
 *   corner of title-safe is free on all of them), so the mark moves above title-safe, into the
 *   54 px of frame that no template's text may enter (the layout checks hold every text inside
 *   title-safe). It hangs from the top edge there, centred, at the type scale's smallest size.
 */
export type MarkPlace = 'top-left' | 'top-right' | 'frame-top';

export function markPlace(composition: Composition, bugCorner: string | undefined): MarkPlace {
  if (composition.layers.fullscreen?.visibility === 'visible') return 'frame-top';
  const bugDrawn = composition.layers.bug?.visibility === 'visible';
  return bugDrawn && bugCorner === 'top-left' ? 'top-right' : 'top-left';
}

/** The bug's corner, for a built-in bug on air; an outside bug is taken to sit where the built-in one does by default. */
export function bugCornerOf(program: ProgramSnapshot['program']): string | undefined {
  const bug = program.bug;
  if (bug?.template !== 'bug') return undefined;
  const corner = bug.view.corner;
  return typeof corner === 'string' ? corner : undefined;
}

export function rehearsalMark(): HTMLElement {
  const mark = document.createElement('div');
  mark.className = 'rehearsal-mark';
  mark.dataset.rehearsalMark = '';
  mark.textContent = 'REHEARSAL';
  mark.hidden = true;
  return mark;
}

/** Shows or hides the mark for a program snapshot and puts it where nothing drawn has text. */
export function placeMark(mark: HTMLElement, snapshot: Pick<ProgramSnapshot, 'rehearsalMark' | 'composition' | 'program'>): void {
  mark.hidden = snapshot.rehearsalMark !== true;
  mark.dataset.corner = markPlace(snapshot.composition, bugCornerOf(snapshot.program));
}
