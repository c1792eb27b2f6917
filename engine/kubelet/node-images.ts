// The images present on one node and its image pulls. Pulls are serialised per node, as the
// kubelet's default serializeImagePulls does, so a second pull waits for the first ("in 1.2s
// (3.4s including waiting)"). Durations grow with the image size.
// Upstream: pkg/kubelet/images/image_manager.go, puller.go (serialImagePuller)
import type { ResolvedImage } from './images/catalog';

export interface PullTiming {
  /** When the pull finishes (cluster ms). */
  doneAt: number;
  /** The pull itself. */
  pullMs: number;
  /** From the request to the end, including the wait for earlier pulls. */
  totalMs: number;
}

export class NodeImages {
  private readonly present = new Set<string>();
  private busyUntil = 0;
  private readonly inflight = new Map<string, PullTiming>();

  constructor(
    readonly nodeName: string,
    preloaded: string[] = [],
    private readonly random: () => number = Math.random,
  ) {
    for (const p of preloaded) this.present.add(p);
  }

  /** Whether the image (by its fully qualified name) is on the node. */
  has(fullName: string): boolean {
    return this.present.has(fullName);
  }

  add(fullName: string): void {
    this.present.add(fullName);
    this.inflight.delete(fullName);
  }

  list(): string[] {
    return [...this.present].sort();
  }

  /**
   * Books a pull. New images queue on the node's serial puller; a pull of an image already being
   * pulled joins it; a cached image (policy Always) only resolves the manifest, which is quick.
   */
  schedulePull(now: number, img: ResolvedImage | undefined): PullTiming {
    if (img && this.present.has(img.ref.full)) {
      const pullMs = 350 + Math.round(this.random() * 500);
      return { doneAt: now + pullMs, pullMs, totalMs: pullMs };
    }
    const inflight = img ? this.inflight.get(img.ref.full) : undefined;
    if (inflight && inflight.doneAt > now) return { doneAt: inflight.doneAt, pullMs: inflight.pullMs, totalMs: inflight.doneAt - now };
    const start = Math.max(now, this.busyUntil);
    const pullMs = img ? Math.min(3000, 900 + Math.round(img.sizeBytes / 45_000)) + Math.round(this.random() * 300) : 400 + Math.round(this.random() * 900);
    this.busyUntil = start + pullMs;
    const timing = { doneAt: start + pullMs, pullMs, totalMs: start + pullMs - now };
    if (img) this.inflight.set(img.ref.full, timing);
    return timing;
  }
}
