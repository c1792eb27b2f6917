// `kubectl rollout status|history|undo|pause|resume|restart` for Deployments (and status for
// DaemonSets and StatefulSets): the status viewer messages over a watch, the revision table
// from the Deployment's ReplicaSets, rollback by JSON patch, and the pause/resume/restart
// strategic merge patches with kubectl's "already paused" style messages.
// Upstream: kubernetes/kubectl pkg/cmd/rollout/rollout_*.go; pkg/polymorphichelpers/
// rollout_status.go, history.go, rollback.go, objectpauser.go, objectresumer.go,
// objectrestarter.go; pkg/util/deployment/deployment.go (Revision, EqualIgnoreHash).

import type { CommandContext } from '../cli/command';
import { AggregateError_, KubectlError } from '../errors';
import { resourcePath, type RestMapping } from '../client/rest-mapper';
import { ResourceBuilder, type Info } from '../resource/builder';
import { operationWithDryRun, type KubeObject } from '../printers/name-printer';
import { goJsonMarshal } from '../../api/patch/go-json';
import { createTwoWayMergePatch } from '../../api/patch/strategic-merge-patch';
import { patchSchemaFor } from '../apply/patch-schema';
import { builderOptions, dryRunStrategy, genericPrinter, printWith, resourceGroup } from './cmd-util';
import { watchUntil } from '../resource/wait-deleted';
import { tabulate } from '../printers/tabwriter';
import { describeOptions } from '../printers/tabwriter';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const revisionAnnotation = 'deployment.kubernetes.io/revision';
const changeCauseAnnotation = 'kubernetes.io/change-cause';

async function infosFor(ctx: CommandContext, extra: { latest?: boolean } = {}): Promise<{ infos: Info[]; errors: unknown[] }> {
  const f = ctx.flags;
  const res = await new ResourceBuilder(
    ctx.factory,
    await builderOptions(ctx, {
      args: ctx.args,
      continueOnError: true,
      flatten: true,
      latest: extra.latest ?? true,
      labelSelector: f.has('selector') ? f.string('selector') : undefined,
      fieldSelector: undefined,
      allNamespaces: false,
    }),
  ).build();
  return { infos: res.infos, errors: res.errors };
}

function throwAll(errors: unknown[]): void {
  if (errors.length) throw errors.length === 1 ? errors[0] : new AggregateError_(errors);
}

// ------------------------------------------------------------------ status

// Upstream: rollout_status.go DeploymentStatusViewer / DaemonSetStatusViewer / StatefulSetStatusViewer.
export function statusMessage(obj: Json, revision: number): { message: string; done: boolean } {
  const name = obj.metadata?.name;
  const st = obj.status ?? {};
  const spec = obj.spec ?? {};
  const gen = obj.metadata?.generation ?? 0;
  switch (obj.kind) {
    case 'Deployment': {
      if (revision > 0) {
        const rev = Number(obj.metadata?.annotations?.[revisionAnnotation] ?? 0);
        if (rev !== revision) throw new KubectlError(`desired revision (${revision}) is different from the running revision (${rev})`);
      }
      if (gen <= (st.observedGeneration ?? 0)) {
        const cond = (st.conditions ?? []).find((c: Json) => c.type === 'Progressing');
        if (cond?.reason === 'ProgressDeadlineExceeded') throw new KubectlError(`deployment ${JSON.stringify(name)} exceeded its progress deadline`);
        const updated = st.updatedReplicas ?? 0;
        if (spec.replicas !== undefined && updated < spec.replicas) {
          return { message: `Waiting for deployment ${JSON.stringify(name)} rollout to finish: ${updated} out of ${spec.replicas} new replicas have been updated...\n`, done: false };
        }
        if ((st.replicas ?? 0) > updated) {
          return { message: `Waiting for deployment ${JSON.stringify(name)} rollout to finish: ${(st.replicas ?? 0) - updated} old replicas are pending termination...\n`, done: false };
        }
        if ((st.availableReplicas ?? 0) < updated) {
          return { message: `Waiting for deployment ${JSON.stringify(name)} rollout to finish: ${st.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`, done: false };
        }
        return { message: `deployment ${JSON.stringify(name)} successfully rolled out\n`, done: true };
      }
      return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
    }
    case 'DaemonSet': {
      if (spec.updateStrategy?.type !== 'RollingUpdate') throw new KubectlError('rollout status is only available for RollingUpdate strategy type');
      if (gen <= (st.observedGeneration ?? 0)) {
        const desired = st.desiredNumberScheduled ?? 0;
        if ((st.updatedNumberScheduled ?? 0) < desired) {
          return { message: `Waiting for daemon set ${JSON.stringify(name)} rollout to finish: ${st.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated...\n`, done: false };
        }
        if ((st.numberAvailable ?? 0) < desired) {
          return { message: `Waiting for daemon set ${JSON.stringify(name)} rollout to finish: ${st.numberAvailable ?? 0} of ${desired} updated pods are available...\n`, done: false };
        }
        return { message: `daemon set ${JSON.stringify(name)} successfully rolled out\n`, done: true };
      }
      return { message: 'Waiting for daemon set spec update to be observed...\n', done: false };
    }
    case 'StatefulSet': {
      if (spec.updateStrategy?.type !== 'RollingUpdate') throw new KubectlError('rollout status is only available for RollingUpdate strategy type');
      if (st.observedGeneration === undefined || gen > st.observedGeneration) return { message: 'Waiting for statefulset spec update to be observed...\n', done: false };
      const replicas = spec.replicas ?? 1;
      if ((st.readyReplicas ?? 0) < replicas) return { message: `Waiting for ${replicas - (st.readyReplicas ?? 0)} pods to be ready...\n`, done: false };
      const partition = spec.updateStrategy?.rollingUpdate?.partition;
      if (partition !== undefined && partition > 0) {
        if ((st.updatedReplicas ?? 0) < replicas - partition) {
          return { message: `Waiting for partitioned roll out to finish: ${st.updatedReplicas ?? 0} out of ${replicas - partition} new pods have been updated...\n`, done: false };
        }
        return { message: `partitioned roll out complete: ${st.updatedReplicas ?? 0} new pods have been updated...\n`, done: true };
      }
      if (st.updateRevision !== st.currentRevision) {
        return { message: `waiting for statefulset rolling update to complete ${st.updatedReplicas ?? 0} pods at revision ${st.updateRevision}...\n`, done: false };
      }
      return { message: `statefulset rolling update complete ${st.currentReplicas ?? 0} pods at revision ${st.currentRevision}...\n`, done: true };
    }
  }
  throw new KubectlError(`no status viewer has been implemented for ${obj.kind}`);
}

// Upstream: rollout_status.go RolloutStatusOptions.Run.
export async function runRolloutStatus(ctx: CommandContext): Promise<number> {
  const f = ctx.flags;
  const revision = f.number('revision');
  if (revision < 0) throw new KubectlError('revision must be a positive integer: ' + revision);
  const { infos, errors } = await infosFor(ctx);
  throwAll(errors);
  if (infos.length !== 1) throw new KubectlError('rollout status is only supported on individual resources and resource collections - ' + infos.length + ' resources were found');
  const info = infos[0];
  statusMessage({ ...info.object, status: {}, metadata: { ...(info.object!.metadata ?? {}), generation: 1 } }, 0); // kind check first
  const watch = f.bool('watch');
  const timeoutMs = f.number('timeout') || 2 ** 31 - 1;
  let failure: unknown;
  await watchUntil(
    ctx,
    info,
    timeoutMs,
    () => new KubectlError('timed out waiting for the condition'),
    (type, obj) => {
      if (type === 'DELETED') {
        failure = new KubectlError('object has been deleted');
        return true;
      }
      if (!obj || (type !== 'ADDED' && type !== 'MODIFIED' && type !== 'SYNC')) return false;
      try {
        const s = statusMessage(obj as Json, revision);
        ctx.io.stdout.write(s.message);
        return !watch || s.done;
      } catch (e) {
        failure = e;
        return true;
      }
    },
  );
  if (failure) throw failure;
  return 0;
}

// ------------------------------------------------------------------ history

interface Revision {
  revision: number;
  rs: Json;
}

// Upstream: deployment.go GetAllReplicaSets / history.go getDeploymentHistory: the Deployment's
// own ReplicaSets (controller owner reference) by revision.
async function deploymentRevisions(ctx: CommandContext, deploy: Json, mapping: RestMapping): Promise<Revision[]> {
  const client = await ctx.factory.client();
  const selector = Object.entries(deploy.spec?.selector?.matchLabels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  const rsMapping = { ...mapping, resource: 'replicasets', kind: 'ReplicaSet' } as RestMapping;
  const list = await client.json<Json>({ path: resourcePath(rsMapping, deploy.metadata?.namespace), query: { labelSelector: selector } });
  const uid = deploy.metadata?.uid;
  const out: Revision[] = [];
  for (const rs of list.items ?? []) {
    const owner = (rs.metadata?.ownerReferences ?? []).find((o: Json) => o.controller);
    if (!owner || owner.uid !== uid) continue;
    const v = rs.metadata?.annotations?.[revisionAnnotation];
    if (v === undefined || !/^\d+$/.test(v)) continue;
    out.push({ revision: Number(v), rs });
  }
  return out.sort((a, b) => a.revision - b.revision);
}

// Upstream: history.go daemonSetHistory — the ControllerRevisions the DaemonSet controls.
async function daemonSetRevisions(ctx: CommandContext, ds: Json): Promise<Json[]> {
  const { selectorString } = await import('../describe/format');
  const client = await ctx.factory.client();
  const list = await client.json<Json>({ path: `/apis/apps/v1/namespaces/${ds.metadata?.namespace}/controllerrevisions`, query: { labelSelector: selectorString(ds.spec?.selector) } });
  const uid = ds.metadata?.uid;
  return (list.items ?? []).filter((h: Json) => (h.metadata?.ownerReferences ?? []).some((o: Json) => o.controller && o.uid === uid)).sort((a: Json, b: Json) => a.revision - b.revision);
}

/** The template a DaemonSet revision restores: its data is `{"spec":{"template":{…,"$patch":"replace"}}}`. */
function revisionTemplate(history: Json): Json {
  const t = { ...(history.data?.spec?.template ?? {}) };
  delete t.$patch;
  return t;
}

// Upstream: rollback.go getDaemonSetPatch — the live template as the revision data would hold it
// (the typed DaemonSet's template), compared byte for byte with the revision's data.
async function daemonSetMatches(ds: Json, history: Json): Promise<boolean> {
  const { toTyped } = await import('../printers/typed-object');
  const template = { ...((toTyped(ds) as Json).spec?.template ?? {}), $patch: 'replace' };
  return goJsonMarshal({ spec: { template } }) === goJsonMarshal(history.data ?? {});
}

/** DescribePodTemplate through a plain prefix writer (rollout history --revision prints it untabbed). */
async function printTemplate(template: Json | undefined): Promise<string> {
  const { describePodTemplate } = await import('../describe/pod');
  let out = '';
  const w = {
    write(level: number, text: string) {
      out += '  '.repeat(level) + text;
    },
    writeLine(...values: string[]) {
      out += values.join(' ') + '\n';
    },
  };
  describePodTemplate(template as never, w);
  return out;
}

// Upstream: rollout_history.go Run + history.go DeploymentHistoryViewer.ViewHistory.
export async function runRolloutHistory(ctx: CommandContext): Promise<number> {
  const f = ctx.flags;
  const revision = f.number('revision');
  if (revision < 0) throw new KubectlError(`revision must be a positive integer: ${revision}`);
  const { infos, errors } = await infosFor(ctx);
  const out: unknown[] = [...errors];
  if (f.string('output')) return printRevisionObjects(ctx, infos, revision, out);
  for (const info of infos) {
    if (info.mapping.kind === 'DaemonSet') {
      // Upstream: history.go printHistory over the DaemonSet's ControllerRevisions.
      const byRev = new Map<number, Json>();
      for (const h of await daemonSetRevisions(ctx, info.object as Json)) byRev.set(Number(h.revision), h);
      let text: string;
      if (byRev.size === 0) text = '\nNo rollout history found.';
      else if (revision > 0) {
        const h = byRev.get(revision);
        if (!h) {
          out.push(new KubectlError('unable to find the specified revision'));
          continue;
        }
        text = `with revision #${revision}\n${await printTemplate(revisionTemplate(h))}`;
      } else {
        let table = 'REVISION\tCHANGE-CAUSE\n';
        for (const [rev, h] of [...byRev].sort((a, b) => a[0] - b[0])) table += `${rev}\t${h.metadata?.annotations?.[changeCauseAnnotation] || '<none>'}\n`;
        text = '\n' + tabulate(table, describeOptions);
      }
      const printer = await genericPrinter(ctx, { output: 'name', operation: text });
      ctx.io.stdout.write(printWith(printer, info.object!));
      continue;
    }
    if (info.mapping.kind !== 'Deployment') {
      out.push(new KubectlError(`error retrieving history for ${JSON.stringify(info.mapping.kind)}, no visitor method exists for ${info.mapping.group ? info.mapping.group : ''} ${info.mapping.kind}`.replace(' for  ', ' for { ').replace(/ (\w+)$/, ' $1}')));
      continue;
    }
    const revs = await deploymentRevisions(ctx, info.object as Json, info.mapping);
    let text: string;
    if (revision > 0) {
      const r = revs.find((x) => x.revision === revision);
      if (!r) {
        out.push(new KubectlError('unable to find the specified revision'));
        continue;
      }
      // history.go getDeploymentHistory: the RS's change-cause is shown among the template's annotations.
      const template = JSON.parse(JSON.stringify(r.rs.spec?.template ?? {}));
      const cause = r.rs.metadata?.annotations?.[changeCauseAnnotation];
      if (cause) template.metadata = { ...(template.metadata ?? {}), annotations: { ...(template.metadata?.annotations ?? {}), [changeCauseAnnotation]: cause } };
      text = `with revision #${revision}\n${await printTemplate(template)}`;
    } else {
      // Several ReplicaSets may claim one revision; the last one listed wins (a Go map).
      const byRev = new Map<number, Json>();
      for (const r of revs) byRev.set(r.revision, r.rs);
      let table = 'REVISION\tCHANGE-CAUSE\n';
      for (const [rev, rs] of [...byRev].sort((a, b) => a[0] - b[0])) {
        table += `${rev}\t${rs.metadata?.annotations?.[changeCauseAnnotation] || '<none>'}\n`;
      }
      text = '\n' + tabulate(table, describeOptions);
    }
    const printer = await genericPrinter(ctx, { output: 'name', operation: text });
    ctx.io.stdout.write(printWith(printer, info.object!));
  }
  throwAll(out);
  return 0;
}

// Upstream: rollout_history.go with -o — the objects behind the revisions, in revision order:
// a Deployment's ReplicaSets, or the DaemonSet as each revision would make it (GetHistory).
async function printRevisionObjects(ctx: CommandContext, infos: Info[], revision: number, out: unknown[]): Promise<number> {
  const { toTyped } = await import('../printers/typed-object');
  const printer = await genericPrinter(ctx, { output: ctx.flags.string('output') });
  for (const info of infos) {
    const obj = info.object as Json;
    const byRev = new Map<number, Json>();
    if (info.mapping.kind === 'Deployment') for (const r of await deploymentRevisions(ctx, obj, info.mapping)) byRev.set(r.revision, r.rs);
    else if (info.mapping.kind === 'DaemonSet') {
      for (const h of await daemonSetRevisions(ctx, obj)) byRev.set(Number(h.revision), { ...obj, spec: { ...obj.spec, template: revisionTemplate(h) } });
    } else {
      out.push(new KubectlError(`error retrieving history for ${JSON.stringify(info.mapping.kind)}, no visitor method exists for ${info.mapping.group ? info.mapping.group : ''} ${info.mapping.kind}`.replace(' for  ', ' for { ').replace(/ (\w+)$/, ' $1}')));
      continue;
    }
    // (kubectl v1.32 panics on an unknown revision here; this says what went wrong instead.)
    const revisions = revision > 0 ? [revision] : [...byRev.keys()].sort((a, b) => a - b);
    for (const r of revisions) {
      const o = byRev.get(r);
      if (!o) {
        out.push(new KubectlError('unable to find the specified revision'));
        continue;
      }
      ctx.io.stdout.write(printWith(printer, toTyped(o) as KubeObject, true));
    }
  }
  throwAll(out);
  return 0;
}

// ------------------------------------------------------------------ undo

const annotationsToSkip = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  revisionAnnotation,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

function withoutHash(template: Json | undefined): Json {
  const t = JSON.parse(JSON.stringify(template ?? {}));
  if (t.metadata?.labels) {
    delete t.metadata.labels['pod-template-hash'];
  }
  return t;
}

// Upstream: rollback.go DeploymentRollbacker.Rollback + deploymentRevision.
export async function runRolloutUndo(ctx: CommandContext): Promise<number> {
  const f = ctx.flags;
  const toRevision = f.number('to-revision');
  const dryRun = dryRunStrategy(ctx);
  const { infos, errors } = await infosFor(ctx);
  const out: unknown[] = [...errors];
  const client = await ctx.factory.client();
  for (const info of infos) {
    try {
      if (info.mapping.kind === 'DaemonSet') {
        const message = await rollbackDaemonSet(ctx, info, toRevision, dryRun);
        const printer = await genericPrinter(ctx, { output: 'name', operation: operationWithDryRun(message, dryRun) });
        ctx.io.stdout.write(printWith(printer, info.object!));
        continue;
      }
      if (info.mapping.kind !== 'Deployment') throw new KubectlError(`no rollbacker has been implemented for ${JSON.stringify(info.mapping.group + '/' + info.mapping.kind)}`);
      const d = info.object as Json;
      if (d.spec?.paused) {
        throw new KubectlError(`you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again`);
      }
      const revs = await deploymentRevisions(ctx, d, info.mapping);
      let target: Revision | undefined;
      if (toRevision > 0) {
        target = revs.find((r) => r.revision === toRevision);
        if (!target) throw new KubectlError(`unable to find specified revision ${toRevision} in history`);
      } else {
        const sorted = [...revs].sort((a, b) => b.revision - a.revision);
        target = sorted[1];
        if (!target) throw new KubectlError(`no rollout history found for deployment ${JSON.stringify(d.metadata?.name)}`);
      }
      let message: string;
      if (dryRun === 'client') {
        message = await printTemplate(target.rs.spec?.template);
      } else if (goJsonMarshal(withoutHash(target.rs.spec?.template)) === goJsonMarshal(withoutHash(d.spec?.template))) {
        message = `skipped rollback (current template already matches revision ${target.revision})`;
      } else {
        const annotations: Record<string, string> = {};
        for (const k of annotationsToSkip) if (d.metadata?.annotations?.[k] !== undefined) annotations[k] = d.metadata.annotations[k];
        for (const [k, v] of Object.entries((target.rs.metadata?.annotations ?? {}) as Record<string, string>)) if (!annotationsToSkip.has(k)) annotations[k] = v;
        const patch = [
          { op: 'replace', path: '/spec/template', value: withoutHash(target.rs.spec?.template) },
          { op: 'replace', path: '/metadata/annotations', value: annotations },
        ];
        try {
          await client.json({
            method: 'PATCH',
            path: resourcePath(info.mapping, info.namespace, info.name),
            query: dryRun === 'server' ? { dryRun: 'All' } : {},
            body: goJsonMarshal(patch),
            contentType: 'application/json-patch+json',
          });
        } catch (e) {
          throw new KubectlError(`failed restoring revision ${target.revision}: ${(e as Error).message}`);
        }
        message = 'rolled back';
      }
      const printer = await genericPrinter(ctx, { output: 'name', operation: operationWithDryRun(message, dryRun) });
      ctx.io.stdout.write(printWith(printer, info.object!));
    } catch (e) {
      out.push(e);
    }
  }
  throwAll(out);
  return 0;
}

// Upstream: rollback.go DaemonSetRollbacker.Rollback + findHistory: the previous revision (the
// second highest) unless --to-revision names one; the revision data is the patch that restores it.
async function rollbackDaemonSet(ctx: CommandContext, info: Info, toRevision: number, dryRun: string): Promise<string> {
  const ds = info.object as Json;
  const history = await daemonSetRevisions(ctx, ds);
  if (toRevision === 0 && history.length <= 1) throw new KubectlError('no last revision to roll back to');
  const target = toRevision === 0 ? history[history.length - 2] : history.find((h) => Number(h.revision) === toRevision);
  if (!target) throw new KubectlError(`unable to find specified revision ${toRevision} in history`);
  // Upstream: printPodTemplate words the DaemonSet's dry run as "will roll back to …".
  if (dryRun === 'client') return `will roll back to ${await printTemplate(revisionTemplate(target))}`;
  // kubectl words it with the revision it was asked for: 0 when --to-revision was not given.
  if (await daemonSetMatches(ds, target)) return `skipped rollback (current template already matches revision ${toRevision})`;
  const client = await ctx.factory.client();
  try {
    await client.json({
      method: 'PATCH',
      path: resourcePath(info.mapping, info.namespace, info.name),
      query: dryRun === 'server' ? { dryRun: 'All' } : {},
      body: goJsonMarshal(target.data ?? {}),
      contentType: 'application/strategic-merge-patch+json',
    });
  } catch (e) {
    throw new KubectlError(`failed restoring revision ${toRevision}: ${(e as Error).message}`);
  }
  return 'rolled back';
}

// ------------------------------------------------------------------ pause / resume / restart

type Mutator = (obj: Json) => string | undefined; // returns an error text, or mutates

function rfc3339Local(ms: number): string {
  const d = new Date(ms);
  const off = -d.getTimezoneOffset();
  const p = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, '0');
  const local = new Date(ms + off * 60_000);
  const base = `${local.getUTCFullYear()}-${p(local.getUTCMonth() + 1)}-${p(local.getUTCDate())}T${p(local.getUTCHours())}:${p(local.getUTCMinutes())}:${p(local.getUTCSeconds())}`;
  return off === 0 ? `${base}Z` : `${base}${off > 0 ? '+' : '-'}${p(off / 60)}:${p(off % 60)}`;
}

async function runPatchVerb(ctx: CommandContext, verb: 'pause' | 'resume' | 'restart'): Promise<number> {
  const { infos, errors } = await infosFor(ctx);
  const out: unknown[] = [...errors];
  const client = await ctx.factory.client();
  const now = rfc3339Local(ctx.io.now());
  const mutate: Mutator = (obj) => {
    const kind = obj.kind;
    if (verb === 'pause' || verb === 'resume') {
      if (kind !== 'Deployment') return `${verb === 'pause' ? 'pausing' : 'resuming'} is not supported`;
      if (verb === 'pause' && obj.spec?.paused) return 'is already paused';
      if (verb === 'resume' && !obj.spec?.paused) return 'is not paused';
      obj.spec.paused = verb === 'pause';
      return undefined;
    }
    if (!['Deployment', 'DaemonSet', 'StatefulSet'].includes(kind)) return `restarting is not supported`;
    if (kind === 'Deployment' && obj.spec?.paused) return "can't restart paused deployment (run rollout resume first)";
    const tmeta = ((obj.spec.template ??= {}).metadata ??= {});
    tmeta.annotations = { ...(tmeta.annotations ?? {}), 'kubectl.kubernetes.io/restartedAt': now };
    return undefined;
  };
  const fieldManager = ctx.flags.has('field-manager') ? ctx.flags.string('field-manager') : 'kubectl-rollout';
  for (const info of infos) {
    const obj = JSON.parse(JSON.stringify(info.object)) as Json;
    const err = mutate(obj);
    if (err) {
      out.push(new KubectlError(`error: ${resourceGroup(info.mapping)} ${JSON.stringify(info.name)} ${err}`));
      continue;
    }
    const patch = goJsonMarshal(createTwoWayMergePatch(info.object as object, obj, await patchSchemaFor(ctx, info.mapping)));
    if (patch === '{}') {
      if (verb === 'restart') {
        out.push(new KubectlError(`failed to create patch for ${info.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`));
        continue;
      }
      const printer = await genericPrinter(ctx, { operation: `already ${verb === 'pause' ? 'paused' : 'resumed'}`, output: ctx.flags.string('output') || 'name' });
      ctx.io.stdout.write(printWith(printer, info.object!));
      continue;
    }
    let result: KubeObject;
    try {
      result = await client.json<KubeObject>({
        method: 'PATCH',
        path: resourcePath(info.mapping, info.namespace, info.name),
        query: { fieldManager },
        body: patch,
        contentType: 'application/strategic-merge-patch+json',
      });
    } catch (e) {
      out.push(new KubectlError(`failed to patch: ${(e as Error).message}`));
      continue;
    }
    const op = verb === 'pause' ? 'paused' : verb === 'resume' ? 'resumed' : 'restarted';
    const printer = await genericPrinter(ctx, { operation: ctx.flags.string('output') ? '' : op, output: ctx.flags.string('output') || 'name' });
    ctx.io.stdout.write(printWith(printer, result));
  }
  throwAll(out);
  return 0;
}

export const runRolloutPause = (ctx: CommandContext) => runPatchVerb(ctx, 'pause');
export const runRolloutResume = (ctx: CommandContext) => runPatchVerb(ctx, 'resume');
export const runRolloutRestart = (ctx: CommandContext) => runPatchVerb(ctx, 'restart');
