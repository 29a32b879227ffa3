import { benchTakeLatency } from './take-latency.bench';
import { checkBudgets, writeResults, RESULTS_FILE, type Budget } from './stats';

/** Budgets from the issues; a breach fails `npm run bench`. */
const BUDGETS: Budget[] = [
  { metric: 'take_to_dom_ms', stat: 'p99', max: 5 },
  { metric: 'take_to_frame_ms', stat: 'p50', max: 16.7 },
  { metric: 'take_to_frame_ms', stat: 'p99', max: 33.4 },
];

const figures = { ...(await benchTakeLatency()) };
const budgets = checkBudgets(figures, BUDGETS);
await writeResults({ ...figures, budgets, measuredAt: new Date().toISOString() });

for (const [name, s] of Object.entries(figures)) {
  console.log(`${name.padEnd(32)} p50 ${s.p50.toFixed(2)}  p95 ${s.p95.toFixed(2)}  p99 ${s.p99.toFixed(2)}  (${s.runs} runs)`);
}
for (const b of budgets) console.log(`${b.ok ? 'within' : 'OVER  '} budget: ${b.metric} ${b.stat} ${b.value.toFixed(2)} <= ${b.max}`);
console.log(`written to ${RESULTS_FILE}`);
if (budgets.some((b) => !b.ok)) process.exit(1);
