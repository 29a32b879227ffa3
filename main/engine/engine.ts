import {
  commandSchema,
  type Command,
  type CommandOf,
  type CommandResult,
  type CommandType,
  type ProgramSnapshot,
  type ServerEvent,
  type ShowSnapshot,
} from './protocol';
import { describeIssues, fail, type StraplineError } from './errors';
import type { Cue, Fields, Show, ShowElection } from './show';
import { sameValue } from './same-value';
import { findCue } from './show';
import { isLiveTemplates, type BindingContext, type TemplateTable, type TemplatesSnapshot } from './templates';
import { rebindProgram, resolveView } from './binding';
import { initialState, isError, type EngineState, type Outcome } from './state';
import * as playout from './playout';
import { restoreProgram } from './restore-program';
import { customAction } from './custom-action';
import { composeProgram, compositionAsRun, type Composition } from './composition';
import * as edits from './show-edits';
import * as results from './results';
import * as history from './show-history';
import { deriveTotals, type Baseline, type Constituency, type ElectionFacts, type ElectionTotals } from './election';
import { boundGraphicsInUse } from './election-switch';
import { jsonBoundsProblem } from './json-bounds';
import type { ResultsSnapshot, StorageFault, StorageSnapshot } from './protocol';

type Handler<K extends CommandType> = (state: EngineState, cmd: CommandOf<K>, ctx: history.HistoryContext) => Outcome;

/** Keyed by the command map: a command without a handler does not compile. */
const handlers: { [K in CommandType]: Handler<K> } = {
  cue: playout.cue,
  take: playout.take,
  next: playout.next,
  update: playout.update,
  out: playout.out,
  'clear-all': playout.clearAll,
  'custom-action': customAction,
  'add-stack': edits.addStack,
  'rename-stack': edits.renameStack,
  'delete-stack': edits.deleteStack,
  'add-cue': edits.addCue,
  'edit-cue': edits.editCue,
  'delete-cue': edits.deleteCue,
  'move-cue': edits.moveCue,
  'load-show': edits.loadShow,
  'restore-program': restoreProgram,
  undo: history.undo,
  redo: history.redo,
  'declare-results': results.declareResults,
  'accept-correction': results.acceptCorrection,
  'reject-correction': results.rejectCorrection,
  'set-baseline': results.setBaseline,
  'reset-results': results.resetResults,
  'results-settings': results.resultsSettings,
  'set-mode': results.setMode,
};

export interface EngineOptions {
  show: Show;
  /** The previous result every GAIN/HOLD and change is judged against. */
  baseline: Baseline;
  /** The built-ins alone (a Map), or the registry, whose outside templates come and go during the show (main/templates/registry.ts). */
  templates: TemplateTable;
  /** Names and regions that bound graphics read (seeds/reference/constituencies.json). */
  constituencies?: readonly Constituency[];
  /** The election these seats and this baseline are of (main/server/election-folder.ts). */
  election?: ElectionFacts;
  /** Injected so tests control time and the take guard. */
  now: () => number;
  minTakeIntervalMs?: number;
}

export type Listener = (event: ServerEvent) => void;
/** Told of a listener that threw: the command had been applied, so it is a fault to report, not a refusal. */
export type FaultListener = (error: unknown, during: string) => void;

/**
 * Owns the show, preview and program. Every change comes through dispatch,
 * which validates the command, applies it or changes nothing, and tells
 * listeners: the program snapshot (revision bumped), the show, as-run entries.
 */
export class Engine {
  private state: EngineState;
  private revision = 1;
  private showRevision = 1;
  private resultsRevision = 1;
  /** Undo and redo for the show only: see show-history.ts. */
  private history = history.emptyHistory();
  private resultsCache: { of: results.ResultsState; snapshot: ResultsSnapshot } | null = null;
  private readonly listeners = new Set<Listener>();
  private readonly faultListeners = new Set<FaultListener>();
  private readonly templates: TemplateTable;
  private readonly now: () => number;
  private readonly minTakeIntervalMs: number;
  private constituencies: ReadonlyMap<string, Constituency>;
  private election: ElectionFacts | undefined;
  private totalsCache: { of: results.ResultsState; totals: ElectionTotals } | null = null;
  /** The last cue resolved (the one in preview, as a rule), for the results it was resolved against: see cueView. */
  private cueViewCache: { cue: Cue; results: results.ResultsState; resolved: { view: Fields } | { error: StraplineError } } | null = null;
  /** Views by the number they went out under (OnAir.viewRevision); weak, so views that are gone take their numbers with them. */
  private readonly viewNumbers = new WeakMap<Fields, number>();
  private lastViewRevision = 0;
  /** Resolves once every results change so far is on disk (null) or says why not: injected, so the engine does no I/O. */
  private persisted: (() => Promise<string | null>) | null = null;
  private storage: StorageSnapshot = { faults: [] };
  private compositionCache: { of: EngineState['program']; composition: Composition } | null = null;
  private readonly stopTemplates: () => void;

  constructor(options: EngineOptions) {
    this.state = initialState(options.show, options.baseline);
    this.templates = options.templates;
    this.constituencies = new Map((options.constituencies ?? []).map((c) => [c.onsCode, c]));
    this.election = options.election;
    this.now = options.now;
    this.minTakeIntervalMs = options.minTakeIntervalMs ?? 200;
    // A template added, changed or gone during the show: the consoles' palettes hear of it at once.
    const live = isLiveTemplates(options.templates) ? options.templates : null;
    this.stopTemplates = live ? live.watch(() => this.emit({ type: 'templates', data: live.snapshot() })) : () => {};
  }

  /** Every template the registry holds, with its revision; null when the engine has only the built-ins' table. */
  templatesSnapshot(): TemplatesSnapshot | null {
    return isLiveTemplates(this.templates) ? this.templates.snapshot() : null;
  }

  /** Stops hearing of the registry's changes (the server's close). */
  detachTemplates(): void {
    this.stopTemplates();
  }

  dispatch(input: unknown): CommandResult {
    // Before zod, on every transport (IPC included): a value too deep to serialise again never gets in.
    const tooBig = jsonBoundsProblem(input);
    if (tooBig) return this.reject(fail('INVALID_COMMAND', `command ${tooBig}`));
    const parsed = commandSchema.safeParse(input);
    if (!parsed.success) {
      return this.reject(fail('INVALID_COMMAND', describeIssues(parsed.error.issues)));
    }
    return this.apply(parsed.data, false);
  }

  /**
   * A show already parsed and checked in full (showSchema and checkShow, against the
   * same templates) off the event loop, by the big-input worker (main/server/big-input.ts):
   * loaded as dispatch loads it, without the second check that for a 40 MB show would
   * hold the air for half a second. Only for a show that came out of parseShow.
   */
  loadCheckedShow(show: Show): CommandResult {
    return this.apply({ type: 'load-show', show }, true);
  }

  private apply(command: Command, showChecked: boolean): CommandResult {
    const handler = handlers[command.type] as Handler<CommandType>;
    const ctx: history.HistoryContext = {
      now: this.now(),
      templates: this.templates,
      minTakeIntervalMs: this.minTakeIntervalMs,
      binding: (r) => this.binding(r),
      history: this.history,
      showChecked,
      cueView: (cue, r) => this.cueView(cue, r),
      viewRevision: (view) => this.viewRevision(view),
    };
    const handled = handler(this.state, command as CommandOf<CommandType>, ctx);
    if (isError(handled)) return this.reject(handled.error);
    // New results reach bound graphics on air as updates, in the same revision.
    const rebound = handled.state.results === this.state.results ? null : rebindProgram(handled.state, ctx);
    const applied = rebound ? { ...handled, state: rebound.state, asRun: [...handled.asRun, ...rebound.asRun] } : handled;
    // Layers held by a board, or back from under one, are logged with the command that moved them.
    const composed = applied.state.program === this.state.program ? [] : compositionAsRun(this.state.program, applied.state.program, ctx.now);
    const outcome = composed.length ? { ...applied, asRun: [...applied.asRun, ...composed] } : applied;

    const before = this.state;
    this.state = outcome.state;
    this.history = history.advanceHistory(this.history, command, before.show, this.state.show);
    const programChanged = before.program !== this.state.program;
    const previewChanged = before.previewCueId !== this.state.previewCueId;
    const showChanged = before.show !== this.state.show;
    // A show edit to the cue in preview changes what outputs preload.
    const previewId = this.state.previewCueId;
    const previewEdited = showChanged && previewId !== null && findCue(before.show, previewId)?.cue !== findCue(this.state.show, previewId)?.cue;
    const resultsChanged = before.results !== this.state.results;
    // A bound cue in preview draws the new results too: outputs preload it again.
    const previewRebound = resultsChanged && previewId !== null && this.isBound(previewId);
    // The REHEARSAL mark is part of what outputs draw, so it travels in the program snapshot.
    const markChanged = markOf(before) !== markOf(this.state);
    const airChanged = programChanged || previewChanged || previewEdited || previewRebound || markChanged;
    if (airChanged) this.revision += 1;
    if (showChanged) this.showRevision += 1;
    if (resultsChanged) this.resultsRevision += 1;
    const rehearsal = this.state.results.mode === 'rehearsal';

    // The air first: outputs hear of a take before anything else is sent.
    if (airChanged) this.emit({ type: 'program', data: this.programSnapshot() });
    for (const entry of outcome.asRun) {
      const marked = rehearsal && entry.action !== 'mode' ? { ...entry, rehearsal: true as const } : entry;
      this.emit({ type: 'as-run', data: { ...marked, revision: this.revision } });
    }
    if (showChanged) this.emit({ type: 'show', data: this.showSnapshot() });
    if (resultsChanged) this.emit({ type: 'results', data: this.resultsSnapshot() });
    const detail = outcome.detail ? { detail: outcome.detail } : {};
    return { ok: true, revision: this.revision, showRevision: this.showRevision, resultsRevision: this.resultsRevision, ...detail };
  }

  /**
   * dispatch, answered once a change to the results is on disk (the results
   * journal's flush): every transport that acknowledges a command uses this.
   * Other commands are answered at once, so a take never waits for a disk.
   */
  async commit(input: unknown): Promise<CommandResult> {
    const before = this.resultsRevision;
    const result = this.dispatch(input);
    if (!result.ok || result.resultsRevision === before || !this.persisted) return result;
    const unsaved = await this.persisted();
    return unsaved === null ? result : { ...result, unsaved };
  }

  /** The server's results journal (main/server/results-journal.ts); returns the detach. */
  persistWith(wait: () => Promise<string | null>): () => void {
    this.persisted = wait;
    return () => {
      if (this.persisted === wait) this.persisted = null;
    };
  }

  /**
   * At start, before anything is on air: the results the journal replayed. Not
   * a command, so no transport can send one.
   */
  resumeResults(resumed: results.ResultsState): void {
    if (Object.keys(this.state.program).length > 0) throw new Error('results are resumed only before anything goes to air');
    this.state = { ...this.state, results: resumed };
    this.resultsRevision += 1;
    this.emit({ type: 'results', data: this.resultsSnapshot() });
  }

  /**
   * Another election opened: its seats, baseline and facts, every seat pending again. Not a
   * command (an election is read from files by the server, main/server/election-session.ts).
   * Refused, changing nothing, while a bound graphic is on air or in preview: its figures
   * would turn into another night's under the operator's hands.
   */
  switchElection(next: { baseline: Baseline; constituencies: readonly Constituency[]; election: ElectionFacts }): StraplineError | null {
    const inUse = boundGraphicsInUse(this.state, this.templates);
    if (inUse.length > 0) return fail('ELECTION_IN_USE', `Cannot open ${next.election.name} while bound graphics are up: clear ${inUse.join(', ')} first`);
    const { mode, rehearsalMark, holderBasis, speakerCountsWith } = this.state.results;
    this.constituencies = new Map(next.constituencies.map((c) => [c.onsCode, c]));
    this.election = next.election;
    this.state = { ...this.state, results: { ...results.initialResults(next.baseline), mode, rehearsalMark, holderBasis, speakerCountsWith } };
    this.resultsRevision += 1;
    this.emit({ type: 'results', data: this.resultsSnapshot() });
    return null;
  }

  /**
   * The show is now made for this election (opened from the Elections panel or at the start):
   * saved with the show, so a restart reopens it. Not a command and not an undoable edit.
   */
  stampShowElection(election: ShowElection): void {
    const current = this.state.show.election;
    if (current?.folder === election.folder && current.name === election.name) return;
    this.state = { ...this.state, show: { ...this.state.show, election } };
    this.showRevision += 1;
    this.emit({ type: 'show', data: this.showSnapshot() });
  }

  electionFacts(): ElectionFacts | undefined {
    return this.election;
  }

  /** PA number to ONS code over the loaded election's seats: how a PA feed file is joined (pa-xml). */
  paNumbers(): ReadonlyMap<number, string> {
    const pairs = [...this.constituencies.values()].flatMap((c) => (c.paNumber === undefined ? [] : [[c.paNumber, c.onsCode] as const]));
    return new Map(pairs);
  }

  /** Writes that are failing now, from the server's files: told to consoles, never touching the air. */
  reportStorage(faults: readonly StorageFault[]): void {
    this.storage = { faults: [...faults] };
    this.emit({ type: 'storage', data: this.storage });
  }

  storageSnapshot(): StorageSnapshot {
    return this.storage;
  }

  programSnapshot(): ProgramSnapshot {
    const { previewCueId, program } = this.state;
    const found = previewCueId === null ? undefined : findCue(this.state.show, previewCueId);
    // Null when its data cannot be read: outputs then build it at the take.
    const resolved = found ? this.cueView(found.cue, this.state.results) : null;
    const preview =
      found && resolved && 'view' in resolved
        ? {
            cueId: found.cue.id,
            template: found.cue.template,
            layer: found.cue.layer,
            fields: found.cue.fields,
            view: resolved.view,
            viewRevision: this.viewRevision(resolved.view),
          }
        : null;
    if (this.compositionCache?.of !== program) this.compositionCache = { of: program, composition: composeProgram(program) };
    const composition = this.compositionCache.composition;
    return { revision: this.revision, program, preview, composition, at: this.now(), ...(markOf(this.state) ? { rehearsalMark: true as const } : {}) };
  }

  /**
   * What a cue draws against these results, resolved once per cue and results: the
   * preview's view, which a take then airs as it is. New results that leave the
   * drawing as it was keep the view object, and so its number: outputs keep their preload.
   */
  private cueView(cue: Cue, r: results.ResultsState): { view: Fields } | { error: StraplineError } {
    const cached = this.cueViewCache;
    if (cached?.cue === cue && cached.results === r) return cached.resolved;
    const template = this.templates.get(cue.template);
    if (!template) return { error: fail('UNKNOWN_TEMPLATE', `Cue "${cue.id}" uses unknown template "${cue.template}"`) };
    const fresh = resolveView(template, cue.fields, this.binding(r));
    const same = cached?.cue === cue && 'view' in cached.resolved && 'view' in fresh && sameValue(cached.resolved.view, fresh.view);
    const resolved = same ? cached.resolved : fresh;
    this.cueViewCache = { cue, results: r, resolved };
    return resolved;
  }

  private viewRevision(view: Fields): number {
    let n = this.viewNumbers.get(view);
    if (n === undefined) {
      n = ++this.lastViewRevision;
      this.viewNumbers.set(view, n);
    }
    return n;
  }

  /** What a cue of the show would draw now, against the accepted results: read-only (the producer view). */
  viewOf(cueId: string): { view: Record<string, unknown> } | { error: StraplineError } {
    const found = findCue(this.state.show, cueId);
    if (!found) return { error: fail('UNKNOWN_CUE', `No cue ${cueId} in the show`) };
    const template = this.templates.get(found.cue.template);
    if (!template) return { error: fail('UNKNOWN_TEMPLATE', `Cue ${cueId}: no template ${found.cue.template}`) };
    return resolveView(template, found.cue.fields, this.binding(this.state.results));
  }

  private isBound(cueId: string): boolean {
    const found = findCue(this.state.show, cueId);
    return found !== undefined && this.templates.get(found.cue.template)?.resolve !== undefined;
  }

  private binding(r: results.ResultsState): BindingContext {
    return { results: r, constituencies: this.constituencies, totals: () => this.totalsOf(r), ...(this.election ? { election: this.election } : {}) };
  }

  private totalsOf(r: results.ResultsState): ElectionTotals {
    if (this.totalsCache?.of !== r) this.totalsCache = { of: r, totals: deriveTotals(r.seats, r.baseline, { holderBasis: r.holderBasis }) };
    return this.totalsCache.totals;
  }

  showSnapshot(): ShowSnapshot {
    return { showRevision: this.showRevision, show: this.state.show, history: history.summarise(this.history) };
  }

  /** Totals are derived once per change of results, however many views ask. */
  resultsSnapshot(): ResultsSnapshot {
    const r = this.state.results;
    if (this.resultsCache?.of === r) return this.resultsCache.snapshot;
    const snapshot: ResultsSnapshot = {
      resultsRevision: this.resultsRevision,
      mode: r.mode,
      holderBasis: r.holderBasis,
      speakerCountsWith: r.speakerCountsWith,
      lastDeclarationAt: r.lastDeclarationAt,
      totals: this.totalsOf(r),
      corrections: [...r.corrections].map(([onsCode, proposed]) => ({ onsCode, current: r.seats.get(onsCode)!, proposed })),
    };
    this.resultsCache = { of: r, snapshot };
    return snapshot;
  }

  /** The results as held, for the API and importers' callers; never mutate. */
  resultsState(): results.ResultsState {
    return this.state.results;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The server logs these and tells the consoles; with no one listening they go to stderr. */
  onFault(listener: FaultListener): () => void {
    this.faultListeners.add(listener);
    return () => this.faultListeners.delete(listener);
  }

  private reject(error: ReturnType<typeof fail>): CommandResult {
    this.emit({ type: 'error', data: error });
    return { ok: false, error };
  }

  private emit(event: ServerEvent): void {
    for (const listener of this.listeners) {
      // A broken view must never stop the engine or the other views.
      try {
        listener(event);
      } catch (e) {
        this.fault(e, `a listener to the ${event.type} event`);
      }
    }
  }

  private fault(error: unknown, during: string): void {
    if (this.faultListeners.size === 0) console.error(`fault in ${during}: ${(error as Error)?.stack ?? String(error)}`);
    for (const listener of this.faultListeners) {
      try {
        listener(error, during);
      } catch {
        // A broken reporter has nowhere left to report to; the air goes on.
      }
    }
  }
}

/** Whether outputs draw the REHEARSAL mark: only in a rehearsal, and there unless switched off. */
function markOf(state: EngineState): boolean {
  return state.results.mode === 'rehearsal' && state.results.rehearsalMark;
}
