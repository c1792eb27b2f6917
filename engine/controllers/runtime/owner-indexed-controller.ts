// A controller that reads its owned objects through an OwnerIndex (the workload controllers):
// the index follows the store while the controller runs, and `stopped` tells reconciles still
// in flight not to write after stop().
import { Controller, type ControllerContext } from './controller';
import { OwnerIndex } from './owner-index';

export abstract class OwnerIndexedController extends Controller {
  protected readonly index: OwnerIndex;
  protected stopped = false;
  private stopIndex: (() => void) | undefined;

  /** indexed: the resources whose ownerReferences the index follows; trackOrphans as OwnerIndex. */
  constructor(ctx: ControllerContext, indexed: string[], trackOrphans = true) {
    super(ctx);
    this.index = new OwnerIndex(ctx.client, indexed, trackOrphans);
  }

  override start(): () => void {
    this.stopped = false;
    this.stopIndex = this.index.start();
    return super.start();
  }

  override stop(): void {
    this.stopped = true;
    super.stop();
    this.stopIndex?.();
    this.stopIndex = undefined;
  }
}
