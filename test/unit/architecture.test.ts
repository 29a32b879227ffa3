import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The dependency rules of the design guide, checked on the source itself:
 * the engine and server never import Electron; the engine does no I/O of its
 * own; pages never reach into the server or the shell. Files are parsed with
 * TypeScript, so comments and strings that merely mention a module do not count.
 */

function sourceFiles(folder: string, exts = ['.ts', '.tsx']): string[] {
  const dir = path.join(REPO_ROOT, folder);
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && exts.some((x) => e.name.endsWith(x)) && !e.name.endsWith('.d.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

interface Usage {
  /** Every module specifier: import, export from, require(), import(). */
  modules: string[];
  /** Any use of the `process` global or of `require`. */
  globals: string[];
}

function usageOf(fileName: string, text: string): Usage {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const usage: Usage = { modules: [], globals: [] };
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      usage.modules.push(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const e = node.moduleReference.expression;
      if (ts.isStringLiteral(e)) usage.modules.push(e.text);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      const isDynamicImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const arg = node.arguments[0];
      if ((isRequire || isDynamicImport) && arg) usage.modules.push(ts.isStringLiteralLike(arg) ? arg.text : '<computed>');
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      usage.modules.push(node.argument.literal.text);
    }
    if (ts.isIdentifier(node) && (node.text === 'process' || node.text === 'require')) {
      const parent = node.parent;
      // A property named `process` (obj.process, { process: 1 }) is not the global.
      const isPropertyName = (ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isPropertyAssignment(parent) && parent.name === node);
      if (!isPropertyName) usage.globals.push(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return usage;
}

const isElectron = (m: string) => m === 'electron' || m.startsWith('electron/');
const NODE_ONLY = new Set([...builtinModules, 'ws']);
const isNodeOnly = (m: string) => m.startsWith('node:') || NODE_ONLY.has(m) || NODE_ONLY.has(m.split('/')[0]!);

function violations(files: string[], broken: (u: Usage) => string[]): string[] {
  return files.flatMap((file) => broken(usageOf(file, readFileSync(file, 'utf8'))).map((what) => `${path.relative(REPO_ROOT, file)}: ${what}`));
}

/**
 * Files this one imports: relative imports and re-exports; with `types: false` (at run time), less those of types alone,
 * which TypeScript erases.
 */
function importsOf(fileName: string, text: string, { types }: { types: boolean }): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  for (const node of source.statements) {
    let specifier: string | undefined;
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const typesOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (!clause.name && named !== undefined && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly)));
      if (types || !typesOnly) specifier = node.moduleSpecifier.text;
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.exportClause;
      const typesOnly =
        node.isTypeOnly || (clause !== undefined && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly));
      if (types || !typesOnly) specifier = node.moduleSpecifier.text;
    }
    if (specifier === undefined || !specifier.startsWith('.')) continue;
    const base = path.resolve(path.dirname(fileName), specifier);
    const candidates = ['.ts', '.tsx', `${path.sep}index.ts`, `${path.sep}index.tsx`, ''].map((x) => base + x);
    found.push(candidates.find((f) => existsSync(f) && statSync(f).isFile()) ?? base);
  }
  return found;
}

/** Every cycle, each once, as `a.ts -> b.ts -> a.ts` from the repository root (a depth-first search that keeps its path). */
function cyclesIn(graph: Map<string, string[]>): string[] {
  const cycles = new Set<string>();
  const done = new Set<string>();
  const walk = (file: string, trail: string[]): void => {
    const at = trail.indexOf(file);
    if (at >= 0) {
      const loop = trail.slice(at);
      const start = loop.indexOf([...loop].sort()[0]!);
      const turned = [...loop.slice(start), ...loop.slice(0, start)];
      cycles.add([...turned, turned[0]!].map((f) => path.relative(REPO_ROOT, f)).join(' -> '));
      return;
    }
    if (done.has(file)) return;
    for (const next of graph.get(file) ?? []) walk(next, [...trail, file]);
    done.add(file);
  };
  for (const file of graph.keys()) walk(file, []);
  return [...cycles];
}

describe('the checker itself', () => {
  it('finds every form of import, and process and require', () => {
    const u = usageOf(
      'x.ts',
      [
        "import { app } from 'electron';",
        "import type { BrowserWindow } from 'electron/main';",
        "export * from 'node:fs';",
        "const p = require('path');",
        "const h = await import('http');",
        "type W = import('ws').WebSocket;",
        'const env = process.env;',
        '// process.exit() in a comment does not count',
        "const s = 'process.cwd()';",
        'const o = { process: 1 }; o.process;',
      ].join('\n'),
    );
    expect(u.modules).toEqual(['electron', 'electron/main', 'node:fs', 'path', 'http', 'ws']);
    expect(u.globals).toEqual(['require', 'process']);
    expect(u.modules.filter(isElectron)).toHaveLength(2);
    expect(u.modules.filter(isNodeOnly)).toEqual(['node:fs', 'path', 'http', 'ws']);
  });
});

describe('main/engine and main/server', () => {
  const engine = sourceFiles('main/engine', ['.ts']);
  const server = sourceFiles('main/server', ['.ts']);

  it('are found (so the rules below are not vacuous)', () => {
    expect(engine.length).toBeGreaterThan(5);
    expect(server.length).toBeGreaterThan(5);
    expect(engine.some((f) => f.endsWith(`${path.sep}engine.ts`))).toBe(true);
  });

  it('never import electron, in any form', () => {
    expect(violations([...engine, ...server], (u) => u.modules.filter(isElectron))).toEqual([]);
  });

  it('the engine imports no Node builtins or ws, and uses neither process nor require', () => {
    const found = violations(engine, (u) => [...u.modules.filter((m) => isNodeOnly(m) || m === '<computed>'), ...u.globals]);
    expect(found).toEqual([]);
  });
});

describe('main/templates (the pure half of the built-in templates)', () => {
  const pure = sourceFiles('main/templates', ['.ts']);
  const drawing = ['overlays', 'renderer', path.join('main', 'server'), path.join('main', 'shell')].map((d) => path.join(REPO_ROOT, d));

  it('are found', () => {
    expect(pure.some((f) => f.endsWith(`${path.sep}definitions.ts`))).toBe(true);
  });

  it('import no Node builtins and nothing of the pages, the server or the shell', () => {
    const found = pure.flatMap((file) =>
      usageOf(file, readFileSync(file, 'utf8')).modules.flatMap((m) => {
        if (isNodeOnly(m) || isElectron(m)) return [`${path.relative(REPO_ROOT, file)}: ${m}`];
        if (!m.startsWith('.')) return [];
        const target = path.resolve(path.dirname(file), m);
        return drawing.some((dir) => target.startsWith(dir + path.sep)) ? [`${path.relative(REPO_ROOT, file)} -> ${path.relative(REPO_ROOT, target)}`] : [];
      }),
    );
    expect(found).toEqual([]);
  });
});

describe('main/engine', () => {
  const engine = sourceFiles('main/engine', ['.ts']);
  const outside = ['overlays', 'renderer', path.join('main', 'server'), path.join('main', 'shell')].map((d) => path.join(REPO_ROOT, d));

  it('imports nothing of the server, the shell or the pages (its tsconfig gives it no DOM and no Node either)', () => {
    const found = engine.flatMap((file) =>
      usageOf(file, readFileSync(file, 'utf8'))
        .modules.filter((m) => m.startsWith('.'))
        .map((m) => path.resolve(path.dirname(file), m))
        .filter((target) => outside.some((dir) => target.startsWith(dir + path.sep)))
        .map((target) => `${path.relative(REPO_ROOT, file)} -> ${path.relative(REPO_ROOT, target)}`),
    );
    expect(found).toEqual([]);
  });
});

describe('renderer and overlays', () => {
  const pages = [...sourceFiles('renderer'), ...sourceFiles('overlays')];
  const forbidden = [path.join(REPO_ROOT, 'main', 'server'), path.join(REPO_ROOT, 'main', 'shell')];

  it('are found', () => {
    expect(pages.length).toBeGreaterThan(5);
  });

  it('never import from main/server or main/shell', () => {
    const found = violations(pages, (u) => u.modules.filter((m) => m.includes('main/server') || m.includes('main/shell')));
    const resolved = pages.flatMap((file) =>
      usageOf(file, readFileSync(file, 'utf8'))
        .modules.filter((m) => m.startsWith('.'))
        .map((m) => path.resolve(path.dirname(file), m))
        .filter((target) => forbidden.some((dir) => target === dir || target.startsWith(dir + path.sep)))
        .map((target) => `${path.relative(REPO_ROOT, file)} -> ${path.relative(REPO_ROOT, target)}`),
    );
    expect([...found, ...resolved]).toEqual([]);
  });
});

describe('import cycles', () => {
  const files = ['main', 'renderer', 'overlays'].flatMap((d) => sourceFiles(d));
  const graphOf = (types: boolean) => new Map(files.map((file) => [file, importsOf(file, readFileSync(file, 'utf8'), { types })]));
  const a = path.join(REPO_ROOT, 'main', 'engine', 'a.ts');
  const protocol = path.join(REPO_ROOT, 'main', 'engine', 'protocol.ts');

  it('the finder finds a cycle, and tells imports of types alone from the rest', () => {
    const typesOnly = "import type { B } from './protocol';\nimport { type C } from './protocol';\nexport type { D } from './protocol';";
    expect(importsOf(a, typesOnly, { types: false })).toEqual([]);
    expect(importsOf(a, typesOnly, { types: true })).toEqual([protocol, protocol, protocol]);
    expect(importsOf(a, "import { b } from './protocol';\nexport * from './protocol';\nimport { z } from 'zod';", { types: false })).toEqual([
      protocol,
      protocol,
    ]);
    expect(
      cyclesIn(
        new Map([
          [a, [protocol]],
          [protocol, [a]],
        ]),
      ),
    ).toEqual(['main/engine/a.ts -> main/engine/protocol.ts -> main/engine/a.ts']);
    expect(
      cyclesIn(
        new Map([
          [a, [protocol]],
          [protocol, []],
        ]),
      ),
    ).toEqual([]);
  });

  it('none between the modules of main, renderer and overlays, as run (imports of types alone are erased)', () => {
    const graph = graphOf(false);
    expect(graph.size).toBeGreaterThan(100);
    expect(cyclesIn(graph)).toEqual([]);
  });

  it('none in main/engine even counting imports of types (each feature owns its commands; protocol.ts only gathers them)', () => {
    const engine = path.join(REPO_ROOT, 'main', 'engine') + path.sep;
    const graph = new Map([...graphOf(true)].filter(([file]) => file.startsWith(engine)));
    expect(graph.size).toBeGreaterThan(20);
    expect(cyclesIn(graph).filter((cycle) => cycle.split(' -> ').every((f) => f.startsWith('main/engine/')))).toEqual([]);
  });
});

describe('renderer/components file names', () => {
  // One rule: a component is PascalCase.tsx, named for what it draws; anything else (hooks, pure helpers, styles) is kebab-case.
  const names = readdirSync(path.join(REPO_ROOT, 'renderer', 'components'));

  it('PascalCase.tsx for components, kebab-case.ts and .css for the rest', () => {
    expect(names.length).toBeGreaterThan(10);
    const wrong = names.filter((name) => !/^[A-Z][A-Za-z0-9]*\.tsx$/.test(name) && !/^[a-z][a-z0-9]*(-[a-z0-9]+)*\.(ts|css)$/.test(name));
    expect(wrong).toEqual([]);
  });
});
