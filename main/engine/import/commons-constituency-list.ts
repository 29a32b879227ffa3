/**
 * The constituency list (code, name, region, nation) from a Commons Library constituency-
 * results file: the same file that carries results also defines the seats of that election.
 */
import { constituencySchema, NATIONS, type Constituency } from '../election/reference-schemas';
import { onsCodeCell, requiredTextCell } from './cell-schemas';
import { openCsvImport, RowReader } from './csv-table';
import type { ImportOptions, ImportOutcome } from './import-report';

const L = { onsCode: 'ONS ID', name: 'Constituency name', regionName: 'Region name', regionCode: 'ONS region ID', nation: 'Country name' } as const;

export function readCommonsConstituencyList(text: string, fileName: string, options: ImportOptions = {}): ImportOutcome<Constituency> {
  const opened = openCsvImport<Constituency>('commons-constituency', text, fileName, Object.values(L), options);
  if (!('table' in opened)) return opened;
  const { table, log } = opened;
  const accepted: Constituency[] = [];
  const seen = new Set<string>();
  let rejected = 0;
  for (const record of table.rows) {
    const row = new RowReader(table, record, log);
    const draft = {
      onsCode: row.parse(L.onsCode, onsCodeCell),
      name: row.parse(L.name, requiredTextCell),
      regionName: row.parse(L.regionName, requiredTextCell),
      regionCode: row.parse(L.regionCode, requiredTextCell),
      nation: row.parse(L.nation, requiredTextCell),
    };
    const checked = constituencySchema.safeParse(draft);
    if (row.ok && !checked.success) {
      for (const issue of checked.error.issues) {
        const header = issue.path[0] === 'nation' ? L.nation : issue.path[0] === 'regionCode' ? L.regionCode : undefined;
        row.fail(issue.path[0] === 'nation' ? `is not one of ${NATIONS.join(', ')}` : issue.message, header);
      }
    }
    if (checked.success && seen.has(checked.data.onsCode)) row.fail(`seat ${checked.data.onsCode} appears twice`, L.onsCode);
    if (checked.success && row.ok) {
      seen.add(checked.data.onsCode);
      accepted.push(checked.data);
    } else rejected += 1;
  }
  return opened.finish(accepted, rejected);
}
