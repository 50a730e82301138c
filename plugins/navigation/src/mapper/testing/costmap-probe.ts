import { definePlugin } from '@omnimind/core';
import { COSTMAP_CAPABILITY, COSTMAP_SOURCE, type CostmapSource } from '../costmap-source.js';

/** The costmap sources the probe resolved, newest last (tests read them). */
export const resolvedSources: CostmapSource[] = [];

/** A plugin that depends on the costmap capability and resolves the source, as a navigator does. */
export const costmapProbe = definePlugin({
  name: 'costmap-probe',
  version: '0.1.0',
  coreRange: '^0.1.0',
  dependsOn: [COSTMAP_CAPABILITY],
  configure(ctx) {
    const source = ctx.container.resolve(COSTMAP_SOURCE);
    resolvedSources.push(source);
    return { source };
  },
});
