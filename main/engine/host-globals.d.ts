// The engine runs in Node (the server, Electron's main process) and in browsers (the console's helpers) alike, so its
// layer (tsconfig.engine.json) sees neither's types: only these globals, which every host gives it. Add one here only if
// Node and browsers both have it.

declare const console: {
  error(...data: unknown[]): void;
  warn(...data: unknown[]): void;
};

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
