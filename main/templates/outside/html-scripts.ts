import { Parser } from 'htmlparser2';

/** One element of a page that an outside template's reader needs: where it starts, its attributes, its text. */
export interface PageElement {
  name: 'script' | 'meta' | 'title';
  attribs: Record<string, string>;
  /** The script's own text (empty for meta and for a script with src). */
  text: string;
  /** Where that text starts in the page, so a problem in it names the page's line. */
  textOffset: number;
}

/**
 * The scripts and meta tags of an HTML page, read with htmlparser2 (a real HTML
 * tokenizer: a `</script>` in a comment or a string attribute does not fool it,
 * as a regular expression would be fooled). Nothing in the page is run.
 */
export function pageElements(html: string): PageElement[] {
  const found: PageElement[] = [];
  let open: PageElement | null = null;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'meta') found.push({ name: 'meta', attribs, text: '', textOffset: parser.startIndex });
        if (name === 'script' || name === 'title') open = { name, attribs, text: '', textOffset: -1 };
      },
      ontext(text) {
        if (!open) return;
        if (open.textOffset < 0) open.textOffset = parser.startIndex;
        open.text += text;
      },
      onclosetag(name) {
        if ((name !== 'script' && name !== 'title') || !open) return;
        if (open.textOffset < 0) open.textOffset = parser.startIndex;
        found.push(open);
        open = null;
      },
    },
    { decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return found;
}

/** A `<meta name="…" content="…">` value, where the page sets one. */
export function metaContent(elements: readonly PageElement[], name: string): string | null {
  const meta = elements.find((e) => e.name === 'meta' && e.attribs.name?.toLowerCase() === name);
  return meta?.attribs.content ?? null;
}
