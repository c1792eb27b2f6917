// `kubectl events`: list core/v1 Events (of a namespace, all namespaces, or one object with
// --for), keep the --types asked for, sort them by last time and print kubectl's own table —
// or the typed EventList through -o; with -w, watch and print each event as it arrives.
// Upstream: kubernetes/kubectl pkg/cmd/events/events.go (ToOptions, Validate, Run, runWatch,
// decodeResourceTypeName), event_printer.go (EventPrinter, getInterval);
// client-go restmapper/shortcut.go (expandResourceShortcut), cli-runtime resource.FollowContinue,
// EnhanceListError.

import type { CommandContext } from '../cli/command';
import { ExitError, KubectlError, StatusError } from '../errors';
import { goQuote } from '../cli/flags';
import type { ApiResource } from '../client/discovery';
import { TabWriter, kubectlTableOptions } from '../printers/tabwriter';
import { humanDuration } from '../printers/human-duration';
import { escapeTerminal } from '../printers/table-printer';
import { splitOutput, type ObjectPrinter } from '../printers/print-flags';
import type { KubeObject } from '../printers/name-printer';
import { genericPrinter, printWith } from './cmd-util';
import { sortEvents, timeMicros } from './events-sort';
import { toTyped } from '../printers/typed-object';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A resource kubectl's mapper.ResourceFor cannot resolve: printed as is (no `error: `). */
class NoMatch extends Error {}

/** The --for object: its kind, apiVersion and name. */
interface ForObject {
  kind: string;
  apiVersion: string;
  name: string;
}

// Upstream: shortcut.go expandResourceShortcut and the priority mapper's ResourceFor.
function resourceFor(resources: ApiResource[], group: string, version: string, resource: string, warn: (msg: string) => void): ApiResource {
  const inGroup = (r: ApiResource) => group === '' || r.group === group;
  let g = group;
  let res = resource;
  const exact = resources.some((r) => inGroup(r) && (r.resource === resource || r.singular === resource));
  if (!exact) {
    let found: ApiResource | undefined;
    const warned = new Set<string>();
    for (const r of resources) {
      if (!inGroup(r) || !r.shortNames.includes(resource)) continue;
      if (!found) {
        found = r;
        continue;
      }
      if (r.group === found.group && r.resource === found.resource) continue;
      const long = r.group ? `${r.resource}.${r.group}` : r.resource;
      if (!warned.has(long)) warn(`short name ${goQuote(resource)} could also match lower priority resource ${long}`);
      warned.add(long);
    }
    if (found) {
      g = found.group;
      res = found.resource;
    }
  }
  if (res === '') throw new KubectlError(`a resource must be present, got: ${g}/${version}, Resource=`);
  const m = resources.find((r) => (g === '' || r.group === g) && (version === '' || r.version === version) && (r.resource === res || r.singular === res));
  if (m) return m;
  let msg = `the server doesn't have a resource type ${goQuote(res)}`;
  if (g && version) msg += ` in group ${goQuote(g)} and version ${goQuote(version)}`;
  else if (g) msg += ` in group ${goQuote(g)}`;
  else if (version) msg += ` in version ${goQuote(version)}`;
  throw new NoMatch(msg);
}

/** Resources in the order the priority mapper prefers them: group order, preferred version first. */
function priorityOrder(groups: { name: string }[], resources: ApiResource[]): ApiResource[] {
  const groupIndex = new Map(groups.map((g, i) => [g.name, i]));
  return [...resources].sort((a, b) => {
    const ga = groupIndex.get(a.group) ?? 1e9;
    const gb = groupIndex.get(b.group) ?? 1e9;
    if (ga !== gb) return ga - gb;
    if (a.preferred !== b.preferred) return a.preferred ? -1 : 1;
    return 0;
  });
}

// Upstream: events.go decodeResourceTypeName (schema.ParseResourceArg, then the group/resource).
async function decodeFor(ctx: CommandContext, s: string): Promise<ForObject | undefined> {
  if (!s.includes('/')) return undefined;
  const seg = s.split('/');
  if (seg.length !== 2) throw new KubectlError('arguments in resource/name form may not have more than one slash');
  const resourceArg = seg[0].toLowerCase();
  // The mapper's discovery (and, when the server is unreachable, its two klog lines) comes first.
  await ctx.factory.mapper(2);
  const d = await (await ctx.factory.discovery()).get();
  const resources = priorityOrder(d.groups, d.resources);
  const warn = (msg: string) => ctx.io.stderr.write(`Warning: ${msg}\n`);
  let mapping: ApiResource | undefined;
  const parts = resourceArg.split('.');
  if (parts.length >= 3) {
    try {
      mapping = resourceFor(resources, parts.slice(2).join('.'), parts[1], parts[0], warn);
    } catch {
      mapping = undefined;
    }
  }
  if (!mapping) {
    const dot = resourceArg.indexOf('.');
    const group = dot < 0 ? '' : resourceArg.slice(dot + 1);
    const resource = dot < 0 ? resourceArg : resourceArg.slice(0, dot);
    mapping = resourceFor(resources, group, '', resource, warn);
  }
  return { kind: mapping.kind, apiVersion: mapping.group ? `${mapping.group}/${mapping.version}` : mapping.version, name: seg[1] };
}

// Upstream: events.go filteredEventType (case-insensitive).
export function typeFilter(types: string[]): (t: string) => boolean {
  const wanted = types.map((t) => t.toLowerCase());
  return (t) => wanted.length === 0 || wanted.includes((t ?? '').toLowerCase());
}

export async function runEvents(ctx: CommandContext): Promise<number> {
  const f = ctx.flags;
  const allNamespaces = f.bool('all-namespaces');
  const { namespace } = await ctx.factory.namespace();
  const forArg = f.string('for');
  let forObject: ForObject | undefined;
  if (forArg !== '') {
    try {
      forObject = await decodeFor(ctx, forArg);
    } catch (e) {
      if (e instanceof NoMatch) {
        ctx.io.stderr.write(e.message + '\n');
        throw new ExitError(1);
      }
      throw e;
    }
    if (!forObject) throw new KubectlError('--for must be in resource/name form');
  }
  const client = await ctx.factory.client();
  const output = f.string('output');
  const printer = output ? await genericPrinter(ctx, { output }) : undefined;
  // -o name prints nothing for the listed EventList (the reference binary's behaviour; upstream
  // drops the printer's result), only for watched events.
  const nameOutput = splitOutput(output).format === 'name';
  const types = f.strings('types');
  for (const t of types) {
    if (t.toLowerCase() !== 'normal' && t.toLowerCase() !== 'warning') throw new KubectlError('valid --types are Normal or Warning');
  }
  const wanted = typeFilter(types);

  const ns = allNamespaces ? '' : namespace;
  const path = ns ? `/api/v1/namespaces/${ns}/events` : '/api/v1/events';
  // Upstream lists with cmdutil.DefaultChunkSize whatever --chunk-size says.
  const query: Record<string, string> = { limit: '500' };
  if (forObject && forObject.name !== '') {
    query.fieldSelector = `involvedObject.kind=${forObject.kind},involvedObject.apiVersion=${forObject.apiVersion},involvedObject.name=${forObject.name}`;
  }
  const table = new EventTable(!f.bool('no-headers'), allNamespaces, () => ctx.io.now());
  const w = new TabWriter(kubectlTableOptions, (t) => ctx.io.stdout.write(t));
  const print = (obj: KubeObject) => {
    if (!printer) w.write(table.print(obj));
    else if (nameOutput && obj.kind === 'EventList') return;
    else printQuietly(printer, obj, (t) => w.write(t));
    w.flush();
  };

  if (f.bool('watch')) {
    // --request-timeout ends the watch quietly (exit 0): RestClient.watch bounds it.
    await client.watch({ path, query: { ...query, watch: 'true' } }, (ev) => {
      const obj = ev.object as Json | undefined;
      // Deleted events expire after an hour: not news. Non-Events (a Status) are skipped too.
      if (ev.type === 'DELETED' || !obj || obj.kind !== 'Event' || !wanted(obj.type)) return;
      print(typedEvent(obj));
    });
    return 0;
  }

  const items: Json[] = [];
  let cont = '';
  for (;;) {
    const q = cont ? { ...query, continue: cont } : query;
    let page: Json;
    try {
      page = await client.json<Json>({ path, query: q });
    } catch (e) {
      throw enhanceListError(e, q.fieldSelector ?? '');
    }
    items.push(...((page.items ?? []) as Json[]));
    cont = page.metadata?.continue ?? '';
    if (!cont) break;
  }
  const events = items.filter((e) => wanted(e.type)).map(typedEvent);
  if (events.length === 0) {
    ctx.io.stderr.write(allNamespaces ? 'No events found.\n' : `No events found in ${namespace} namespace.\n`);
    return 0;
  }
  sortEvents(events);
  // An EventList built by kubectl: empty list metadata, typed field order.
  print({ kind: 'EventList', apiVersion: 'v1', metadata: {}, items: events } as KubeObject);
  return 0;
}

/** Upstream drops the printer's error (o.PrintObj's result is ignored): nothing is printed. */
function printQuietly(printer: ObjectPrinter, obj: KubeObject, write: (t: string) => void): void {
  try {
    write(printWith(printer, obj, true));
  } catch {
    // kubectl events prints nothing for a failing template
  }
}

// Upstream: resource.EnhanceListError.
function enhanceListError(err: unknown, fieldSelector: string): unknown {
  if (!(err instanceof StatusError)) return err;
  if (err.reason === 'Expired') return err;
  if (err.reason === 'BadRequest' || err.code === 400 || err.reason === 'NotFound' || err.code === 404) {
    const message = fieldSelector
      ? `Unable to find "events" that match label selector "", field selector ${goQuote(fieldSelector)}: ${err.status.message ?? ''}`
      : `Unable to list "events": ${err.status.message ?? ''}`;
    return new StatusError({ ...err.status, message });
  }
  return err;
}

// Upstream: event_printer.go escapeCell — a cell ends at the first line break.
export function escapeCell(s: string): string {
  const i = s.search(/[\f\n\r]/);
  return escapeTerminal(i >= 0 ? s.slice(0, i) + '...' : s);
}

function since(ts: unknown, now: number): string {
  const t = timeMicros(ts);
  if (t === -Infinity) return '<unknown>';
  return humanDuration(now - t / 1000);
}

// Upstream: event_printer.go getInterval.
export function eventInterval(e: Json, now: number): string {
  const first = timeMicros(e.eventTime) === -Infinity ? since(e.firstTimestamp, now) : since(e.eventTime, now);
  if (e.series) return `${since(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
  if ((e.count ?? 0) > 1) return `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`;
  return first;
}

/** kubectl's EventPrinter: headings once, then one tab-separated row per event. */
export class EventTable {
  private headersPrinted = false;

  constructor(
    private readonly headers: boolean,
    private readonly allNamespaces: boolean,
    private readonly now: () => number,
  ) {}

  print(obj: Json): string {
    let out = '';
    if (this.headers && !this.headersPrinted) {
      out += (this.allNamespaces ? 'NAMESPACE\t' : '') + 'LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n';
      this.headersPrinted = true;
    }
    const items: Json[] = obj.kind === 'EventList' ? obj.items : [obj];
    for (const e of items) {
      const io = e.involvedObject ?? {};
      if (this.allNamespaces) out += `${e.metadata?.namespace ?? ''}\t`;
      out += [
        eventInterval(e, this.now()),
        escapeCell(e.type ?? ''),
        escapeCell(e.reason ?? ''),
        `${escapeCell(io.kind ?? '')}/${escapeCell(io.name ?? '')}`,
        escapeCell((e.message ?? '').trim()),
      ].join('\t');
      out += '\n';
    }
    return out;
  }
}

/** A server Event as kubectl's typed corev1.Event marshals it (kind and apiVersion set when absent). */
export function typedEvent(e: Json): Json {
  return toTyped({ ...e, kind: e.kind || 'Event', apiVersion: e.apiVersion || 'v1' });
}
