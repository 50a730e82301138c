import { isAbsolute, resolve } from 'node:path';
import { definePlugin, timeToMs, type Counter, type PluginContext, type Topic, type nav_msgs } from '@omnimind/core';
import { InflatedCostmap } from '../costmap/inflated-costmap.js';
import { loadMap } from '../map-io/load-map.js';
import { MappingError } from '../mapping/mapping-errors.js';
import { OccupancyGridMap } from '../mapping/occupancy-grid-map.js';
import { COSTMAP_CAPABILITY, COSTMAP_SOURCE } from './costmap-source.js';
import { costmapToOccupancyGrid } from './costmap-to-occupancy.js';
import { checkMapperParams, costmapParamsOf, gridParamsOf, mapperParams, type MapperParams } from './mapper-params.js';
import { PoseBuffer, mountedPose, poseFromMessage } from './pose-buffer.js';

/** Per-instance state of a mapper node. */
export interface MapperState {
  readonly mapTopic: Topic<nav_msgs.OccupancyGrid>;
  readonly costmapTopic: Topic<nav_msgs.OccupancyGrid>;
  /** The grid being built (known-pose mapping), undefined in static mode. */
  readonly map: OccupancyGridMap | undefined;
  /** The loaded map (static mode). */
  readonly staticGrid: nav_msgs.OccupancyGrid | undefined;
  costmap: InflatedCostmap | undefined;
  readonly poses: PoseBuffer;
  /** Map revision last published (-1: none yet). */
  publishedRevision: number;
  readonly scans: { readonly integrated: Counter; readonly skipped: Counter };
}

/** A map file parameter resolved against the folder of the launch file that set it. */
function mapFilePath(params: MapperParams, baseDir: string): string {
  return isAbsolute(params.map_file) ? params.map_file : resolve(baseDir, params.map_file);
}

/**
 * Publishes a map and its inflated costmap, built either from laser scans taken at known poses
 * (`slam_known_pose`: the simulator's ground truth, or a localiser's pose in the map frame) or
 * from a map_server map file (`static`). Both go out latched on the relative topics `map` and
 * `costmap`, so a launch namespace puts them next to the robot's other topics; the costmap is also
 * offered in process under {@link COSTMAP_SOURCE}.
 *
 * @example
 * ```yaml
 * - node: { pkg: '@omnimind/plugin-navigation', plugin: mapper, name: mapper, namespace: robot1,
 *           param: [{ name: origin, value: [-3.5, -3.5] }, { name: size_m, value: [7, 7] }] }
 * ```
 */
export const mapper = definePlugin({
  name: 'mapper',
  version: '0.1.0',
  coreRange: '^0.1.0',
  description: 'Occupancy grid and inflated costmap from scans at known poses, or from a map file.',
  params: mapperParams,
  provides: [COSTMAP_CAPABILITY],
  validate(params, node) {
    checkMapperParams(params, node.name);
    // Loading here makes a broken map file stop the launch before anything starts.
    if (params.mode !== 'static') return;
    const file = mapFilePath(params, node.baseDir);
    loadMap(file);
  },
  configure(ctx): MapperState {
    const params = ctx.params.values;
    const mapTopic = ctx.bus.topic('map', 'nav_msgs/msg/OccupancyGrid', { qos: 'latched' });
    const costmapTopic = ctx.bus.topic('costmap', 'nav_msgs/msg/OccupancyGrid', { qos: 'latched' });
    mapTopic.advertise();
    costmapTopic.advertise();
    const costmapParams = costmapParamsOf(params);
    let map: OccupancyGridMap | undefined;
    let staticGrid: nav_msgs.OccupancyGrid | undefined;
    let costmap: InflatedCostmap | undefined;
    if (params.mode === 'static') {
      staticGrid = loadMap(mapFilePath(params, ctx.baseDir), {
        frameId: params.frame_id,
        stamp: ctx.clock.now(),
      }).grid;
      costmap = new InflatedCostmap(staticGrid, costmapParams);
    } else {
      map = new OccupancyGridMap(gridParamsOf(params));
    }
    const state: MapperState = {
      mapTopic,
      costmapTopic,
      map,
      staticGrid,
      costmap,
      poses: new PoseBuffer(64, params.pose_tolerance_s * 1000),
      publishedRevision: -1,
      scans: {
        integrated: ctx.metrics.counter({
          name: 'omnimind_mapper_scans_integrated_total',
          help: 'Laser scans integrated into the map.',
        }),
        skipped: ctx.metrics.counter({
          name: 'omnimind_mapper_scans_skipped_total',
          help: 'Laser scans skipped: no pose near their stamp, or unusable geometry.',
          labelNames: ['reason'],
        }),
      },
    };
    ctx.provide(COSTMAP_SOURCE, {
      current: () => state.costmap,
      revision: () => state.costmap?.revision ?? 0,
    });
    return state;
  },
  activate(ctx, state) {
    const params = ctx.params.values;
    if (state.staticGrid) {
      publishStatic(ctx, state, state.staticGrid);
      return;
    }
    const map = state.map;
    if (!map) return;
    const poseTopic = ctx.bus.topic(params.pose_topic, 'nav_msgs/msg/Odometry');
    ctx.subscribe(poseTopic.observe(), (event) => {
      const odometry = event.message;
      state.poses.add(timeToMs(odometry.header.stamp), poseFromMessage(odometry.pose.pose));
    });
    const scanTopic = ctx.bus.topic(params.scan_topic, 'sensor_msgs/msg/LaserScan', { qos: 'sensor_data' });
    ctx.subscribe(scanTopic.observe(), (event) => {
      const scan = event.message;
      const robot = state.poses.at(timeToMs(scan.header.stamp));
      if (!robot) {
        state.scans.skipped.inc({ reason: 'no_pose' });
        return;
      }
      try {
        map.integrateScan(
          {
            ranges: scan.ranges,
            angleMin: scan.angle_min,
            angleIncrement: scan.angle_increment,
            rangeMin: scan.range_min,
            rangeMax: scan.range_max,
          },
          mountedPose(robot, params.sensor_offset),
        );
        state.scans.integrated.inc();
      } catch (error) {
        // One bad scan from a driver should cost that scan, not the map built so far.
        if (!(error instanceof MappingError)) throw error;
        state.scans.skipped.inc({ reason: 'invalid_scan' });
        ctx.logger.warn({ err: error }, 'scan skipped');
      }
    });
    ctx.createTimer(params.publish_period_s * 1000, () => publishIfChanged(ctx, state, map));
  },
  cleanup(_ctx, state) {
    state.costmap = undefined;
    state.poses.clear();
  },
});

function publishStatic(ctx: PluginContext<MapperParams>, state: MapperState, grid: nav_msgs.OccupancyGrid): void {
  state.mapTopic.publish(grid);
  if (state.costmap) {
    state.costmapTopic.publish(
      costmapToOccupancyGrid(state.costmap, { stamp: ctx.clock.now(), frameId: ctx.params.values.frame_id }),
    );
  }
}

function publishIfChanged(ctx: PluginContext<MapperParams>, state: MapperState, map: OccupancyGridMap): void {
  const revision = map.revision;
  if (revision === state.publishedRevision || revision === 0) return;
  state.publishedRevision = revision;
  const params = ctx.params.values;
  const stamp = ctx.clock.now();
  const grid = map.toOccupancyGrid({ stamp, frameId: params.frame_id });
  state.mapTopic.publish(grid);
  if (state.costmap) state.costmap.updateMap(grid, revision);
  else state.costmap = new InflatedCostmap(grid, costmapParamsOf(params), revision);
  state.costmapTopic.publish(costmapToOccupancyGrid(state.costmap, { stamp, frameId: params.frame_id }));
}
