import { gsap } from 'gsap';
import { part } from '../dom';
import { partyColour } from '../../../main/templates/palette';
import type { TickerItem } from '../../../main/templates/ticker/schema';

/** Space between items, in stage pixels. */
const GAP = 96;
/** Past this offset every position is shifted back at once, so numbers never grow without end. */
const REBASE_AT = 100_000;

interface Slot {
  key: string;
  el: HTMLElement;
  x: number;
  w: number;
  dead: boolean;
}

/**
 * A conveyor: items sit at fixed x positions on a track and the track moves
 * left (one composited transform a frame). An item that has passed the left
 * edge is moved to the end of the queue; new items join at the end; items
 * dropped by an update leave only once they have scrolled off. Nothing the
 * viewer can see ever jumps. The motion is a repeating GSAP tween, so pausing
 * GSAP's global timeline freezes the strip on a reproducible frame.
 */
export class TickerStrip {
  private slots: Slot[] = [];
  private offset = 0;
  private width = 0;
  private laidOut = false;
  private loop: ReturnType<typeof gsap.to> | null = null;
  private clockTime = 0;

  constructor(
    private readonly windowEl: HTMLElement,
    private readonly track: HTMLElement,
    items: readonly TickerItem[],
    public speed: number,
  ) {
    this.slots = items.map((item) => this.makeSlot(item));
  }

  /** Measures and places every item; needs the element in the document. Runs once. */
  layout(): void {
    if (this.laidOut) return;
    this.laidOut = true;
    this.width = this.windowEl.clientWidth;
    const slots = this.slots;
    this.slots = [];
    // The first pass lays the items out from the left edge, all in view at once.
    for (const slot of slots) this.enqueue(slot, Number.NEGATIVE_INFINITY);
  }

  start(): void {
    this.layout();
    if (this.loop) return;
    const clock = { t: 0 };
    this.clockTime = 0;
    const loop = gsap.to(clock, { t: 1, duration: 1, ease: 'none', repeat: -1, onUpdate: () => this.tick(loop.totalTime()) });
    this.loop = loop;
  }

  stop(): void {
    this.loop?.kill();
    this.loop = null;
  }

  /** Keeps items whose key survives, drops the rest as they leave, appends the new ones. */
  update(items: readonly TickerItem[], speed: number): void {
    this.speed = speed;
    const wanted = new Set(items.map((i) => i.key));
    for (const slot of this.slots) slot.dead ||= !wanted.has(slot.key);
    const have = new Set(this.slots.filter((s) => !s.dead).map((s) => s.key));
    // Everything still to the right of the window is unseen: close its gaps freely.
    const edge = this.laidOut ? this.offset + this.width : Number.NEGATIVE_INFINITY;
    const unseen = this.slots.filter((s) => s.x >= edge);
    this.slots = this.slots.filter((s) => s.x < edge);
    for (const slot of unseen) {
      if (slot.dead) slot.el.remove();
      else this.enqueue(slot);
    }
    for (const item of items) if (!have.has(item.key)) this.enqueue(this.makeSlot(item));
  }

  private tick(time: number): void {
    if (!this.track.isConnected) return this.stop();
    this.offset += (time - this.clockTime) * this.speed;
    this.clockTime = time;
    while (this.slots.length && this.slots[0]!.x + this.slots[0]!.w < this.offset) {
      const gone = this.slots.shift()!;
      if (gone.dead) gone.el.remove();
      else this.enqueue(gone);
    }
    if (this.offset > REBASE_AT) this.rebase();
    this.track.style.transform = `translate3d(${(-this.offset).toFixed(2)}px, 0, 0)`;
  }

  /** Puts a slot at the end of the queue, never inside the visible window (it scrolls in from the right). */
  private enqueue(slot: Slot, visibleEdge = this.offset + this.width): void {
    if (this.laidOut) {
      const last = this.slots[this.slots.length - 1];
      slot.w = slot.el.offsetWidth;
      slot.x = Math.max(last ? last.x + last.w + GAP : 0, visibleEdge);
      slot.el.style.left = `${slot.x}px`;
    }
    this.slots.push(slot);
  }

  private rebase(): void {
    for (const slot of this.slots) {
      slot.x -= this.offset;
      slot.el.style.left = `${slot.x}px`;
    }
    this.offset = 0;
  }

  private makeSlot(item: TickerItem): Slot {
    const el = part('div', 'ticker-item');
    el.dataset.key = item.key;
    el.style.setProperty('--party', partyColour(item.party));
    el.append(part('span', 'ticker-chip'));
    if (item.head) el.append(part('span', 'ticker-head', item.head));
    el.append(part('span', 'ticker-body', item.body));
    this.track.append(el);
    return { key: item.key, el, x: 0, w: 0, dead: false };
  }
}
