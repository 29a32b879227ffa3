import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DEMO_SHOW, WEB_ROOT, defaultAsRunPath, defaultDataDir, startHeadless } from './headless';
import { accessInfo } from './access-api';
import { showFoldersAllowed } from './show-folders';
import { DataFolderInUse } from './data-lock';
import { parseCasparcgSpec, type CasparcgOutputConfig } from './casparcg/config';

const USAGE =
  'usage: npm run serve -- [--port N] [--host ADDRESS] [--show FILE] [--as-run FILE] [--drop DIR] [--data DIR] [--election DIR] ' +
  '[--templates DIR ...] [--casparcg HOST:PORT/CHANNEL[?mode=templates&backup=HOST:PORT]]...';

function fatal(message: string): never {
  console.error(`strapline: ${message}`);
  console.error(USAGE);
  process.exit(2);
}

/** The launcher sets this when it runs us because Electron's binary is absent: the why joins the one headline. */
const NO_ELECTRON = process.env.STRAPLINE_NO_ELECTRON === '1';

/** The first line, and the only one that says headless: the port chosen (port 0 picks one) and the data folder with it. */
function headlineOf(chosenPort: number, dataDir: string, show: string): string {
  const what = `Strapline is running headless on port ${chosenPort}, data folder ${dataDir} (autosaves, recent shows, what is on air), show ${show}`;
  return NO_ELECTRON ? `Electron's binary is not installed on this machine, so ${what}: open the URLs below in a browser` : what;
}

let args;
try {
  // `npm start -- --port N` reaches here through the launcher as `-- --port N`: that first `--` only ends npm's own options.
  const argv = process.argv.slice(2);
  args = parseArgs({
    args: argv[0] === '--' ? argv.slice(1) : argv,
    options: {
      port: { type: 'string', default: '7300' },
      host: { type: 'string', default: '127.0.0.1' },
      show: { type: 'string' },
      'as-run': { type: 'string' },
      drop: { type: 'string' },
      data: { type: 'string' },
      templates: { type: 'string', multiple: true },
      election: { type: 'string' },
      casparcg: { type: 'string', multiple: true },
    },
  }).values;
} catch (e) {
  fatal((e as Error).message);
}

const port = Number(args.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fatal(`--port must be a whole number from 0 to 65535, not "${args.port}"`);
if (!existsSync(path.join(WEB_ROOT, 'renderer/index.html'))) fatal(`the pages are not built: run "npm run build" first (looked in ${WEB_ROOT})`);

// Without --show, the last show edited comes back from the data folder (or the demo, the first time).
const showPath = args.show === undefined ? undefined : path.resolve(args.show);
const asRunPath = path.resolve(args['as-run'] ?? defaultAsRunPath());
const dropFolder = args.drop === undefined ? undefined : path.resolve(args.drop);
if (dropFolder !== undefined && !existsSync(dropFolder)) fatal(`--drop folder ${dropFolder} does not exist`);
// Repeatable; without it, <data>/templates/ (made if absent).
const templateDirs = args.templates?.map((d) => path.resolve(d));
for (const dir of templateDirs ?? []) if (!existsSync(dir)) fatal(`--templates folder ${dir} does not exist`);
// Without --election, the 2024 general election (seeds/elections/ge2024).
const electionDir = args.election === undefined ? undefined : path.resolve(args.election);
if (electionDir !== undefined && !existsSync(path.join(electionDir, 'election.json'))) fatal(`--election folder ${electionDir} has no election.json`);
const casparcg: CasparcgOutputConfig[] = [];
for (const [i, spec] of (args.casparcg ?? []).entries()) {
  const parsed = parseCasparcgSpec(spec, i);
  if ('error' in parsed) fatal(parsed.error);
  casparcg.push(parsed.output);
}
try {
  const dataDir = path.resolve(args.data ?? defaultDataDir());
  const app = await startHeadless({ showPath, host: args.host, port, asRunPath, webRoot: WEB_ROOT, dropFolder, dataDir, templateDirs, electionDir, casparcg });
  // Before any line is printed: a stop sent as soon as the URLs appear must still write everything out.
  const stop = () => void app.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const { url } = app.server;
  console.log(headlineOf(app.server.port, dataDir, app.showFiles?.source ?? showPath ?? DEMO_SHOW));
  console.log(`  console:  ${url}/`);
  console.log(`  output:   ${url}/output   (browser source; ?layers=lower-third,bug for a layer set, ?key=00ff00 for a key colour)`);
  console.log(`  gallery:  ${url}/gallery   (every template at every step, on the full 2024 night)`);
  console.log(`  producer: ${url}/producer   (read-only: every stack, a preview of any cue)`);
  const election = app.election.info();
  console.log(`  election: ${election.name} (${election.seatCount} seats, baseline ${election.baselineSource}), from ${election.folder}`);
  console.log(`  API:      ${url}/api/state`);
  console.log(`  as-run:   ${asRunPath}`);
  if (app.showFiles?.session.offer) console.log('  recovery: the last run did not stop cleanly; the console offers to restore what was on air');
  for (const notice of app.showFiles?.notices ?? []) console.log(`  notice:   ${notice}`);
  console.log(`  templates: ${(app.templateFolders?.dirs ?? []).join(', ')}   (OGraf, CasparCG and SPX templates, watched; GET /api/templates)`);
  for (const c of casparcg)
    console.log(
      `  casparcg: ${c.id} ${c.main.host}:${c.main.port} channel ${c.channel}, ${c.mode}` +
        `${c.backup ? `, backup ${c.backup.host}:${c.backup.port}` : ''}   (status in the console and GET /api/casparcg)`,
    );
  if (dropFolder !== undefined) console.log(`  drop:     ${dropFolder}   (results files written here are declared, one seat a file; taken ones move to done/)`);
  const info = accessInfo(args.host, app.server.port, app.access?.tokens ?? null);
  if (info.open) {
    // Open to the network: every request needs a token, so print the URLs that carry them.
    if (app.access?.notice) console.log(`  tokens:   ${app.access.notice}`);
    console.log(`  OPEN TO THE NETWORK on ${args.host}: every request needs a token (kept in ${app.access?.file})`);
    for (const links of info.links) {
      console.log(`  operator console (control):   ${links.console}`);
      console.log(`  output (read-only):           ${links.output}`);
      console.log(`  producer (read-only):         ${links.producer}`);
      console.log(`  gallery (read-only):          ${links.gallery}`);
    }
    console.log(`  scripts and Companion:        send "Authorization: Bearer ${info.controlToken}"`);
    const folders = await showFoldersAllowed({ dataDir, startFile: app.showFiles?.store.openedAtStart ?? null });
    console.log(`  show files from the network:  Open and Save As only directly in ${folders.join(' or ')}`);
  }
  // Last, so whoever reads these lines (a person or a script) knows they are complete.
  console.log('Ctrl+C stops it; edits and what is on air are written out first.');
} catch (e) {
  // Another Strapline on this folder: not a usage mistake, so one line and exit 1, without the usage.
  if (e instanceof DataFolderInUse) {
    console.error(`strapline: ${e.message}`);
    process.exit(1);
  }
  fatal((e as Error).message);
}
