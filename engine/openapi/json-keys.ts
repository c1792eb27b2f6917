// A JSON parser that also remembers, for every object, its keys in document order including
// repeated ones: JSON.parse keeps only the last value of a repeated key, but kube-apiserver's
// strict decoding reports it (`duplicate field "spec.replicas"`).
export type KeyOrder = WeakMap<object, string[]>;

export interface ParsedJSON {
  value: unknown;
  /** Set only for objects that repeat a key. */
  keyOrder: KeyOrder;
}

export class JSONSyntaxError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

export function parseJSONWithKeys(text: string): ParsedJSON {
  const keyOrder: KeyOrder = new WeakMap();
  let i = 0;
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const fail = (what: string): never => {
    throw new JSONSyntaxError(`invalid character ${JSON.stringify(text[i] ?? '')} ${what}`, i);
  };
  const str = (): string => {
    const start = i;
    i++; // opening quote
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) fail('in string literal');
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (): unknown => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      const keys: string[] = [];
      let repeated = false;
      ws();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('looking for beginning of object key string');
        const k = str();
        ws();
        if (text[i] !== ':') fail('after object key');
        i++;
        if (Object.prototype.hasOwnProperty.call(obj, k)) repeated = true;
        keys.push(k);
        const v = value();
        Object.defineProperty(obj, k, { value: v, enumerable: true, writable: true, configurable: true });
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          break;
        }
        fail('after object key:value pair');
      }
      if (repeated) keyOrder.set(obj, keys);
      return obj;
    }
    if (c === '[') {
      i++;
      const arr: unknown[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value());
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          break;
        }
        fail('after array element');
      }
      return arr;
    }
    if (c === '"') return str();
    const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!m) return fail('looking for beginning of value');
    i += m[0].length;
    return JSON.parse(m[0]);
  };
  const v = value();
  ws();
  if (i < text.length) fail('after top-level value');
  return { value: v, keyOrder };
}
