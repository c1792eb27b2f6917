import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Command, findCommand, parseFlags, type CommandSpec } from './command';
import { parseCsvLine, parseGoDuration, formatGoDuration, goQuote } from './flags';
import { suggestionsFor } from './suggest';

const spec: CommandSpec = {
  use: 'kubectl',
  persistentFlags: [
    { name: 'namespace', shorthand: 'n', type: 'string', usage: '' },
    { name: 'v', shorthand: 'v', type: 'int', usage: '' },
  ],
  subcommands: [
    {
      use: 'get',
      run: async () => 0,
      flags: [
        { name: 'all-namespaces', shorthand: 'A', type: 'bool', usage: '' },
        { name: 'watch', shorthand: 'w', type: 'bool', usage: '' },
        { name: 'selector', shorthand: 'l', type: 'string', usage: '' },
        { name: 'label-columns', shorthand: 'L', type: 'stringSlice', usage: '' },
        { name: 'from-literal', type: 'stringArray', usage: '' },
      ],
    },
  ],
};

test('the subcommand is found among global flags and their values', () => {
  const root = new Command(spec);
  const f = findCommand(root, ['-n', 'kube-system', 'get', 'pods']);
  assert.equal(f.command.name, 'get');
  assert.deepEqual(f.args, ['-n', 'kube-system', 'pods']);
});

test('shorthand clustering, =values, slices, arrays and the -- terminator', () => {
  const root = new Command(spec);
  const get = root.findChild('get')!;
  const p = parseFlags(get, ['-Aw', '-lapp=web', '-L', 'a,b', '-L=c', '--from-literal=x=1,2', '--from-literal', 'y=3', '-nfoo', 'pods', '--', '-x', 'y']);
  assert.equal(p.flags.bool('all-namespaces'), true);
  assert.equal(p.flags.bool('watch'), true);
  assert.equal(p.flags.string('selector'), 'app=web');
  assert.deepEqual(p.flags.strings('label-columns'), ['a', 'b', 'c']);
  assert.deepEqual(p.flags.strings('from-literal'), ['x=1,2', 'y=3']);
  assert.equal(p.flags.string('namespace'), 'foo');
  assert.deepEqual(p.positional, ['pods', '-x', 'y']);
  assert.equal(p.argsLenAtDash, 1);
});

test('pflag error texts', () => {
  const get = new Command(spec).findChild('get')!;
  assert.throws(() => parseFlags(get, ['-Az']), { message: "unknown shorthand flag: 'z' in -z" });
  assert.throws(() => parseFlags(get, ['--nope']), { message: 'unknown flag: --nope' });
  assert.throws(() => parseFlags(get, ['-l']), { message: "flag needs an argument: 'l' in -l" });
  assert.throws(() => parseFlags(get, ['--selector']), { message: 'flag needs an argument: --selector' });
  assert.throws(() => parseFlags(get, ['-v=x']), { message: 'invalid argument "x" for "-v, --v" flag: strconv.ParseInt: parsing "x": invalid syntax' });
  assert.throws(() => parseFlags(get, ['--=x']), { message: 'bad flag syntax: --=x' });
});

test('cobra suggestions: distance 2 or prefix, in insertion order', () => {
  const cands = ['create', 'set', 'get', 'top', 'config'].map((name) => ({ name }));
  assert.deepEqual(suggestionsFor('gett', cands), ['set', 'get']);
  assert.deepEqual(suggestionsFor('foo', cands), ['top']);
  assert.deepEqual(suggestionsFor('conf', cands), ['config']);
});

test('Go value syntax helpers', () => {
  assert.deepEqual(parseCsvLine('a,"b,c",d'), ['a', 'b,c', 'd']);
  assert.equal(parseGoDuration('1m30s'), 90_000);
  assert.equal(formatGoDuration(5000), '5s');
  assert.equal(formatGoDuration(90_000), '1m30s');
  assert.equal(goQuote('a"b\n\u2028é'), '"a\\"b\\n\\u2028é"');
});
