import type { Engine } from '../engine/engine';
import type { Constituency } from '../engine/election';
import { TEMPLATE_DEFINITIONS, TEMPLATES } from '../templates/definitions';
import { accessRoutes, type AccessInfo } from './access-api';
import { asRunRoutes, type AsRunMemory } from './as-run-api';
import { controlRoutes } from './control-api';
import { galleryRoutes } from './gallery-api';
import { producerRoutes } from './producer-api';
import { resultsRoutes, type ResultsApiContext } from './results-api';
import type { Route } from './route-table';
import { showRoutes, type ShowApiContext } from './show-api';
import { electionRoutes, type ElectionApiContext } from './election-api';
import { templateRoutes } from './template-api';
import { casparcgRoutes } from './casparcg/casparcg-api';
import type { CasparcgOutputs } from './casparcg/casparcg-outputs';

/** What the routes are given, once, when the server starts. */
export interface RouteContext {
  engine: Engine;
  constituencies: readonly Constituency[];
  asRun: AsRunMemory;
  results: ResultsApiContext;
  /** Absent when the server keeps no data directory: then /api/show/... is a 404. */
  showFiles: ShowApiContext | null;
  access: () => AccessInfo;
  /** The results file a rehearsal replays, which the gallery draws a whole night from. */
  rehearsalSource: string;
  /** Absent in tests that start a bare server: then /api/election is a 404. */
  elections?: ElectionApiContext;
  /** The CasparCG outputs (GET and POST /api/casparcg). */
  casparcg: CasparcgOutputs;
}

/**
 * The one route table: every way into the API, each feature's routes beside
 * its handlers (method, path, who may call it, the schemas of its query and
 * body). A new route is one entry in its feature's list; a new feature is one
 * line here. The dispatcher (route-dispatch.ts) refuses a path listed twice.
 */
export function apiRoutes(ctx: RouteContext): Route[] {
  const { engine } = ctx;
  return [
    ...controlRoutes(engine),
    ...resultsRoutes(ctx.results),
    ...asRunRoutes(ctx.asRun),
    ...accessRoutes(ctx.access),
    ...(ctx.showFiles ? showRoutes(ctx.showFiles) : []),
    // The gallery draws a whole declared night from its own engine; the live one is only asked for its baseline, once.
    ...galleryRoutes({
      resultsFile: ctx.rehearsalSource,
      baseline: engine.resultsState().baseline,
      constituencies: ctx.constituencies,
      templates: TEMPLATE_DEFINITIONS,
    }),
    ...producerRoutes(engine, TEMPLATES),
    ...templateRoutes(engine),
    ...(ctx.elections ? electionRoutes(ctx.elections) : []),
    ...casparcgRoutes(ctx.casparcg),
  ];
}
