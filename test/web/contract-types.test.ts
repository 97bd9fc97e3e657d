/**
 * The web app is typed from src/contracts: it declares no type or interface under a name a
 * contract exports, gives the fetch layer no hand-written response shape, and calls `fetch` in
 * one module only (the one fetch layer).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';

const root = join(import.meta.dirname, '..', '..');
const fetchLayer = 'web/src/features/auth/apiFetch.ts';
/** Calls whose type argument is a response shape: it must come from a contract. */
const typedCalls = new Set(['apiFetch', 'uploadFile']);

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
}

function walk(node: ts.Node, visit: (n: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

const exported = (n: ts.Node) =>
  ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** Every type name src/contracts exports (declared there or re-exported as a type). */
function contractTypeNames(): Set<string> {
  const names = new Set<string>();
  for (const file of sources('src/contracts')) {
    for (const stmt of parse(file).statements) {
      if ((ts.isTypeAliasDeclaration(stmt) || ts.isInterfaceDeclaration(stmt)) && exported(stmt))
        names.add(stmt.name.text);
      if (ts.isExportDeclaration(stmt) && stmt.exportClause && ts.isNamedExports(stmt.exportClause))
        for (const el of stmt.exportClause.elements)
          if (stmt.isTypeOnly || el.isTypeOnly) names.add(el.name.text);
    }
  }
  return names;
}

interface Finding {
  file: string;
  line: number;
  what: string;
}

interface Findings {
  twins: Finding[];
  shapes: Finding[];
  fetches: Finding[];
}

function scanSource(file: string, source: ts.SourceFile, contractNames: Set<string>, into: Findings): void {
  const at = (n: ts.Node) => source.getLineAndCharacterOfPosition(n.getStart(source)).line + 1;
  walk(source, (n) => {
    if ((ts.isTypeAliasDeclaration(n) || ts.isInterfaceDeclaration(n)) && contractNames.has(n.name.text))
      into.twins.push({ file, line: at(n), what: n.name.text });
    if (!ts.isCallExpression(n) || !ts.isIdentifier(n.expression)) return;
    const callee = n.expression.text;
    if (typedCalls.has(callee) && n.typeArguments?.some((t) => ts.isTypeLiteralNode(t)))
      into.shapes.push({ file, line: at(n), what: `${callee}<{ … }>` });
    if (callee === 'fetch' && file !== fetchLayer) into.fetches.push({ file, line: at(n), what: 'fetch(…)' });
  });
}

function scanWeb(contractNames: Set<string>): Findings {
  const found: Findings = { twins: [], shapes: [], fetches: [] };
  for (const file of sources('web/src')) scanSource(file, parse(file), contractNames, found);
  return found;
}

const show = (fs: Finding[]) => fs.map((f) => `${f.file}:${f.line} ${f.what}`).join('\n');

describe('the web app is typed from the contracts', () => {
  const names = contractTypeNames();
  const found = scanWeb(names);

  it('reads the contracts’ type names', () => {
    // A broken collector would pass everything: these are names the web app uses.
    for (const name of ['TargetStatus', 'PlanDetail', 'DataValueDetail', 'Problem', 'Notification'])
      assert.ok(names.has(name), name);
    assert.ok(names.size > 80, `only ${names.size} contract types found`);
  });

  it('declares no type or interface a contract exports', () => {
    assert.deepEqual(found.twins, [], `hand-written twins of contract types:\n${show(found.twins)}`);
  });

  it('gives the fetch layer no hand-written response shape', () => {
    assert.deepEqual(found.shapes, [], `inline response types:\n${show(found.shapes)}`);
  });

  it('calls fetch only in the one fetch layer', () => {
    assert.deepEqual(found.fetches, [], `fetch outside ${fetchLayer}:\n${show(found.fetches)}`);
  });

  it('would see a twin, an inline shape and a stray fetch', () => {
    // The scanner itself, on a made-up file: each rule finds what it is for.
    const source = ts.createSourceFile(
      'x.ts',
      'interface TargetStatus { a: 1 }\nconst r = apiFetch<{ plans: string[] }>("/x");\nfetch("/y");',
      ts.ScriptTarget.Latest,
      true,
    );
    const made: Findings = { twins: [], shapes: [], fetches: [] };
    scanSource('x.ts', source, names, made);
    assert.deepEqual(
      [made.twins.length, made.shapes.length, made.fetches.length],
      [1, 1, 1],
      'one twin, one inline shape, one stray fetch',
    );
  });
});
