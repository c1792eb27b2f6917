// kubectl's JSONPath templates: parser and evaluator with client-go's semantics,
// including its error texts. Data is decoded JSON (what kubectl hands the engine).
// Upstream: kubernetes/client-go util/jsonpath parser.go, node.go, jsonpath.go;
// text/template funcs.go (eq/lt comparisons) for filters.

import { goJsonString, toGoJson } from './json-printer';
import { goSprint, type GoFmtOptions } from './go-fmt';

type Node =
  | { type: 'list'; nodes: Node[] }
  | { type: 'text'; text: string }
  | { type: 'field'; name: string }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'array'; params: [Param, Param, Param] }
  | { type: 'filter'; left: Node & { type: 'list' }; right: Node & { type: 'list' }; op: string }
  | { type: 'union'; lists: (Node & { type: 'list' })[] }
  | { type: 'identifier'; name: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean };

interface Param {
  value: number;
  known: boolean;
  derived: boolean;
}

type ListNode = Node & { type: 'list' };

export class JsonPathError extends Error {}

// ---------------------------------------------------------------- parser

class Parser {
  input = '';
  pos = 0;
  start = 0;
  root: ListNode = { type: 'list', nodes: [] };

  parse(text: string): ListNode {
    this.input = text;
    this.pos = 0;
    this.start = 0;
    this.root = { type: 'list', nodes: [] };
    this.parseText(this.root);
    return this.root;
  }

  // Go's next/backup: at the end the width is 0, so backing up stays put.
  private width = 0;
  private next(): string | undefined {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return undefined;
    }
    const ch = String.fromCodePoint(this.input.codePointAt(this.pos)!);
    this.width = ch.length;
    this.pos += ch.length;
    return ch;
  }
  private peek(): string | undefined {
    const r = this.next();
    this.backup();
    return r;
  }
  private backup(): void {
    this.pos -= this.width;
  }
  private consume(): string {
    const s = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return s;
  }

  private parseText(cur: ListNode): void {
    for (;;) {
      if (this.input.startsWith('{', this.pos)) {
        if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consume() });
        return this.parseLeftDelim(cur);
      }
      if (this.next() === undefined) break;
    }
    if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consume() });
  }

  private parseLeftDelim(cur: ListNode): void {
    this.pos += 1;
    this.consume();
    const list: ListNode = { type: 'list', nodes: [] };
    cur.nodes.push(list);
    this.parseInsideAction(list);
  }

  private parseInsideAction(cur: ListNode): void {
    for (;;) {
      const rest = this.input.slice(this.pos);
      if (rest.startsWith('}')) {
        this.pos += 1;
        this.consume();
        return this.parseText(this.root);
      }
      if (rest.startsWith('[?(')) return this.parseFilter(cur);
      if (rest.startsWith('..')) return this.parseRecursive(cur);
      const r = this.next();
      if (r === undefined || r === '\r' || r === '\n') throw new JsonPathError('unclosed action');
      if (r === ' ' || r === '@' || r === '$') {
        this.consume();
        continue;
      }
      if (r === '[') return this.parseArray(cur);
      if (r === '"' || r === "'") return this.parseQuote(cur, r);
      if (r === '.') return this.parseField(cur);
      if (r === '+' || r === '-' || /\p{Nd}/u.test(r)) {
        this.backup();
        return this.parseNumber(cur);
      }
      if (isAlphaNumeric(r)) {
        this.backup();
        return this.parseIdentifier(cur);
      }
      throw new JsonPathError(`unrecognized character in action: ${goUnicode(r)}`);
    }
  }

  private parseIdentifier(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (isTerminator(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consume();
    if (value === 'true' || value === 'false') cur.nodes.push({ type: 'bool', value: value === 'true' });
    else cur.nodes.push({ type: 'identifier', name: value });
    this.parseInsideAction(cur);
  }

  private parseRecursive(cur: ListNode): void {
    if (cur.nodes[cur.nodes.length - 1]?.type === 'recursive') throw new JsonPathError('invalid multiple recursive descent');
    this.pos += 2;
    this.consume();
    cur.nodes.push({ type: 'recursive' });
    const r = this.peek();
    if (r !== undefined && isAlphaNumeric(r)) return this.parseField(cur);
    this.parseInsideAction(cur);
  }

  private parseNumber(cur: ListNode): void {
    const r = this.peek();
    if (r === '+' || r === '-') this.next();
    for (;;) {
      const c = this.next();
      if (c !== '.' && !(c !== undefined && /\p{Nd}/u.test(c))) {
        this.backup();
        break;
      }
    }
    const value = this.consume();
    if (/^[+-]?\d+$/.test(value)) cur.nodes.push({ type: 'int', value: Number(value) });
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) cur.nodes.push({ type: 'float', value: Number(value) });
    else throw new JsonPathError(`cannot parse number ${value}`);
    this.parseInsideAction(cur);
  }

  private parseArray(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (r === undefined || r === '\n') throw new JsonPathError('unterminated array');
      if (r === ']') break;
    }
    let text = this.consume();
    text = text.slice(1, -1);
    if (text === '*') text = ':';
    const parts = text.split(',');
    if (parts.length > 1) {
      const lists = parts.map((p) => parseAction(`[${p.trim()}]`));
      cur.nodes.push({ type: 'union', lists });
      return this.parseInsideAction(cur);
    }
    const dict = /^'([^']*)'$/.exec(text);
    if (dict) {
      for (const n of parseAction(`.${dict[1]}`).nodes) cur.nodes.push(n);
      return this.parseInsideAction(cur);
    }
    const m = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/.exec(text);
    if (!m) throw new JsonPathError(`invalid array index ${text}`);
    const params: [Param, Param, Param] = [
      { value: 0, known: false, derived: false },
      { value: 0, known: false, derived: false },
      { value: 0, known: false, derived: false },
    ];
    for (let i = 0; i < 3; i++) {
      let v = m[i + 1] ?? '';
      if (v !== '') {
        if (i > 0) v = v.slice(1);
        if (i > 0 && v === '') params[i].known = false;
        else {
          if (!/^[+-]?\d+$/.test(v)) throw new JsonPathError(`array index ${v} is not a number`);
          params[i] = { value: Number(v), known: true, derived: false };
        }
      } else if (i === 1) {
        params[i] = { value: params[0].value + 1, known: true, derived: true };
      }
    }
    cur.nodes.push({ type: 'array', params });
    this.parseInsideAction(cur);
  }

  private parseFilter(cur: ListNode): void {
    this.pos += 3;
    this.consume();
    let begin = false;
    let end = false;
    let pair = '';
    for (;;) {
      const r = this.next();
      if (r === undefined || r === '\n') throw new JsonPathError('unterminated filter');
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === ')') {
        if (begin === end) break;
      }
    }
    if (this.next() !== ']') throw new JsonPathError('unclosed array expect ]');
    let text = this.consume();
    text = text.slice(0, -2);
    const m = /^([^!<>=]+)([!<>=]+)(.+?)$/s.exec(text);
    if (!m) cur.nodes.push({ type: 'filter', left: parseAction(text), right: { type: 'list', nodes: [] }, op: 'exists' });
    else cur.nodes.push({ type: 'filter', left: parseAction(m[1]), right: parseAction(m[3]), op: m[2] });
    this.parseInsideAction(cur);
  }

  private parseQuote(cur: ListNode, endCh: string): void {
    for (;;) {
      const r = this.next();
      if (r === undefined || r === '\n') throw new JsonPathError('unterminated quoted string');
      if (r === endCh && this.input[this.pos - 2] !== '\\') break;
    }
    const value = this.consume();
    cur.nodes.push({ type: 'text', text: unquoteExtend(value) });
    this.parseInsideAction(cur);
  }

  private parseField(cur: ListNode): void {
    this.consume();
    for (;;) {
      const r = this.next();
      if (r === '\\') {
        this.next();
        continue;
      }
      if (isTerminator(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consume();
    if (value === '*') cur.nodes.push({ type: 'wildcard' });
    else cur.nodes.push({ type: 'field', name: value.replace(/\\/g, '') });
    this.parseInsideAction(cur);
  }
}

function parseAction(text: string): ListNode {
  const root = new Parser().parse(`{${text}}`);
  return root.nodes[0] as ListNode;
}

function isTerminator(r: string | undefined): boolean {
  return r === undefined || r === ' ' || r === '\t' || r === '\r' || r === '\n' || '.,[]$@{}'.includes(r);
}

function isAlphaNumeric(r: string): boolean {
  return r === '_' || /\p{L}|\p{Nd}/u.test(r);
}

/** Go's %#U: U+007E '~'. */
function goUnicode(r: string): string {
  const cp = r.codePointAt(0)!;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')} '${r}'`;
}

// Upstream: parser.go UnquoteExtend (strconv.Unquote that also accepts single-quoted strings).
function unquoteExtend(s: string): string {
  const q = s[0];
  if (s.length < 2 || s[s.length - 1] !== q) throw new JsonPathError(`unquote string ${s} error invalid syntax`);
  const body = s.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = body[++i];
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"' };
    if (n in simple) out += simple[n];
    else if (n === 'x') (out += String.fromCharCode(parseInt(body.slice(i + 1, i + 3), 16))), (i += 2);
    else if (n === 'u') (out += String.fromCodePoint(parseInt(body.slice(i + 1, i + 5), 16))), (i += 4);
    else if (n === 'U') (out += String.fromCodePoint(parseInt(body.slice(i + 1, i + 9), 16))), (i += 8);
    else throw new JsonPathError(`unquote string ${s} error invalid syntax`);
  }
  return out;
}

// ---------------------------------------------------------------- evaluator

/** Values are wrapped so that a JSON null inside the data is distinct from "absent". */
type Value = unknown;

export interface JsonPathOptions extends GoFmtOptions {
  allowMissingKeys?: boolean;
  /** `-o jsonpath-as-json`: print all results as one indented JSON array. */
  outputJson?: boolean;
}

export class JsonPath {
  private root: ListNode;
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEndNode: Node | undefined;

  constructor(
    readonly template: string,
    private readonly opts: JsonPathOptions = {},
  ) {
    this.root = new Parser().parse(template);
  }

  /** Evaluates the template and returns the text it prints. */
  execute(data: Value): string {
    this.beginRange = this.inRange = this.endRange = 0;
    const results = this.findResults(data, this.root.nodes);
    return results.map((r) => this.printResults(r)).join('');
  }

  /** The result sets, one per top-level template node (what custom columns read). */
  find(data: Value): Value[][] {
    this.beginRange = this.inRange = this.endRange = 0;
    return this.findResults(data, this.root.nodes);
  }

  private findResults(data: Value, nodes: Node[]): Value[][] {
    const full: Value[][] = [];
    const cur = [data];
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      const results = this.walk(cur, node);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = nodes[i];
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        if (results.length > 0) {
          for (const v of results) full.push(...this.findResults(v, nodes.slice(i + 1)));
        } else {
          this.findResults(null, nodes.slice(i + 1));
        }
        this.inRange--;
        for (let k = i + 1; k < nodes.length; k++) {
          if (nodes[k] === this.lastEndNode) {
            i = k;
            break;
          }
        }
        continue;
      }
      full.push(results);
    }
    return full;
  }

  private printResults(results: Value[]): string {
    if (this.opts.outputJson) return toGoJson(results, { indent: '    ', sortKeys: true }) + '\n';
    return results
      .map((r) => {
        if (r !== null && typeof r === 'object') return toGoJson(r, { sortKeys: true });
        if (r === null) return 'null';
        return goSprint(r, this.opts);
      })
      .join(' ');
  }

  private walk(values: Value[], node: Node): Value[] {
    switch (node.type) {
      case 'list': {
        let cur = values;
        for (const n of node.nodes) cur = this.walk(cur, n);
        return cur;
      }
      case 'text':
        return [node.text];
      case 'field':
        return this.evalField(values, node.name);
      case 'array':
        return this.evalArray(values, node.params);
      case 'filter':
        return this.evalFilter(values, node);
      case 'int':
      case 'float':
      case 'bool':
        return values.map(() => node.value);
      case 'wildcard':
        return values.flatMap((v) => (Array.isArray(v) ? v : isMap(v) ? sortedKeys(v).map((k) => v[k]) : []));
      case 'recursive':
        return this.evalRecursive(values);
      case 'union':
        return node.lists.flatMap((l) => this.walk(values, l));
      case 'identifier':
        if (node.name === 'range') {
          this.beginRange++;
          return values;
        }
        if (node.name === 'end') {
          if (this.inRange > 0) {
            this.endRange++;
            return [];
          }
          throw new JsonPathError('not in range, nothing to end');
        }
        throw new JsonPathError(`unrecognized identifier ${node.name}`);
    }
  }

  private evalField(values: Value[], name: string): Value[] {
    const out: Value[] = [];
    if (values.length === 0) return out;
    for (const v of values) {
      if (v === null || v === undefined) continue;
      if (isMap(v) && Object.prototype.hasOwnProperty.call(v, name)) out.push(v[name]);
    }
    if (out.length === 0 && !(this.opts.allowMissingKeys ?? true)) throw new JsonPathError(`${name} is not found`);
    return out;
  }

  private evalArray(values: Value[], nodeParams: [Param, Param, Param]): Value[] {
    const out: Value[] = [];
    for (const v of values) {
      if (v === null || v === undefined) continue;
      if (!Array.isArray(v)) throw new JsonPathError(`${goTypeName(v, this.opts)} is not array or slice`);
      const p = nodeParams.map((x) => ({ ...x }));
      const len = v.length;
      if (!p[0].known) p[0].value = 0;
      if (p[0].value < 0) p[0].value += len;
      if (!p[1].known) p[1].value = len;
      if (p[1].value < 0 || (p[1].value === 0 && p[1].derived)) p[1].value += len;
      if (p[1].value === p[0].value) return out;
      if (p[0].value >= len || p[0].value < 0) throw new JsonPathError(`array index out of bounds: index ${p[0].value}, length ${len}`);
      if (p[1].value > len || p[1].value < 0) throw new JsonPathError(`array index out of bounds: index ${p[1].value - 1}, length ${len}`);
      if (p[0].value > p[1].value) throw new JsonPathError(`starting index ${p[0].value} is greater than ending index ${p[1].value}`);
      const slice = v.slice(p[0].value, p[1].value);
      let step = 1;
      if (p[2].known) {
        if (p[2].value <= 0) throw new JsonPathError('step must be > 0');
        step = p[2].value;
      }
      for (let i = 0; i < slice.length; i += step) out.push(slice[i]);
    }
    return out;
  }

  private evalRecursive(values: Value[]): Value[] {
    const out: Value[] = [];
    for (const v of values) {
      if (v === null || v === undefined) continue;
      let children: Value[] = [];
      if (isMap(v)) children = sortedKeys(v).map((k) => v[k]);
      else if (Array.isArray(v)) children = v;
      else if (typeof v === 'string') children = [...new TextEncoder().encode(v)];
      if (children.length > 0) {
        out.push(v);
        out.push(...this.evalRecursive(children));
      }
    }
    return out;
  }

  private evalFilter(values: Value[], node: Node & { type: 'filter' }): Value[] {
    const out: Value[] = [];
    for (const v of values) {
      if (!Array.isArray(v)) throw new JsonPathError(`${goSprint(v, this.opts)} is not array or slice and cannot be filtered`);
      for (const item of v) {
        let lefts: Value[];
        try {
          lefts = this.walk([item], node.left);
        } catch (e) {
          if (node.op === 'exists') continue;
          throw e;
        }
        if (node.op === 'exists') {
          if (lefts.length > 0) out.push(item);
          continue;
        }
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new JsonPathError('can only compare one element at a time');
        const rights = this.walk([item], node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new JsonPathError('can only compare one element at a time');
        const only = node.right.nodes.length === 1 ? node.right.nodes[0].type : '';
        const literal: Kind | undefined = only === 'int' ? 'int' : only === 'float' ? 'float' : undefined;
        if (compare(lefts[0], rights[0], node.op, this.opts, literal)) out.push(item);
      }
    }
    return out;
  }
}

function isMap(v: Value): v is Record<string, Value> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function sortedKeys(o: Record<string, Value>): string[] {
  return Object.keys(o).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function goTypeName(v: Value, opts: GoFmtOptions): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return opts.floats || !Number.isInteger(v) ? 'float64' : 'int64';
  if (isMap(v)) return 'map[string]interface {}';
  return 'interface {}';
}

type Kind = 'string' | 'int' | 'float' | 'bool' | 'other';

function kindOf(v: Value, opts: GoFmtOptions): Kind {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return opts.floats || !Number.isInteger(v) ? 'float' : 'int';
  return 'other';
}

// Upstream: text/template funcs.go eq/ne/lt/le/gt/ge ("incompatible types for comparison").
function compare(left: Value, right: Value, op: string, opts: GoFmtOptions, literal?: Kind): boolean {
  const kl = kindOf(left, opts);
  const kr = literal ?? kindOf(right, opts);
  if (op === '==' || op === '!=') {
    if (kl !== kr) {
      if (kl === 'other' || kr === 'other') throw new JsonPathError('invalid type for comparison');
      throw new JsonPathError('incompatible types for comparison');
    }
    const eq = left === right;
    return op === '==' ? eq : !eq;
  }
  if (kl !== kr) throw new JsonPathError('incompatible types for comparison');
  if (kl === 'bool' || kl === 'other') throw new JsonPathError('invalid type for comparison');
  const l = left as string | number;
  const r = right as string | number;
  switch (op) {
    case '<':
      return l < r;
    case '>':
      return l > r;
    case '<=':
      return l <= r;
    case '>=':
      return l >= r;
  }
  throw new JsonPathError(`unrecognized filter operator ${op}`);
}

export { goJsonString };
