/**
 * Names arrive mis-decoded: the notional file has `Ynys M√¥n` for `Ynys Môn`, which is UTF-8
 * read as Mac Roman and saved again. We undo exactly that, and only when the undo yields valid
 * UTF-8, so correct names such as `Aontú` pass through untouched.
 */

// Mac Roman bytes 0x80-0xFF, in order, a row of 32 a line (kept as rows: Prettier would join them into one long line).
// prettier-ignore
const MAC_ROMAN_HIGH =
  'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü' +
  '†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø' +
  '¿¡¬√ƒ≈∆«»…\u00a0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ' +
  '‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ';
const MAC_ROMAN_BYTE = new Map<string, number>([...MAC_ROMAN_HIGH].map((ch, i) => [ch, 0x80 + i]));

/** Undo UTF-8-read-as-Mac-Roman; returns the text unchanged when that is not what happened. */
export function repairMacRomanMojibake(text: string): string {
  // eslint-disable-next-line no-control-regex -- the range starts at NUL on purpose: any ASCII text needs no repair.
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) bytes.push(code);
    else {
      const byte = MAC_ROMAN_BYTE.get(ch);
      if (byte === undefined) return text;
      bytes.push(byte);
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
  } catch {
    return text;
  }
}

/**
 * A key for joining constituency names across sources: repairs mojibake, drops accents
 * (`Glyndŵr`/`Glyndwr`), case (`The Wolds`/`the Wolds`), `&`/`and` and punctuation.
 */
export function foldConstituencyName(name: string): string {
  return repairMacRomanMojibake(name)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
