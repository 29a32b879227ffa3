import type { Fields } from '../engine/show';

/**
 * The stress gallery (`/gallery?set=stress`): the hardest real cases of 2024 for every text box,
 * each a cue's fields resolved against the whole night like the demo set. The seats are named
 * by ONS code, as a cue names them; what makes each one hard is said in its label.
 */
export interface StressCase {
  template: string;
  /** Unique within the set, for `?case=`. */
  id: string;
  label: string;
  fields: Fields;
}

/** 70 characters, the strap's limit, in capitals with Welsh letters. */
export const STRESS_HEADLINE = 'YNYS MÔN AND MONTGOMERYSHIRE AND GLYNDŴR: PLAID AND LIB DEMS TAKE BOTH';
/** 110 characters, the subline's limit, with ŵ ŷ â. */
export const STRESS_SUBLINE = 'Dwyfor Meirionnydd, Caerfyrddin and Ynys Môn: Plaid Cymru hold all three, with ŵ, ŷ and â written as in Welsh.';

const seat = (id: string, code: string, label: string): StressCase => ({ template: 'seat-result', id, label, fields: { constituency: code, bars: 7 } });

export const STRESS_CASES: readonly StressCase[] = [
  {
    template: 'strap',
    id: 'longest',
    label: 'A 70-character headline and a 110-character subline, Welsh letters',
    fields: { headline: STRESS_HEADLINE, subline: STRESS_SUBLINE, party: 'pc', variant: 'breaking' },
  },
  seat('longest-name', 'E14001095', 'The longest name: Birmingham Hodge Hill and Solihull North'),
  seat('inverness', 'S14000094', 'Inverness, Skye and West Ross-shire'),
  seat('glyndwr', 'W07000102', 'Welsh letters: Montgomeryshire and Glyndŵr'),
  seat('lagan-valley', 'N05000009', 'Northern Ireland: ALLIANCE GAIN FROM DUP'),
  seat('fermanagh', 'N05000007', 'Northern Ireland: Fermanagh and South Tyrone, SINN FÉIN'),
  seat('chorley', 'E14001170', "The Speaker's seat: SPEAKER RE-ELECTED"),
  seat('clacton', 'E14001174', 'A Reform gain: Clacton'),
  seat('leicester-south', 'E14001327', 'An independent gain: Leicester South'),
  seat('islington-north', 'E14001305', 'An independent: Islington North'),
  seat('walsall', 'E14001562', 'The previous holder (Conservative) came fourth: Walsall and Bloxwich'),
  seat('chesterfield', 'E14001165', 'The longest party name: Chesterfield And North Derbyshire Independents (CANDI)'),
  {
    template: 'target-seats',
    id: 'longest',
    label: 'The longest seat names and chips (SPEAKER RE-ELECTED, SINN FÉIN)',
    fields: {
      title: 'Alliance targets in the longest seats of',
      party: 'alliance',
      region: 'all',
      count: 8,
      seats: ['E14001095', 'E14001314', 'S14000074', 'S14000094', 'E14001170', 'N05000007', 'N05000009', 'W07000102'],
    },
  },
  {
    template: 'swingometer',
    id: 'longest',
    label: 'A 40-character title; Labour to Reform',
    fields: { title: 'Labour to Reform UK across the whole UK:', from: 'lab', to: 'reform', source: 'results', swing: 0, range: 30 },
  },
  {
    template: 'exit-poll',
    id: 'longest',
    label: 'Longest title, source and comparison label; Northern Ireland parties',
    fields: {
      title: 'Exit poll: Westminster 2',
      time: '22:00',
      source: 'Projected seats: Ipsos for BBC, ITV News and Sky News, 2024.',
      compare: 'notional',
      compareLabel: 'Change on 2019 notional.',
      parties: [
        { party: 'lab', seats: 410 },
        { party: 'con', seats: 131 },
        { party: 'ld', seats: 61 },
        { party: 'reform', seats: 13 },
        { party: 'sf', seats: 7 },
        { party: 'pc', seats: 4 },
        { party: 'alliance', seats: 1 },
        { party: 'other', seats: 23 },
      ],
    },
  },
  {
    template: 'seat-tally',
    id: 'longest',
    label: 'A 24-character title over Northern Ireland',
    fields: { title: 'State of the parties NI:', region: 'N92000002', parties: ['sf', 'dup', 'alliance', 'sdlp', 'uup', 'tuv'] },
  },
  {
    template: 'hemicycle',
    id: 'longest',
    label: 'The longest title and subtitle',
    fields: { title: 'House of Commons', subtitle: 'General election 2024: all seats counted', parties: ['lab', 'con', 'ld', 'snp', 'sf', 'reform', 'dup'] },
  },
  {
    template: 'hex-map',
    id: 'longest',
    label: 'A 40-character title; the region with the longest name',
    fields: { title: 'Yorkshire and The Humber, every seat won', region: 'E12000003', source: 'results' },
  },
  { template: 'ticker', id: 'longest', label: 'A 12-character label', fields: { label: 'Declarations', source: 'results', count: 12, speed: 140 } },
  {
    template: 'bug',
    id: 'longest',
    label: 'A 16-character bug',
    fields: { text: 'Rhondda ac Ogwŵr', mode: 'text', time: '', corner: 'top-right', accent: 'live' },
  },
  {
    template: 'bug',
    id: 'bottom',
    label: 'A bug in a bottom corner, in a party colour that needs its plate shade (Conservative)',
    fields: { text: 'Con seats', mode: 'text', time: '', corner: 'bottom-right', accent: 'con' },
  },
];

/**
 * Layers on air together, each layer showing one of the cases above at its last step (or the
 * step named). The gallery draws them as the output does: composed by the engine's rules
 * (main/engine/composition.ts), so a board holds the strap and the bug and makes room for the
 * ticker. `?combo=` picks one.
 */
export interface StressCombination {
  id: string;
  label: string;
  layers: { template: string; case: string; step?: number }[];
}

const strap = { template: 'strap', case: 'longest' };
const bug = { template: 'bug', case: 'longest' };
const bottomBug = { template: 'bug', case: 'bottom' };
const ticker = { template: 'ticker', case: 'longest' };
/** A board with everything else on air: the strap and the bug held off the picture, the ticker kept in its band. */
const overAll = (id: string, board: { template: string; case: string; step?: number }, what: string): StressCombination => ({
  id,
  label: `${what}, taken over a strap, a bug and a ticker: strap and bug held, the board clear of the ticker's band`,
  layers: [board, strap, bug, ticker],
});

export const STRESS_COMBINATIONS: readonly StressCombination[] = [
  { id: 'strap-bug', label: 'The longest strap with the longest bug', layers: [strap, bug] },
  { id: 'strap-ticker', label: 'The longest strap over the ticker', layers: [strap, ticker] },
  { id: 'bug-ticker', label: 'The longest bug with the ticker', layers: [bug, ticker] },
  { id: 'strap-bug-ticker', label: 'Strap, bug and ticker together', layers: [strap, bug, ticker] },
  { id: 'strap-bottom-bug-ticker', label: 'A bottom-corner bug steps up above the strap and the ticker', layers: [strap, bottomBug, ticker] },
  {
    id: 'board-strap-bug',
    label: 'The exit poll taken over a strap and a bug: both held, the board alone',
    layers: [{ template: 'exit-poll', case: 'longest' }, strap, bug],
  },
  overAll('exit-poll-all', { template: 'exit-poll', case: 'longest' }, 'The exit poll (longest title, Northern Ireland parties)'),
  overAll('seat-tally-all', { template: 'seat-tally', case: 'longest' }, 'The seat tally of Northern Ireland'),
  overAll('hemicycle-all', { template: 'hemicycle', case: 'longest' }, 'The hemicycle'),
  overAll('target-seats-all', { template: 'target-seats', case: 'longest' }, 'The target seats (longest names)'),
  overAll('swingometer-all', { template: 'swingometer', case: 'longest' }, 'The swingometer, Labour to Reform'),
  overAll('hex-map-all', { template: 'hex-map', case: 'longest' }, 'The hex map of Yorkshire and The Humber'),
  overAll('seat-result-longest-all', { template: 'seat-result', case: 'longest-name' }, 'The full result of the longest seat name'),
  overAll('seat-result-fermanagh-all', { template: 'seat-result', case: 'fermanagh' }, 'The full result in Northern Ireland (Fermanagh and South Tyrone)'),
  overAll('seat-result-chorley-all', { template: 'seat-result', case: 'chorley' }, "The Speaker's seat, full result"),
  {
    id: 'seat-result-flash-ticker',
    label: 'A Reform gain flash (Clacton) with the ticker, strap and bug held',
    layers: [{ template: 'seat-result', case: 'clacton', step: 1 }, strap, bug, ticker],
  },
];
