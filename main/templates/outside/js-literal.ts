import { parse, type Node } from 'acorn';

/**
 * The value of a JavaScript object literal in a page's script, read without
 * running it: acorn parses the script, and only literal syntax (objects,
 * arrays, strings, numbers, booleans, null, template strings without
 * `${}`, a minus sign) becomes a value. A definition built by code (a
 * function call, a variable, a spread) is refused with its line: Strapline
 * never runs an outside page outside its sandbox, not even to read it.
 */
export class NotALiteral extends Error {
  constructor(
    readonly offset: number,
    what: string,
  ) {
    super(`${what} is not a plain literal (Strapline reads the definition without running the page)`);
  }
}

interface AnyNode extends Node {
  [key: string]: unknown;
}

function literalValue(node: AnyNode): unknown {
  switch (node.type) {
    case 'Literal':
      if (node.regex || typeof node.bigint === 'string') throw new NotALiteral(node.start, 'a regular expression or bigint');
      return node.value;
    case 'TemplateLiteral': {
      const quasis = node.quasis as AnyNode[];
      if ((node.expressions as AnyNode[]).length > 0) throw new NotALiteral(node.start, 'a template string with ${}');
      return quasis.map((q) => (q.value as { cooked: string }).cooked).join('');
    }
    case 'UnaryExpression': {
      const arg = literalValue(node.argument as AnyNode);
      if (node.operator === '-' && typeof arg === 'number') return -arg;
      if (node.operator === '+' && typeof arg === 'number') return arg;
      throw new NotALiteral(node.start, `the expression ${String(node.operator)}…`);
    }
    case 'ArrayExpression':
      return (node.elements as (AnyNode | null)[]).map((e) => {
        if (!e || e.type === 'SpreadElement') throw new NotALiteral(node.start, 'an array with a hole or a spread');
        return literalValue(e);
      });
    case 'ObjectExpression': {
      const out: Record<string, unknown> = {};
      for (const p of node.properties as AnyNode[]) {
        if (p.type !== 'Property' || p.computed || p.kind !== 'init' || p.method) throw new NotALiteral(p.start, 'a computed key, method or spread');
        const key = p.key as AnyNode;
        const name = key.type === 'Identifier' ? String(key.name) : key.type === 'Literal' ? String(key.value) : null;
        if (name === null) throw new NotALiteral(key.start, 'a key');
        // Own data only: a definition naming __proto__ gets a plain key, never a prototype.
        Object.defineProperty(out, name, { value: literalValue(p.value as AnyNode), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    default:
      throw new NotALiteral(node.start, `a ${node.type}`);
  }
}

/** Is this node the name (window.NAME, globalThis.NAME, self.NAME, or NAME)? */
function names(node: AnyNode, name: string): boolean {
  if (node.type === 'Identifier') return node.name === name;
  if (node.type !== 'MemberExpression' || node.computed) return false;
  const obj = node.object as AnyNode;
  const prop = node.property as AnyNode;
  return obj.type === 'Identifier' && ['window', 'globalThis', 'self'].includes(String(obj.name)) && prop.type === 'Identifier' && prop.name === name;
}

/**
 * The literal assigned to a global (`window.NAME = {…}` or `var NAME = {…}`)
 * anywhere in the script; undefined when the script never assigns it. Throws
 * SyntaxError (acorn's, with pos) or NotALiteral.
 */
export function assignedLiteral(script: string, name: string): unknown {
  const program = parse(script, { ecmaVersion: 'latest', sourceType: 'script', allowReturnOutsideFunction: true }) as unknown as AnyNode;
  let found: { value: unknown } | undefined;
  const visit = (node: AnyNode): void => {
    if (found) return;
    if (node.type === 'AssignmentExpression' && node.operator === '=' && names(node.left as AnyNode, name)) {
      found = { value: literalValue(node.right as AnyNode) };
      return;
    }
    if (node.type === 'VariableDeclarator' && names(node.id as AnyNode, name) && node.init) {
      found = { value: literalValue(node.init as AnyNode) };
      return;
    }
    for (const child of Object.values(node)) {
      if (Array.isArray(child)) child.forEach((c) => isNode(c) && visit(c));
      else if (isNode(child)) visit(child);
    }
  };
  visit(program);
  return found?.value;
}

function isNode(v: unknown): v is AnyNode {
  return typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string';
}
