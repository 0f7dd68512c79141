/**
 * Words in JSX must come from the catalogue: text between tags and the attributes a person reads or hears (labels,
 * titles, placeholders) may not be string literals with letters in them. Symbols and punctuation may.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from '@babel/parser';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const SOURCES = ['components', 'entrypoints'];
const READ_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'title',
  'placeholder',
  'alt',
  'label',
]);
const HAS_WORDS = /\p{L}/u;

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(path);
    return entry.name.endsWith('.tsx') ? [path] : [];
  });
}

type AstNode = { type: string; loc?: { start: { line: number } } | null; [key: string]: unknown };

const isNode = (value: unknown): value is AstNode =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

const stringValue = (node: unknown): string | undefined =>
  isNode(node) && node.type === 'StringLiteral'
    ? (node.value as string)
    : isNode(node) && node.type === 'TemplateLiteral' && (node.expressions as unknown[]).length === 0
      ? ((node.quasis as { value: { cooked: string } }[])[0]?.value.cooked ?? '')
      : undefined;

/** Every literal with letters that JSX shows: "file:line text". */
function jsxLiterals(file: string, text = readFileSync(file, 'utf8')): string[] {
  const ast = parse(text, { sourceType: 'module', plugins: ['jsx', 'typescript'] });
  const found: string[] = [];
  const at = (node: AstNode, what: string) => found.push(`${relative(ROOT, file)}:${node.loc?.start.line ?? 0} ${what}`);
  const visit = (node: AstNode, parent: AstNode | null) => {
    if (node.type === 'JSXText' && HAS_WORDS.test(node.value as string)) at(node, JSON.stringify((node.value as string).trim()));
    if (node.type === 'JSXAttribute') {
      const name = (node.name as { name?: unknown }).name;
      const value = node.value as AstNode | null;
      const literal = value?.type === 'JSXExpressionContainer' ? stringValue(value.expression) : stringValue(value ?? undefined);
      if (typeof name === 'string' && READ_ATTRIBUTES.has(name) && literal && HAS_WORDS.test(literal)) {
        at(node, `${name}=${JSON.stringify(literal)}`);
      }
    }
    // A string as a JSX child: {'Issue TAP'}.
    if (node.type === 'JSXExpressionContainer' && (parent?.type === 'JSXElement' || parent?.type === 'JSXFragment')) {
      const literal = stringValue(node.expression);
      if (literal && HAS_WORDS.test(literal)) at(node, JSON.stringify(literal));
    }
    for (const [key, child] of Object.entries(node)) {
      if (key === 'loc' || key === 'leadingComments' || key === 'trailingComments') continue;
      for (const item of Array.isArray(child) ? child : [child]) if (isNode(item)) visit(item, node);
    }
  };
  visit(ast.program as unknown as AstNode, null);
  return found;
}

describe('JSX words come from the catalogue', () => {
  it('finds a literal when there is one (the check can fail)', () => {
    const planted = `export const A = () => <p title="Close">Issue TAP {'now'} <b aria-label={'Copy'}>·</b></p>;`;
    expect(jsxLiterals(join(ROOT, 'components/Planted.tsx'), planted)).toHaveLength(4);
    expect(jsxLiterals(join(ROOT, 'components/Clean.tsx'), 'export const A = () => <p title={t}>{t} · —</p>;')).toEqual([]);
  });

  it('no component or page shows a literal word', () => {
    const literals = SOURCES.flatMap((dir) => tsxFiles(join(ROOT, dir))).flatMap((file) => jsxLiterals(file));
    expect(literals).toEqual([]);
  });
});
