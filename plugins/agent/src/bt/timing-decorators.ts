import type { Timer } from '@omnimind/core';
import { DecoratorNode } from './decorator-nodes.js';
import type { TickStatus } from './node-status.js';

/**
 * `Timeout`: the child has `msec` of the tree's clock to complete. When the time is up the child
 * is halted right away (its signal aborts) and the next tick returns FAILURE.
 */
export class TimeoutNode extends DecoratorNode {
  private deadline: number | undefined;
  private timer: Timer | undefined;
  private expired = false;

  protected tick(): TickStatus {
    const clock = this.runtime.clock;
    if (this.deadline === undefined) {
      const msec = this.ports.getInput<number>('msec');
      this.deadline = clock.nowMs() + msec;
      this.expired = false;
      this.timer = clock.setTimeout(Math.max(0, msec), () => this.expire());
    } else if (this.expired || clock.nowMs() >= this.deadline) {
      return this.fail();
    }
    const status = this.child.executeTick();
    if (status !== 'RUNNING') {
      this.reset();
      this.child.halt();
      return status;
    }
    if (clock.nowMs() >= this.deadline) return this.fail();
    return 'RUNNING';
  }

  protected override onHalt(): void {
    this.reset();
    this.child.halt();
  }

  private expire(): void {
    this.timer = undefined;
    this.expired = true;
    // The child stops when its time is up, not at the next tick, as BehaviorTree.CPP's timer thread does.
    this.child.halt();
    this.runtime.wakeUp();
  }

  private fail(): TickStatus {
    this.reset();
    this.child.halt();
    return 'FAILURE';
  }

  private reset(): void {
    this.timer?.cancel();
    this.timer = undefined;
    this.deadline = undefined;
    this.expired = false;
  }
}

/**
 * `Delay`: returns RUNNING for `delay_msec` of the tree's clock from its first tick, then ticks
 * the child and returns what it returns.
 */
export class DelayNode extends DecoratorNode {
  private due: number | undefined;
  private timer: Timer | undefined;
  private elapsed = false;

  protected tick(): TickStatus {
    const clock = this.runtime.clock;
    if (this.due === undefined) {
      const msec = this.ports.getInput<number>('delay_msec');
      this.due = clock.nowMs() + msec;
      this.elapsed = false;
      this.timer = clock.setTimeout(Math.max(0, msec), () => {
        this.timer = undefined;
        this.elapsed = true;
        this.runtime.wakeUp();
      });
    }
    if (!this.elapsed && clock.nowMs() < this.due) return 'RUNNING';
    const status = this.child.executeTick();
    if (status !== 'RUNNING') {
      this.reset();
      this.child.halt();
    }
    return status;
  }

  protected override onHalt(): void {
    this.reset();
    this.child.halt();
  }

  private reset(): void {
    this.timer?.cancel();
    this.timer = undefined;
    this.due = undefined;
    this.elapsed = false;
  }
}
