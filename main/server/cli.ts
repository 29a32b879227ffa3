import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DEMO_SHOW, WEB_ROOT, defaultAsRunPath, startHeadless } from './headless';

const USAGE = 'usage: npm run serve -- [--port N] [--host ADDRESS] [--show FILE] [--as-run FILE] [--drop DIR]';

function fatal(message: string): never {
  console.error(`strapline: ${message}`);
  console.error(USAGE);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: {
      port: { type: 'string', default: '7300' },
      host: { type: 'string', default: '127.0.0.1' },
      show: { type: 'string' },
      'as-run': { type: 'string' },
      drop: { type: 'string' },
    },
  }).values;
} catch (e) {
  fatal((e as Error).message);
}

const port = Number(args.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fatal(`--port must be a whole number from 0 to 65535, not "${args.port}"`);
if (!existsSync(path.join(WEB_ROOT, 'renderer/index.html'))) fatal(`the pages are not built: run "npm run build" first (looked in ${WEB_ROOT})`);

const showPath = path.resolve(args.show ?? DEMO_SHOW);
const asRunPath = path.resolve(args['as-run'] ?? defaultAsRunPath());
const dropFolder = args.drop === undefined ? undefined : path.resolve(args.drop);
if (dropFolder !== undefined && !existsSync(dropFolder)) fatal(`--drop folder ${dropFolder} does not exist`);
try {
  const app = await startHeadless({ showPath, host: args.host, port, asRunPath, webRoot: WEB_ROOT, dropFolder });
  const { url } = app.server;
  console.log(`Strapline is running headless with show ${showPath}`);
  console.log(`  console:  ${url}/`);
  console.log(`  output:   ${url}/output   (browser source; ?layers=lower-third,bug for a layer set, ?key=00ff00 for a key colour)`);
  console.log(`  API:      ${url}/api/state`);
  console.log(`  as-run:   ${asRunPath}`);
  if (dropFolder !== undefined) console.log(`  drop:     ${dropFolder}   (results files written here are declared; one seat a file)`);
  if (args.host !== '127.0.0.1' && args.host !== 'localhost' && args.host !== '::1') {
    console.log(`  warning:  listening on ${args.host}: anyone who can reach it can drive the air`);
  }
  const stop = () => void app.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (e) {
  fatal((e as Error).message);
}
