import { readdirSync, readFileSync } from 'node:fs';
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
    const found = violations(engine, (u) => [
      ...u.modules.filter((m) => isNodeOnly(m) || m === '<computed>'),
      ...u.globals,
    ]);
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
