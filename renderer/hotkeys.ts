import type { OperatorActions } from './commands';

/** Default keymap (issue 2): Space/Enter take, Right next, Escape out, F12 clear all, Up/Down select. */
const KEYMAP: Record<string, (a: OperatorActions) => void> = {
  ' ': (a) => a.take(),
  Enter: (a) => a.take(),
  ArrowRight: (a) => a.next(),
  Escape: (a) => a.out(),
  F12: (a) => a.clearAll(),
  ArrowUp: (a) => a.move(-1),
  ArrowDown: (a) => a.move(1),
};

/** Typing in a field must never take a graphic to air. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function installHotkeys(actions: OperatorActions): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.repeat || e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
    const action = KEYMAP[e.key];
    if (!action) return;
    e.preventDefault();
    action(actions);
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
