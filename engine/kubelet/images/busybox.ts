// Shell images: busybox, alpine, centos, ubuntu, debian. Their default command is a shell that,
// without a terminal, exits at once (status 0) — so `kubectl run bb --image=busybox` ends up in
// CrashLoopBackOff, as on a real cluster. A `sh` or `sleep` running as PID 1 ignores SIGTERM, so
// such pods take their whole grace period to stop.
import type { ContainerContext, ImageFacts } from './image';
import { Image } from './image';
import { runCommand } from './mini-shell';
import { VERSION_TAG } from './server-image';
import { alpineUserland, busyboxUserland, rhelUserland, ubuntuUserland, type Userland } from './userland';

export class ShellImage extends Image {
  constructor(
    readonly family: string,
    readonly facts: ImageFacts,
    private readonly shell: string[],
    private readonly base: (tag: string) => Userland,
    private readonly memoryBytes = 512 * 1024,
  ) {
    super();
  }

  override userland(tag: string): Userland {
    return this.base(tag);
  }

  entrypoint(): string[] {
    return [];
  }

  cmd(): string[] {
    return this.shell;
  }

  async exec(ctx: ContainerContext, argv: string[]): Promise<number> {
    if (ctx.pid1) {
      ctx.useMemory(this.memoryBytes);
      ctx.onSignal(() => undefined); // PID 1 without a handler: SIGTERM is ignored
    }
    return runCommand(ctx, argv);
  }
}

export const busyboxImage = new ShellImage(
  'busybox',
  { repositories: ['docker.io/library/busybox'], tags: VERSION_TAG, sizeBytes: () => 4277910 },
  ['sh'],
  busyboxUserland,
);

export const alpineImage = new ShellImage(
  'alpine',
  { repositories: ['docker.io/library/alpine'], tags: VERSION_TAG, sizeBytes: () => 3653068 },
  ['/bin/sh'],
  (tag) => alpineUserland({ version: /^3\.\d+\.\d+$/.test(tag) ? tag : /^3\.\d+$/.test(tag) ? `${tag}.0` : undefined }),
);

export const centosImage = new ShellImage(
  'centos',
  { repositories: ['docker.io/library/centos', 'quay.io/centos/centos'], tags: /^(latest|centos\d+(\.\d+)*|\d+(\.\d+)*|stream\d+)$/, sizeBytes: () => 79650550 },
  ['/bin/bash'],
  () => rhelUserland('centos'),
);

export const ubuntuImage = new ShellImage(
  'ubuntu',
  { repositories: ['docker.io/library/ubuntu', 'docker.io/library/debian'], tags: VERSION_TAG, sizeBytes: () => 29754290 },
  ['/bin/bash'],
  () => ubuntuUserland(),
);
