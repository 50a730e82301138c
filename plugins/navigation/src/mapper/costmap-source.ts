import { createToken, type Token } from '@omnimind/core';
import type { Costmap } from '../grid/grid-types.js';

/**
 * The live costmap of a mapper, shared with plugins in the same process (a navigator resolves it
 * instead of decoding the `costmap` topic). The costmap is updated in place; compare
 * {@link CostmapSource.revision} to notice changes.
 *
 * @example
 * ```ts
 * definePlugin({ name: 'navigator', dependsOn: ['costmap'], configure(ctx) {
 *   const source = ctx.container.resolve(COSTMAP_SOURCE);
 *   const costmap = source.current(); // undefined until the first map
 * } });
 * ```
 */
export interface CostmapSource {
  /** The costmap now, or undefined before the first map arrived (known-pose mapping before its first scan). */
  current(): Costmap | undefined;
  /** Increases each time the costmap's content changes; 0 before the first costmap. */
  revision(): number;
}

/** Capability name a plugin lists in `provides` / `dependsOn` for {@link COSTMAP_SOURCE}. */
export const COSTMAP_CAPABILITY = 'costmap';

/** DI token of the {@link CostmapSource} that the `mapper` plugin provides. */
export const COSTMAP_SOURCE: Token<CostmapSource> = createToken<CostmapSource>(COSTMAP_CAPABILITY);
