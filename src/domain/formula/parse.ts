/**
 * A tiny recursive-descent parser for indicator formulas: ids of other indicators, decimal
 * constants, + − × / and parentheses, e.g. `gdp / area`, `modern_services_va / gdp * 100`.
 *
 *   expr    := term (('+' | '-') term)*
 *   term    := unary (('*' | '/') unary)*
 *   unary   := ('-' | '+') unary | primary
 *   primary := number | id | '[' any id ']' | '(' expr ')'
 *
 * Ids are letters, digits, `_` and `.`; an id with a hyphen is written in brackets, `[rd-spend]`,
 * because `a-b` means a minus b.
 */

/** Formula syntax tree. */
export type FormulaNode =
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: 'ref'; readonly id: string }
  | { readonly type: 'negate'; readonly arg: FormulaNode }
  | {
      readonly type: 'binary';
      readonly op: '+' | '-' | '*' | '/';
      readonly left: FormulaNode;
      readonly right: FormulaNode;
    };

/** Parse result: the tree and the ids it refers to, or where and why it failed. */
export type FormulaParseResult =
  { ok: true; ast: FormulaNode; refs: string[] } | { ok: false; reason: string; position: number };

type Token =
  | { kind: 'number'; value: number; pos: number }
  | { kind: 'id'; id: string; pos: number }
  | { kind: 'op'; op: '+' | '-' | '*' | '/' | '(' | ')'; pos: number }
  | { kind: 'end'; pos: number };

class FormulaSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly position: number,
  ) {
    super(reason);
  }
}

const operators: Readonly<Record<string, '+' | '-' | '*' | '/' | '(' | ')'>> = {
  '+': '+',
  '-': '-',
  '−': '-',
  '*': '*',
  '×': '*',
  '/': '/',
  '÷': '/',
  '(': '(',
  ')': ')',
  '（': '(',
  '）': ')',
};

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (/\s/.test(c)) {
      i += 1;
      continue;
    }
    const op = operators[c];
    if (op) {
      tokens.push({ kind: 'op', op, pos: i });
      i += 1;
      continue;
    }
    const number = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(i));
    if (number) {
      tokens.push({ kind: 'number', value: Number(number[0]), pos: i });
      i += number[0].length;
      continue;
    }
    if (c === '[') {
      const close = text.indexOf(']', i);
      if (close < 0) throw new FormulaSyntaxError("missing ']'", i);
      const id = text.slice(i + 1, close).trim();
      if (!id) throw new FormulaSyntaxError('empty [] id', i);
      tokens.push({ kind: 'id', id, pos: i });
      i = close + 1;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(text.slice(i));
    if (id) {
      tokens.push({ kind: 'id', id: id[0], pos: i });
      i += id[0].length;
      continue;
    }
    throw new FormulaSyntaxError(`unexpected character ${JSON.stringify(c)}`, i);
  }
  tokens.push({ kind: 'end', pos: text.length });
  return tokens;
}

function parseTokens(tokens: Token[]): FormulaNode {
  let at = 0;
  const peek = (): Token => tokens[at] ?? { kind: 'end', pos: 0 };
  const isOp = (t: Token, ...ops: string[]): t is Extract<Token, { kind: 'op' }> =>
    t.kind === 'op' && ops.includes(t.op);

  // One level of left-associative binary operators over the next tighter level.
  function leftAssociative(
    ops: readonly ['+', '-'] | readonly ['*', '/'],
    next: () => FormulaNode,
  ): FormulaNode {
    let left = next();
    for (let t = peek(); isOp(t, ...ops); t = peek()) {
      at += 1;
      left = { type: 'binary', op: t.op as (typeof ops)[number], left, right: next() };
    }
    return left;
  }
  function expr(): FormulaNode {
    return leftAssociative(['+', '-'], term);
  }
  function term(): FormulaNode {
    return leftAssociative(['*', '/'], unary);
  }
  function unary(): FormulaNode {
    const t = peek();
    if (isOp(t, '-', '+')) {
      at += 1;
      const arg = unary();
      return t.op === '-' ? { type: 'negate', arg } : arg;
    }
    return primary();
  }
  function primary(): FormulaNode {
    const t = peek();
    at += 1;
    switch (t.kind) {
      case 'number':
        return { type: 'number', value: t.value };
      case 'id':
        return { type: 'ref', id: t.id };
      case 'op': {
        if (t.op !== '(') throw new FormulaSyntaxError(`unexpected '${t.op}'`, t.pos);
        const inner = expr();
        const close = peek();
        if (!isOp(close, ')')) throw new FormulaSyntaxError("missing ')'", close.pos);
        at += 1;
        return inner;
      }
      case 'end':
        throw new FormulaSyntaxError('formula ends too early', t.pos);
    }
  }

  const ast = expr();
  const rest = peek();
  if (rest.kind !== 'end') throw new FormulaSyntaxError('unexpected text after the formula', rest.pos);
  return ast;
}

/** Ids referred to by a formula, each once, in order of appearance. */
export function formulaRefs(ast: FormulaNode): string[] {
  const out = new Set<string>();
  const walk = (n: FormulaNode): void => {
    if (n.type === 'ref') out.add(n.id);
    else if (n.type === 'negate') walk(n.arg);
    else if (n.type === 'binary') {
      walk(n.left);
      walk(n.right);
    }
  };
  walk(ast);
  return [...out];
}

/** Parse a formula such as `modern_services_va / gdp * 100`. */
export function parseFormula(text: string): FormulaParseResult {
  try {
    const ast = parseTokens(tokenize(text));
    return { ok: true, ast, refs: formulaRefs(ast) };
  } catch (e) {
    // Syntax errors unwind the recursion as exceptions internally; callers only see a result.
    if (e instanceof FormulaSyntaxError) {
      return {
        ok: false,
        reason: `${e.reason} at position ${e.position + 1} of ${JSON.stringify(text)}`,
        position: e.position,
      };
    }
    throw e;
  }
}
