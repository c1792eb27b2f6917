// metav1.ParseToLabelSelector for `kubectl set selector`: Go's label selector lexer and parser,
// with their error texts, turned into matchLabels and matchExpressions.
// Upstream: apimachinery pkg/labels/selector.go (Lexer, Parser, NewRequirement,
// validateLabelKey/Value), pkg/apis/meta/v1/helpers.go (ParseToLabelSelector).

import { validateQualifiedName } from '../../api/metadata-validation';

export interface LabelSelectorRequirement {
  key: string;
  operator: string;
  values: string[];
}

export interface ParsedLabelSelector {
  matchLabels: Record<string, string>;
  matchExpressions: LabelSelectorRequirement[];
}

type Tok = 'id' | 'eos' | 'in' | 'notin' | '!' | '!=' | '(' | ')' | ',' | '=' | '==' | '>' | '<' | 'error';

const specials = ['!', '!=', '(', ')', ',', '=', '==', '>', '<'];
const isWhitespace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isSpecial = (c: string) => '=!(),><'.includes(c);

function lex(s: string): { tok: Tok; lit: string }[] {
  const out: { tok: Tok; lit: string }[] = [];
  let i = 0;
  for (;;) {
    while (i < s.length && isWhitespace(s[i])) i++;
    if (i >= s.length) {
      out.push({ tok: 'eos', lit: '' });
      return out;
    }
    if (isSpecial(s[i])) {
      // The longest special symbol starting here.
      let lit = s[i];
      if (i + 1 < s.length && specials.includes(lit + s[i + 1])) lit += s[i + 1];
      i += lit.length;
      out.push({ tok: lit as Tok, lit });
      continue;
    }
    let j = i;
    while (j < s.length && !isWhitespace(s[j]) && !isSpecial(s[j])) j++;
    const lit = s.slice(i, j);
    i = j;
    out.push({ tok: lit === 'in' ? 'in' : lit === 'notin' ? 'notin' : 'id', lit });
  }
}

const labelValueRe = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const labelValueMsg =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

function keyError(path: string, key: string): string | undefined {
  const errs = validateQualifiedName(path, key);
  if (errs.length === 0) return undefined;
  return `${path}: Invalid value: ${JSON.stringify(key)}: ${errs.map((e) => e.detail).join('; ')}`;
}

function valueError(path: string, v: string): string | undefined {
  const errs: string[] = [];
  if (v.length > 63) errs.push('must be no more than 63 characters');
  if (!labelValueRe.test(v)) errs.push(labelValueMsg);
  return errs.length ? `${path}: Invalid value: ${JSON.stringify(v)}: ${errs.join('; ')}` : undefined;
}

class Parser {
  private pos = 0;
  constructor(private readonly items: { tok: Tok; lit: string }[]) {}

  // In a values context the keywords are plain identifiers.
  private look(values: boolean): { tok: Tok; lit: string } {
    const it = this.items[this.pos];
    return values && (it.tok === 'in' || it.tok === 'notin') ? { tok: 'id', lit: it.lit } : it;
  }
  private consume(values: boolean): { tok: Tok; lit: string } {
    const it = this.look(values);
    if (this.pos < this.items.length - 1) this.pos++;
    return it;
  }

  parse(): LabelSelectorRequirement[] {
    const reqs: LabelSelectorRequirement[] = [];
    for (;;) {
      const { tok, lit } = this.look(true);
      if (tok === 'id' || tok === '!') {
        try {
          reqs.push(this.requirement());
        } catch (e) {
          throw new Error(`unable to parse requirement: ${(e as Error).message}`);
        }
        const next = this.consume(true);
        if (next.tok === 'eos') return reqs;
        if (next.tok === ',') {
          const after = this.look(true);
          if (after.tok !== 'id' && after.tok !== '!') throw new Error(`found '${after.lit}', expected: identifier after ','`);
          continue;
        }
        throw new Error(`found '${next.lit}', expected: ',' or 'end of string'`);
      }
      if (tok === 'eos') return reqs;
      throw new Error(`found '${lit}', expected: !, identifier, or 'end of string'`);
    }
  }

  private requirement(): LabelSelectorRequirement {
    let operator = '';
    let { tok, lit } = this.consume(true);
    if (tok === '!') {
      operator = 'DoesNotExist';
      ({ tok, lit } = this.consume(true));
    }
    if (tok !== 'id') throw new Error(`found '${lit}', expected: identifier`);
    const bad = keyError('<nil>', lit);
    if (bad) throw new Error(bad);
    const key = lit;
    const after = this.look(true).tok;
    if ((after === 'eos' || after === ',') && operator !== 'DoesNotExist') operator = 'Exists';
    if (operator === 'Exists' || operator === 'DoesNotExist') return { key, operator, values: [] };
    const op = this.consume(false);
    const ops: Partial<Record<Tok, string>> = { in: 'in', notin: 'notin', '=': '=', '==': '==', '!=': '!=', '>': 'gt', '<': 'lt' };
    operator = ops[op.tok] ?? '';
    if (!operator) throw new Error(`found '${op.lit}', expected: in, notin, =, ==, !=, gt, lt`);
    const values = operator === 'in' || operator === 'notin' ? this.setValues() : this.exactValue();
    const sorted = [...new Set(values)].sort();
    const errs: string[] = [];
    if ((operator === 'in' || operator === 'notin') && sorted.length === 0) errs.push(`values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty`);
    if (operator === 'gt' || operator === 'lt') {
      sorted.forEach((v, i) => {
        if (!/^[+-]?\d+$/.test(v)) errs.push(`values[${i}]: Invalid value: ${JSON.stringify(v)}: for 'Gt', 'Lt' operators, the value must be an integer`);
      });
    }
    sorted.forEach((v, i) => {
      const e = valueError(`values[${i}][${key}]`, v);
      if (e) errs.push(e);
    });
    if (errs.length === 1) throw new Error(errs[0]);
    if (errs.length > 1) throw new Error(`[${errs.join(', ')}]`);
    return { key, operator, values: sorted };
  }

  private exactValue(): string[] {
    const t = this.look(true).tok;
    if (t === 'eos' || t === ',') return [''];
    const { tok, lit } = this.consume(true);
    if (tok === 'id') return [lit];
    throw new Error(`found '${lit}', expected: identifier`);
  }

  private setValues(): string[] {
    const open = this.consume(true);
    if (open.tok !== '(') throw new Error(`found '${open.lit}' expected: '('`);
    const { tok, lit } = this.look(true);
    if (tok === ')') {
      this.consume(true);
      return [''];
    }
    if (tok !== 'id' && tok !== ',') throw new Error(`found '${lit}', expected: ',', ')' or identifier`);
    const s = this.identifiers();
    if (this.consume(true).tok !== ')') throw new Error(`found '${lit}', expected: ')'`);
    return s;
  }

  private identifiers(): string[] {
    const s: string[] = [];
    for (;;) {
      const { tok, lit } = this.consume(true);
      if (tok === 'id') {
        s.push(lit);
        const next = this.look(true);
        if (next.tok === ',') continue;
        if (next.tok === ')') return s;
        throw new Error(`found '${next.lit}', expected: ',' or ')'`);
      }
      if (tok === ',') {
        if (s.length === 0) s.push('');
        const next = this.look(true).tok;
        if (next === ')') {
          s.push('');
          return s;
        }
        if (next === ',') {
          this.consume(true);
          s.push('');
        }
        continue;
      }
      throw new Error(`found '${lit}', expected: ',', or identifier`);
    }
  }
}

const labelSelectorOps: Record<string, string> = { in: 'In', notin: 'NotIn', Exists: 'Exists', DoesNotExist: 'DoesNotExist' };

/** metav1.ParseToLabelSelector; throws with kubectl's message. */
export function parseToLabelSelector(text: string): ParsedLabelSelector {
  let reqs: LabelSelectorRequirement[];
  try {
    reqs = new Parser(lex(text)).parse();
  } catch (e) {
    throw new Error(`couldn't parse the selector string "${text}": ${(e as Error).message}`);
  }
  const out: ParsedLabelSelector = { matchLabels: {}, matchExpressions: [] };
  for (const r of reqs) {
    if (r.operator === '=' || r.operator === '==') {
      out.matchLabels[r.key] = r.values[0];
      continue;
    }
    const op = labelSelectorOps[r.operator];
    if (!op) throw new Error(`${JSON.stringify(r.operator)} is not a valid label selector operator`);
    out.matchExpressions.push({ key: r.key, operator: op, values: r.values });
  }
  return out;
}

/** Go's %v of []metav1.LabelSelectorRequirement: `[{app In [a b]}]`. */
export function formatRequirements(reqs: LabelSelectorRequirement[]): string {
  return `[${reqs.map((r) => `{${r.key} ${r.operator} [${r.values.join(' ')}]}`).join(' ')}]`;
}
