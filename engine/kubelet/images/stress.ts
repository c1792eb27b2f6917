// polinux/stress (the resource-limits walkthrough): `stress --vm 1 --vm-bytes 250M` allocates
// that much memory, so a lower memory limit gets the container OOMKilled.
import type { ContainerContext } from './image';
import { Image, serveUntilStopped } from './image';
import { runCommand } from './mini-shell';
import { quantityValue } from '../../controllers/scheduler/resources';
import { alpineUserland, type Userland } from './userland';

export class StressImage extends Image {
  readonly family = 'stress';
  readonly facts = { repositories: ['docker.io/polinux/stress', 'docker.io/progrium/stress', 'docker.io/vish/stress'], tags: /^(latest|\d+(\.\d+)*)$/, sizeBytes: () => 4041495 };

  entrypoint(): string[] {
    return [];
  }

  cmd(): string[] {
    return ['stress'];
  }

  override userland(): Userland {
    return alpineUserland({ extra: { stress: '/usr/local/bin/stress' } });
  }

  async exec(ctx: ContainerContext, argv: string[]): Promise<number> {
    if (!argv[0]?.endsWith('stress')) return runCommand(ctx, argv);
    const i = argv.findIndex((a) => a === '--vm-bytes' || a === '-mem-total');
    if (i >= 0) {
      const raw = argv[i + 1] ?? '256M';
      const v = quantityValue(raw.replace(/([KMG])$/i, (u) => `${u.toUpperCase()}i`));
      ctx.useMemory(Number.isFinite(v) ? v : 256 * 1024 * 1024);
    }
    ctx.stdout('stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd\n');
    return serveUntilStopped(ctx, { graceMs: 0, exitCode: 143 });
  }
}

export const stressImage = new StressImage();
