import type { Engine } from '../engine/engine';
import { fail, type StraplineError } from '../engine/errors';

/**
 * The last line of defence for the air. A command is validated before it is
 * applied, but work it sets off runs later (a listener, a microtask, a
 * deferred write): a throw there used to reach the process and end it, and
 * every output with it. Here it is caught, logged with its stack and told to
 * the consoles as an `error` event, and the server goes on. Node's default
 * (print and exit) is right for a batch job; on air, a frozen picture with a
 * warning on the console beats a black one.
 */
export interface FaultReport {
  error: StraplineError;
  stack: string;
}

function describe(error: unknown): { message: string; stack: string } {
  if (error instanceof Error) return { message: error.message, stack: error.stack ?? `${error.name}: ${error.message}` };
  return { message: String(error), stack: String(error) };
}

export function faultReport(error: unknown, during: string): FaultReport {
  const { message, stack } = describe(error);
  return {
    error: fail('INVALID_REQUEST', `Internal error in ${during}: ${message}. The server kept running; what is on air is unchanged by it`),
    stack,
  };
}

/**
 * Catches faults from the engine's listeners and from anything else in the
 * process (uncaught exceptions, unhandled rejections) until the returned
 * function is called. Several servers in one process each hear every fault.
 */
export function guardFaults(engine: Engine, tell: (report: FaultReport) => void, log: (line: string) => void = console.error): () => void {
  const handle = (error: unknown, during: string) => {
    const report = faultReport(error, during);
    log(`strapline: ${report.error.message}\n${report.stack}`);
    try {
      tell(report);
    } catch (e) {
      log(`strapline: the fault could not be reported to the consoles: ${describe(e).message}`);
    }
  };
  const onUncaught = (error: Error) => handle(error, 'deferred work (uncaught exception)');
  const onRejection = (reason: unknown) => handle(reason, 'deferred work (unhandled rejection)');
  const stopEngine = engine.onFault(handle);
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onRejection);
  return () => {
    stopEngine();
    process.off('uncaughtException', onUncaught);
    process.off('unhandledRejection', onRejection);
  };
}
