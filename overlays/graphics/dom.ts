/** Makes an element with a class and, optionally, text. Text is never parsed as HTML. */
export function part(tag: string, className: string, text = ''): HTMLElement {
  const el = document.createElement(tag);
  el.className = className;
  el.textContent = text;
  return el;
}
