// tsyringe needs the Reflect metadata API at import time, even when only explicit tokens are used.
import 'reflect-metadata';
import { container } from 'tsyringe';

/**
 * Creates the composition root's container for one running system: a child of tsyringe's global
 * container, so that nothing a system registers leaks into another system in the same process.
 */
export function createRootContainer() {
  return container.createChildContainer();
}
