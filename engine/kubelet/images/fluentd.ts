// fluentd, the log collector the DaemonSet examples run on every node (the official image, the
// fluent org's builds and the Kubernetes docs' fluentd-elasticsearch image): listens on the
// forward port 24224 and logs its startup as fluentd does.
import type { ContainerContext } from './image';
import { ServerImage, VERSION_TAG } from './server-image';
import { debianUserland } from './userland';

/** `2026-11-22 06:00:27 +0000` */
function fluentTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

function startupLog(ctx: ContainerContext): string {
  const t = fluentTime(ctx.clock.now());
  return [
    'fluentd -c /fluentd/etc/fluent.conf',
    `${t} [info]: init supervisor logger path=nil rotate_age=nil rotate_size=nil`,
    `${t} [info]: parsing config file is succeeded path="/fluentd/etc/fluent.conf"`,
    `${t} [info]: gem 'fluentd' version '1.16.2'`,
    `${t} [info]: starting fluentd-1.16.2 pid=7 ruby="3.2.2"`,
    `${t} [info]: spawn command to main:  cmdline=["/usr/bin/ruby", "-Eascii-8bit:ascii-8bit", "/usr/bin/fluentd", "-c", "/fluentd/etc/fluent.conf", "--plugin", "/fluentd/plugins", "--under-supervisor"]`,
    `${t} [info]: #0 starting fluentd worker pid=16 ppid=7 worker=0`,
    `${t} [info]: #0 listening port port=24224 bind="0.0.0.0"`,
    `${t} [info]: #0 fluentd worker is now running worker=0`,
    '',
  ].join('\n');
}

export const fluentdImage = new ServerImage({
  family: 'fluentd',
  facts: {
    repositories: ['docker.io/library/fluentd', 'docker.io/fluent/fluentd', 'docker.io/fluent/fluentd-kubernetes-daemonset', 'quay.io/fluentd_elasticsearch/fluentd'],
    tags: VERSION_TAG,
    sizeBytes: () => 40262140,
  },
  entrypoint: ['tini', '--', '/bin/entrypoint.sh'],
  cmd: ['fluentd'],
  serverPrograms: ['tini', 'entrypoint.sh', 'fluentd'],
  ports: [{ port: 24224 }],
  userland: () => debianUserland({ workdir: '/home/fluent', extra: { fluentd: '/usr/local/bin/fluentd', tini: '/usr/bin/tini', 'entrypoint.sh': '/bin/entrypoint.sh' } }),
  startupMs: 300,
  stopMs: 200,
  memoryBytes: 60 * 1024 * 1024,
  startupLog,
});
