// The editor loop `kubectl edit` and `kubectl apply edit-last-applied` share: the objects under a
// header comment in a temp file, the user's editor (KUBE_EDITOR, EDITOR, vi), then validation;
// invalid files and syntax errors reopen the editor with the reasons in the header, unchanged or
// emptied files cancel, and failures keep a copy of the file. What the edits do is the mode's.
// Upstream: kubernetes/kubectl pkg/cmd/util/editor/editoptions.go (EditOptions.Run,
// editHeader.writeTo, preservedFile), editor.go (defaultEnvEditor, Launch),
// pkg/cmd/util/helpers.go (StripComments, ManualStrip).

import type { CommandContext } from '../cli/command';
import { KubectlError } from '../errors';
import { resolvePath } from '../io';
import { decodeStream } from '../resource/manifest';
import { toYaml } from '../printers/yaml-printer';
import { toGoJson } from '../printers/json-printer';
import { goJsonMarshal } from '../../api/patch/go-json';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Reason {
  head: string;
  other: string[];
}

// Upstream: editor.go defaultEnvEditor.
export function editorArgs(env: Record<string, string | undefined>): { args: string[]; shell: boolean } {
  const editor = env.KUBE_EDITOR || env.EDITOR || 'vi';
  if (!editor.includes(' ')) return { args: [editor], shell: false };
  if (!/["'\\]/.test(editor)) return { args: editor.split(' '), shell: false };
  const shell = env.SHELL || '/bin/bash';
  return { args: [shell, '-c', editor], shell: true };
}

// Upstream: helpers.go ManualStrip.
export function manualStrip(text: string): string {
  const lines = text.split('\n');
  return lines
    .filter((l) => {
      const t = l.trim();
      return !(t.startsWith('#') && !t.startsWith('#!'));
    })
    .join('\n');
}

// Upstream: helpers.go StripComments — the YAML as JSON (sorted keys), so key order and
// formatting do not count as changes; text that is not YAML is compared without its comments.
export async function stripComments(text: string): Promise<string> {
  try {
    const docs = await decodeStream(text, 'edit');
    return goJsonMarshal(docs.map((d) => d.object));
  } catch {
    return manualStrip(text);
  }
}

function hashOnLineBreak(s: string): string {
  return s.replace(/\n/g, '\n# ');
}

/** What one kind of edit brings to the loop. */
export interface EditMode {
  /** The first lines of every file, before the reasons. */
  header: string;
  /** What the editor opens first. */
  shown: Json;
  output: 'yaml' | 'json';
  /** Why the validator rejects the edited text, or undefined. */
  validate(text: string): Promise<string | undefined>;
  /** The reason written into the reopened file and the line on stderr for a failed validation. */
  invalid(message: string): Promise<{ reason: Reason; error: string }>;
  /** The edited objects; a throw is a syntax error and reopens the editor with its message. */
  decode(text: string): Promise<Json[]>;
  /**
   * Sends the edits. 'done' ends the edit (the file is removed); 'reopen' opens the editor again
   * with the reasons it pushed. keep(err) tells the user where the file is and returns err.
   */
  apply(updated: Json[], file: string, reasons: Reason[], keep: (err: Error) => Error): Promise<'done' | 'reopen'>;
}

export async function runEditorLoop(ctx: CommandContext, mode: EditMode): Promise<number> {
  const launchEditor = ctx.io.launchEditor;
  if (!launchEditor) throw new KubectlError('editing is not available in this terminal');
  const serialize = (o: Json) => (mode.output === 'json' ? toGoJson(o, { indent: '    ', sortKeys: true }) + '\n' : toYaml(o));
  const ext = mode.output === 'json' ? '.json' : '.yaml';
  const tmp = (ctx.io.env.TMPDIR || '/tmp').replace(/\/$/, '');
  const { args: editorArgv, shell } = editorArgs(ctx.io.env);

  let reasons: Reason[] = [];
  let containsError = false;
  let edited = '';
  let original = '';
  let prevFile = '';
  const preserved = (file: string, err: Error): Error => {
    if (file) ctx.io.stderr.write(`A copy of your changes has been stored to ${JSON.stringify(file)}\n`);
    return err;
  };
  for (;;) {
    let buf = mode.header;
    for (const r of reasons) {
      buf += r.other.length ? `# ${hashOnLineBreak(r.head)}:\n` : `# ${hashOnLineBreak(r.head)}\n`;
      for (const o of r.other) buf += `# * ${hashOnLineBreak(o)}\n`;
      buf += '#\n';
    }
    if (!containsError) {
      buf += serialize(mode.shown);
      original = buf;
    } else buf += manualStrip(edited);
    const previous = edited;
    // os.CreateTemp: prefix + a random uint32 + suffix.
    const file = `${tmp}/kubectl-edit-${Math.floor(Math.random() * 2 ** 32)}${ext}`;
    await ctx.io.fs.writeFile(resolvePath(ctx.io, file), buf);
    const argv = shell ? [...editorArgv.slice(0, -1), `${editorArgv[editorArgv.length - 1]} ${JSON.stringify(file)}`] : [...editorArgv, file];
    const result = await launchEditor(argv);
    // exec.ErrNotFound comes only from a PATH lookup (a bare name); a missing path is "a problem".
    if (result.notFound && !editorArgv[0].includes('/')) throw preserved(prevFile, new KubectlError(`unable to launch the editor ${JSON.stringify(editorArgv.join(' '))}`));
    if (result.exitCode !== 0) throw preserved(prevFile, new KubectlError(`there was a problem with the editor ${JSON.stringify(editorArgv.join(' '))}`));
    edited = new TextDecoder().decode(await ctx.io.fs.readFile(resolvePath(ctx.io, file)));
    if (containsError && (await stripComments(previous)) === (await stripComments(edited))) {
      throw preserved(file, new KubectlError('Edit cancelled, no valid changes were saved.'));
    }
    // Upstream: the file from the previous pass is removed once a new one exists.
    if (prevFile) await ctx.io.fs.remove?.(resolvePath(ctx.io, prevFile));
    prevFile = file;
    // The edited bytes are validated first: an empty file or an object without kind/apiVersion
    // fails validation and reopens the editor.
    const invalid = await mode.validate(edited);
    if (invalid) {
      containsError = true;
      const { reason, error } = await mode.invalid(invalid);
      reasons = [reason];
      ctx.io.stderr.write(`${error}\n`);
      continue;
    }
    if ((await stripComments(original)) === (await stripComments(edited))) {
      await ctx.io.fs.remove?.(resolvePath(ctx.io, file));
      ctx.io.stderr.write('Edit cancelled, no changes made.\n');
      return 0;
    }
    if (manualStrip(edited).trim() === '') {
      await ctx.io.fs.remove?.(resolvePath(ctx.io, file));
      ctx.io.stderr.write('Edit cancelled, saved file was empty.\n');
      return 0;
    }
    reasons = [];
    let updated: Json[];
    try {
      updated = await mode.decode(edited);
    } catch (e) {
      containsError = true;
      reasons.push({ head: `The edited file had a syntax error: ${(e as Error).message}`, other: [] });
      continue;
    }
    containsError = false;
    if ((await mode.apply(updated, file, reasons, (err) => preserved(file, err))) === 'done') {
      await ctx.io.fs.remove?.(resolvePath(ctx.io, file));
      return 0;
    }
    containsError = true;
  }
}
