// UI copy lives in locale files, never in components: any JSX text with letters, or a string literal with
// letters given to a user-visible attribute (aria-label, title, alt, placeholder, label…), fails this test.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';
import ts from 'typescript';

const SRC = fileURLToPath(new URL('..', import.meta.url));
const VISIBLE_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'title', 'alt', 'placeholder', 'label', 'legend', 'hint', 'heading', 'caption', 'urgencyText', 'submitLabel', 'body']);
// Not words a reader needs translated: the NHS logo's name, which is the same in every language.
const ALLOWED = new Set(['NHS']);

function componentFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'locales' ? [] : componentFiles(path);
    return name.endsWith('.tsx') && !name.endsWith('.test.tsx') ? [path] : [];
  });
}

const hasWords = (text: string) => /\p{L}{2,}/u.test(text) && !ALLOWED.has(text.trim());

function findHardCoded(path: string, text = readFileSync(path, 'utf8')): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const where = (node: ts.Node) => `${relative(SRC, path)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) found.push(`${where(node)} text "${node.text.trim()}"`);
    if (ts.isJsxExpression(node) && node.expression && ts.isStringLiteral(node.expression) && ts.isJsxElement(node.parent) && hasWords(node.expression.text)) {
      found.push(`${where(node)} text "${node.expression.text}"`);
    }
    if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText(source)) && node.initializer) {
      const init = node.initializer;
      const literal = ts.isStringLiteral(init) ? init : ts.isJsxExpression(init) && init.expression && ts.isStringLiteral(init.expression) ? init.expression : null;
      if (literal && hasWords(literal.text)) found.push(`${where(node)} ${node.name.getText(source)}="${literal.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('no hard-coded UI text', () => {
  it('finds the component files', () => {
    expect(componentFiles(SRC).length).toBeGreaterThan(20);
  });
  it('has no words in components outside the locale files', () => {
    expect(componentFiles(SRC).flatMap((path) => findHardCoded(path))).toEqual([]);
  });
  it('catches hard-coded text and labels (the check itself works)', () => {
    const probe = join(SRC, 'i18n', 'probe.tsx');
    const found = findHardCoded(probe, 'export const X = ({ t }) => <p title={"Help"}><button aria-label="Close">Book now</button>{t("ok")} – 999 <span>NHS</span></p>;');
    expect(found).toEqual(['i18n/probe.tsx:1 title="Help"', 'i18n/probe.tsx:1 aria-label="Close"', 'i18n/probe.tsx:1 text "Book now"']);
  });
});
