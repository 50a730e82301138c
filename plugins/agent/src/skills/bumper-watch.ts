import type { Subscription } from 'rxjs';
import type { Bus } from '@omnimind/core';

/** Follows a robot's latched bumper topic (`omnimind_msgs/msg/BumperEvent`) and keeps what it touches. */
export class BumperWatch {
  private contacts: readonly string[] = [];
  private readonly subscription: Subscription;

  constructor(bus: Bus, topic: string) {
    this.subscription = bus
      .topic(topic, 'omnimind_msgs/msg/BumperEvent', { qos: 'latched' })
      .observe()
      .subscribe((event) => void (this.contacts = event.message.pressed ? event.message.contacts : []));
  }

  /** The first thing touched now that is not in `allowed`, or undefined. */
  unexpectedContact(allowed: readonly string[]): string | undefined {
    return this.contacts.find((id) => !allowed.includes(id));
  }

  /** Stops following the topic. */
  close(): void {
    this.subscription.unsubscribe();
  }
}
