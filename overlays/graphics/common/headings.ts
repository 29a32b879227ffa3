/**
 * A board's two heading lines must not contradict or repeat each other: "WALES" above
 * "UNITED KINGDOM", or "EAST OF ENGLAND" above "EAST OF ENGLAND". The operator's title often
 * names a place (the demo show titles its regional cues so); the other line names the place
 * the board actually counts. Pure: the views and their tests share it.
 */
import { FOCUS_REGIONS, WHOLE_MAP_NAME } from '../../../main/templates/hex-map/regions';

/** Names for the same place: the boards say "UK" for the whole House, the map "United Kingdom". */
const SAME_PLACE: Readonly<Record<string, string>> = { uk: 'united kingdom', 'great britain and northern ireland': 'united kingdom' };
const PLACES = [...Object.values(FOCUS_REGIONS), WHOLE_MAP_NAME, 'UK', 'England'];

const fold = (text: string): string => {
  const s = text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
  return SAME_PLACE[s] ?? s;
};
const containsWords = (text: string, words: string): boolean => ` ${text.replace(/[^\p{L}\p{N}]+/gu, ' ')} `.includes(` ${words} `);

/** The place a text names, folded ("east of england"), the longest match first; null if none. */
export function namedPlace(text: string): string | null {
  const folded = fold(text);
  const found = PLACES.map((p) => p.toLowerCase())
    .filter((p) => containsWords(folded, p))
    .sort((a, b) => b.length - a.length)[0];
  return found === undefined ? null : fold(found);
}

export interface Headings {
  /** The operator's line, or the board's own words where it would repeat or contradict the place. */
  title: string;
  /** The place line, or the board's own words where the title already says the place. */
  place: string;
}

/**
 * The title and place lines of a board. A title naming the place shown keeps its words and the
 * place line gives way to `boardName` (EAST OF ENGLAND / STATE OF THE PARTIES); a title naming
 * another place gives way to `boardName` itself (GENERAL ELECTION 2024 / UNITED KINGDOM).
 */
export function placeHeadings(title: string, place: string, boardName: string): Headings {
  const named = namedPlace(title);
  if (named === null) return { title, place };
  if (named === fold(place)) return { title, place: boardName };
  return { title: boardName, place };
}

/**
 * The small line above a place-led heading (the hex map's key: GENERAL ELECTION 2024 over
 * UNITED KINGDOM). The place line always says what is counted, so a title naming any place
 * would repeat it or contradict it: `boardName` stands in.
 */
export const lineAbovePlace = (title: string, boardName: string): string => (namedPlace(title) === null ? title : boardName);
