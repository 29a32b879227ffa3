/**
 * The Press Association's election XML, read into typed messages. PA delivers one message a
 * file, its kind given by the root element: `FirstPastThePostResult` (a declaration with every
 * candidate), `FirstPastThePostRush` (the winner only, sent before the figures),
 * `FirstPastThePostRecount` (a recount called) and `FirstPastThePostStateOfParties` (the
 * running totals). Figures are attributes, as PA writes them; each file carries a `revision`
 * (on the root element, or as the number that ends the file's name, `..._3.xml`).
 * Line numbers come from fast-xml-parser's validator, then from the element's place in the text.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';

// Attributes are text: a figure must be written as one (PA writes no separators).
const count = z.string().trim().regex(/^\d+$/, 'must be a whole number of 0 or more').transform(Number);
const percent = z
  .string()
  .trim()
  .regex(/^-?\d+(\.\d+)?$/, 'must be a number (a percentage)')
  .transform(Number)
  .refine((n) => n >= -100 && n <= 100, 'must be between -100 and 100');
const text = z.string().trim().min(1);
const yesNo = z.enum(['true', 'false', 'yes', 'no', 'Yes', 'No', 'True', 'False']).transform((v) => /^(true|yes)$/i.test(v));
// PA's times carry their UTC offset (`2024-07-05T02:41:00+01:00`); kept as UTC.
const paTime = z
  .string()
  .refine(
    (v) => /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?(\.\d+)?(Z|[+-]\d\d:?\d\d)$/.test(v),
    'expected a date and time with its offset, like 2024-07-05T02:41:00+01:00',
  )
  .transform((v) => new Date(v).toISOString());

const partySchema = z.object({ name: text, abbreviation: text });
const candidateSchema = z.object({
  firstName: z.string().trim().default(''),
  surname: text,
  elected: yesNo.default(false),
  votes: count,
  percentageShare: percent.optional(),
  Party: z.array(partySchema).length(1, 'a candidate needs one Party element'),
});
export type PaCandidate = z.infer<typeof candidateSchema>;

const seatFields = { number: count.refine((n) => n > 0, 'must be a PA seat number, 1 or more'), name: text };
const resultConstituency = z.object({
  ...seatFields,
  electorate: count,
  turnout: percent.optional(),
  majority: count,
  winningParty: text,
  sittingParty: text.optional(),
  gainOrHold: z.string().trim().optional(),
  declarationTime: paTime.optional(),
  Candidate: z.array(candidateSchema).min(1, 'a result needs its Candidate elements'),
});
const rushConstituency = z.object({
  ...seatFields,
  winningParty: text,
  sittingParty: text.optional(),
  gainOrHold: z.string().trim().optional(),
  declarationTime: paTime.optional(),
});
const recountConstituency = z.object(seatFields);
const electionOf = <T extends z.ZodType>(constituency: T) =>
  z
    .array(
      z.object({ name: z.string().optional(), date: z.string().optional(), Constituency: z.array(constituency).length(1, 'one Constituency element a file') }),
    )
    .length(1, 'one Election element a file');

const stateParty = z.object({
  paId: count.optional(),
  name: text,
  abbreviation: text,
  totalSeats: count,
  gains: count.default(0),
  losses: count.default(0),
  totalVotes: count.optional(),
  percentageShare: percent.optional(),
  percentageChange: percent.optional(),
});
export type PaStateParty = z.infer<typeof stateParty>;

const revision = count.optional();
const ROOTS = {
  FirstPastThePostResult: z.object({ revision, Election: electionOf(resultConstituency) }),
  FirstPastThePostRush: z.object({ revision, Election: electionOf(rushConstituency) }),
  FirstPastThePostRecount: z.object({ revision, Election: electionOf(recountConstituency) }),
  FirstPastThePostStateOfParties: z.object({
    revision,
    Election: z
      .array(z.object({ name: z.string().optional(), date: z.string().optional() }))
      .max(1)
      .optional(),
    Parties: z.array(z.object({ Party: z.array(stateParty).min(1, 'a state of parties needs its Party elements') })).length(1, 'one Parties element a file'),
  }),
} as const;
type Root = keyof typeof ROOTS;

export type PaMessage =
  | { kind: 'result'; revision: number; election: string; seat: z.infer<typeof resultConstituency> }
  | { kind: 'rush'; revision: number; election: string; seat: z.infer<typeof rushConstituency> }
  | { kind: 'recount'; revision: number; election: string; seat: z.infer<typeof recountConstituency> }
  | { kind: 'state-of-parties'; revision: number; election: string; parties: PaStateParty[] };

/** A problem with the file, with its line where it can be placed. */
export interface PaProblem {
  message: string;
  line?: number;
}

// Elements that may repeat are always lists, so one candidate reads as a list of one.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (name) => ['Election', 'Constituency', 'Candidate', 'Party', 'Parties'].includes(name),
});

export function readPaMessage(xml: string, fileName: string): { message: PaMessage } | { problem: PaProblem } {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { problem: { message: `not well-formed XML: ${valid.err.msg} (column ${valid.err.col})`, line: valid.err.line } };
  const doc = parser.parse(xml) as Record<string, unknown>;
  const root = Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('#'));
  if (root === undefined || !(root in ROOTS)) {
    return {
      problem: {
        message: `root element <${root ?? ''}> is not a PA message this importer reads (${Object.keys(ROOTS).join(', ')})`,
        line: lineAtPath(xml, root ?? '', []),
      },
    };
  }
  const checked = ROOTS[root as Root].safeParse(doc[root]);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const field = issue.path.filter((p) => typeof p === 'string').join('/');
    return { problem: { message: `${root}/${field || '(root)'}: ${issue.message}`, line: lineAtPath(xml, root, issue.path) } };
  }
  const fromName = /_(\d+)\.xml$/i.exec(fileName)?.[1];
  const rev = checked.data.revision ?? (fromName === undefined ? undefined : Number(fromName));
  if (rev === undefined)
    return { problem: { message: `${root}: no revision (a revision attribute on the root, or a file name ending _N.xml)`, line: lineAtPath(xml, root, []) } };
  const data = checked.data;
  if ('Parties' in data)
    return { message: { kind: 'state-of-parties', revision: rev, election: data.Election?.[0]?.name ?? '', parties: data.Parties[0]!.Party } };
  const election = data.Election[0]!;
  const name = election.name ?? '';
  if (root === 'FirstPastThePostResult')
    return { message: { kind: 'result', revision: rev, election: name, seat: election.Constituency[0] as z.infer<typeof resultConstituency> } };
  if (root === 'FirstPastThePostRush')
    return { message: { kind: 'rush', revision: rev, election: name, seat: election.Constituency[0] as z.infer<typeof rushConstituency> } };
  return { message: { kind: 'recount', revision: rev, election: name, seat: election.Constituency[0]! } };
}

/**
 * 1-based line of the element a path names (`Election/0/Constituency/0/Candidate/2/votes`):
 * each element is the nth of its name after its parent's start, so the search walks down.
 */
export function lineAtPath(xml: string, root: string, path: readonly PropertyKey[]): number {
  let at = find(xml, root, 0, 0);
  for (let i = 0; i < path.length; i++) {
    const element = path[i];
    if (typeof element !== 'string' || !/^[A-Z]/.test(element)) continue;
    const nth = typeof path[i + 1] === 'number' ? (path[i + 1] as number) : 0;
    at = find(xml, element, at < 0 ? 0 : at, nth);
  }
  return at < 0 ? 1 : lineAt(xml, at);
}

/** Where the nth `<name` (as a whole name: `<Party` is not `<Parties`) starts at or after `from`; -1 when absent. */
function find(xml: string, name: string, from: number, nth: number): number {
  const pattern = new RegExp(`<${name.replace(/[^\w.-]/g, '')}(?=[\\s/>])`, 'g');
  pattern.lastIndex = from;
  let match: RegExpExecArray | null = null;
  for (let i = 0; i <= nth; i++) {
    match = pattern.exec(xml);
    if (match === null) return -1;
  }
  return match?.index ?? -1;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
