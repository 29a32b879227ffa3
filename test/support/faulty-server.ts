import { parseArgs } from 'node:util';
import { WEB_ROOT, startHeadless } from '../../main/server/headless';

/**
 * The real headless server with three listeners that fail after every change
 * of the program, the ways deferred work fails: a throw in the listener, a
 * throw in a microtask it queued, a promise it rejected and left. Spawned by
 * test/unit/server/fault-guard.test.ts, which checks the process outlives all
 * three. Takes the CLI's options (test/support/server-process.ts).
 */
const { values } = parseArgs({ options: { port: { type: 'string' }, show: { type: 'string' }, 'as-run': { type: 'string' }, data: { type: 'string' } } });
const app = await startHeadless({
  host: '127.0.0.1',
  port: Number(values.port),
  showPath: values.show,
  asRunPath: values['as-run']!,
  dataDir: values.data,
  webRoot: WEB_ROOT,
});
app.engine.subscribe((event) => {
  if (event.type !== 'program') return;
  queueMicrotask(() => {
    throw new Error('microtask boom');
  });
  void Promise.reject(new Error('rejection boom'));
  throw new Error('listener boom');
});
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
console.log(`  console:  ${app.server.url}/ `);
