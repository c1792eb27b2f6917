// YAML 1.1 as kubectl reads it (go-yaml v2 under sigs.k8s.io/yaml). The yaml library's 1.1
// schema also takes `e2`, `E5` or `.` for floats (every digit group in its patterns is
// optional), which turns such names into NaN; go-yaml wants a digit before the exponent.
// Upstream: gopkg.in/yaml.v2 resolve.go (yamlStyleFloat).
import type { ParseOptions, DocumentOptions, SchemaOptions } from 'yaml';

const floatTag = 'tag:yaml.org,2002:float';
const goExp = /^[-+]?(?:\.[0-9_]+|[0-9][0-9_]*(?:\.[0-9_]*)?)[eE][-+]?[0-9]+$/;
const goFixed = /^[-+]?(?:[0-9][0-9_]*\.[0-9_]*|\.[0-9_]+)$/;

interface TagLike {
  tag?: string;
  format?: string;
  test?: RegExp;
}

function goFloat<T>(t: T): T {
  const x = t as TagLike;
  if (typeof t !== 'object' || t === null || x.tag !== floatTag || !x.test) return t;
  if (x.format === 'EXP') return { ...t, test: goExp };
  if (x.format === undefined && String(x.test).includes('\\.[0-9_]*$')) return { ...t, test: goFixed };
  return t;
}

/** Options for the yaml library's parse/parseDocument that read scalars as kubectl does. */
export const kubectlYaml: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  customTags: (tags) => tags.map(goFloat),
};
