import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from '../../main/server/headless';
import { SHOW_FORMAT_VERSION, type Cue, type Show } from '../../main/engine/show';

export const IMPORT_CAP_BYTES = 20 * 1024 * 1024;
const RESULTS_2024 = path.resolve(REPO_ROOT, '../shared/data/ge2024-constituency-results.csv');

/**
 * The largest import the server takes: the 2024 constituency file's rows over and
 * over to just under the 20 MiB cap (about 118,000 rows), so every row is parsed and
 * validated and every repeat is refused as a seat seen before. `badLine`, if given,
 * gets a vote count that is not a number.
 */
export async function maxSizeImportCsv(options: { badLine?: number } = {}): Promise<{ csv: string; rows: number }> {
  const [header, ...rows] = (await readFile(RESULTS_2024, 'utf8')).trimEnd().split('\n');
  const lines = [header!];
  let size = header!.length + 1;
  for (let i = 0; ; i++) {
    const row = rows[i % rows.length]!;
    if (size + row.length + 1 > IMPORT_CAP_BYTES - 1024) break;
    lines.push(row);
    size += row.length + 1;
  }
  if (options.badLine !== undefined) lines[options.badLine - 1] = lines[options.badLine - 1]!.replace(/,(\d+),(\d+),(\d+),/, ',$1,12x4,$3,');
  return { csv: `${lines.join('\n')}\n`, rows: lines.length - 1 };
}

/**
 * A show of about 40 MB (as indented JSON): `keep` first (the cues a test takes),
 * then 199 stacks (the most a show holds is 200) of 604 straps and seat results each.
 */
export function fortyMegabyteShow(keep: Show['stacks'][number]): Show {
  const stacks = [keep];
  for (let s = 0; s < 199; s++) {
    const cues: Cue[] = [];
    for (let c = 0; c < 604; c++) {
      cues.push(
        c % 2
          ? {
              id: `s${s}-c${c}`,
              title: `Strap ${s}.${c}`,
              template: 'strap',
              layer: 'lower-third',
              fields: {
                headline: `Constituency ${s}.${c}: the count goes on into the night`,
                subline: 'A recount has been called after a margin of fewer than fifty votes',
                party: 'lab',
                variant: 'standard',
              },
            }
          : { id: `s${s}-c${c}`, title: `Seat ${s}.${c}`, template: 'seat-result', layer: 'fullscreen', fields: { constituency: 'E14001063', bars: 6 } },
      );
    }
    stacks.push({ id: `stack-${s}`, name: `Stack ${s}`, cues });
  }
  return { format: 'strapline-show', version: SHOW_FORMAT_VERSION, name: 'Forty megabytes', stacks };
}
