import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { baselineFromSeats, constituenciesFileSchema, type Baseline, type Constituency } from '../engine/election';
import { importStraplineBaselineJson } from '../engine/import';
import { describeIssues } from '../engine/errors';

export interface ReferenceData {
  baseline: Baseline;
  constituencies: Constituency[];
}

/** Loads the generated reference files in seeds/reference (see seeds/DATA_LICENSES.md). */
export async function loadReferenceData(dir: string): Promise<ReferenceData> {
  const baselineFile = path.join(dir, 'notional-2019.json');
  const imported = importStraplineBaselineJson(await readFile(baselineFile, 'utf8'), baselineFile);
  if (imported.report.applied !== 'all') throw new Error(imported.report.summary);
  const listFile = path.join(dir, 'constituencies.json');
  const list = constituenciesFileSchema.safeParse(JSON.parse(await readFile(listFile, 'utf8')));
  if (!list.success) throw new Error(`${listFile}: ${describeIssues(list.error.issues)}`);
  return { baseline: baselineFromSeats(imported.rows), constituencies: list.data.constituencies };
}
