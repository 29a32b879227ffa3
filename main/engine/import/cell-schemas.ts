/**
 * zod schemas for single CSV cells. Each takes the raw text of a cell and either narrows it
 * or explains, in words an operator understands, what was wrong with it.
 */
import { z } from 'zod';
import { ukLocalTimeToIso } from './uk-local-time';

const WHOLE_NUMBER = /^\d+$/;
// Spreadsheets write 72580 as "72,580"; only well-formed groups of three are accepted, so a
// stray comma in "7,2580" is an error rather than a silent 72580.
const GROUPED_NUMBER = /^\d{1,3}(,\d{3})+$/;

/** A vote count, electorate or similar: digits, optionally grouped with commas. */
export const wholeNumberCell = z.string().transform((raw, ctx) => {
  const text = raw.trim();
  if (text === '') {
    ctx.addIssue({ code: 'custom', message: 'is empty, expected a whole number', input: raw });
    return z.NEVER;
  }
  if (!WHOLE_NUMBER.test(text) && !GROUPED_NUMBER.test(text)) {
    ctx.addIssue({ code: 'custom', message: `${JSON.stringify(text)} is not a whole number`, input: raw });
    return z.NEVER;
  }
  const value = Number(text.replace(/,/g, ''));
  if (!Number.isSafeInteger(value)) {
    ctx.addIssue({ code: 'custom', message: `${JSON.stringify(text)} is too large`, input: raw });
    return z.NEVER;
  }
  return value;
});

/** As wholeNumberCell, but an empty cell means "not published". */
export const optionalWholeNumberCell = z.string().transform((raw, ctx) => {
  if (raw.trim() === '') return undefined;
  const parsed = wholeNumberCell.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, input: raw });
    return z.NEVER;
  }
  return parsed.data;
});

/** Text that must be present. */
export const requiredTextCell = z.string().transform((raw, ctx) => {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (text === '') {
    ctx.addIssue({ code: 'custom', message: 'is empty', input: raw });
    return z.NEVER;
  }
  return text;
});

/** `Yes`/`No` (any case); empty means unknown. */
export const yesNoCell = z.string().transform((raw, ctx) => {
  const text = raw.trim().toLowerCase();
  if (text === '') return undefined;
  if (text === 'yes' || text === 'y' || text === 'true') return true;
  if (text === 'no' || text === 'n' || text === 'false') return false;
  ctx.addIssue({ code: 'custom', message: `${JSON.stringify(raw.trim())} is not Yes or No`, input: raw });
  return z.NEVER;
});

/** Commons Library declaration time `13/12/2019 02:30` (UK local time), empty when unpublished. */
export const declarationTimeCell = z.string().transform((raw, ctx) => {
  const text = raw.trim();
  if (text === '') return undefined;
  const iso = ukLocalTimeToIso(text);
  if (iso === undefined) {
    ctx.addIssue({ code: 'custom', message: `${JSON.stringify(text)} is not a date and time like 13/12/2019 02:30`, input: raw });
    return z.NEVER;
  }
  return iso;
});

/** An ONS constituency code, upper-cased. */
export const onsCodeCell = z.string().transform((raw, ctx) => {
  const text = raw.trim().toUpperCase();
  if (!/^[ENSW]\d{8}$/.test(text)) {
    ctx.addIssue({ code: 'custom', message: `${JSON.stringify(raw.trim())} is not an ONS constituency code like E14001425`, input: raw });
    return z.NEVER;
  }
  return text;
});
