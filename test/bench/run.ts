import { benchTakeLatency } from './take-latency.bench';
import { benchImport } from './import.bench';
import { benchDeclarationBurst } from './declaration-burst.bench';
import { checkBudgets, writeResults, RESULTS_FILE, type Budget } from './stats';

/** Budgets from the issues; a breach fails `npm run bench`. */
const BUDGETS: Budget[] = [
  { metric: 'take_to_dom_ms', stat: 'p99', max: 5 },
  { metric: 'take_to_frame_ms', stat: 'p50', max: 16.7 },
  { metric: 'take_to_frame_ms', stat: 'p99', max: 33.4 },
  { metric: 'import_ge2024_ms', stat: 'p50', max: 100 },
  { metric: 'declaration_burst_ms', stat: 'p95', max: 500 },
];

// One at a time: each would skew the others' timings on a two-core machine.
const figures = { ...(await benchTakeLatency()), ...(await benchImport()), ...(await benchDeclarationBurst()) };
const budgets = checkBudgets(figures, BUDGETS);
await writeResults({ ...figures, budgets, measuredAt: new Date().toISOString() });

for (const [name, s] of Object.entries(figures)) {
  console.log(`${name.padEnd(32)} p50 ${s.p50.toFixed(2)}  p95 ${s.p95.toFixed(2)}  p99 ${s.p99.toFixed(2)}  (${s.runs} runs)`);
}
for (const b of budgets) console.log(`${b.ok ? 'within' : 'OVER  '} budget: ${b.metric} ${b.stat} ${b.value.toFixed(2)} <= ${b.max}`);
console.log(`written to ${RESULTS_FILE}`);
if (budgets.some((b) => !b.ok)) process.exit(1);
