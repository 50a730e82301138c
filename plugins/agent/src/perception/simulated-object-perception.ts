import { Subject, type Observable, type Subscription } from 'rxjs';
import { UserInputError, type Bus, type nav_msgs, type omnimind_msgs } from '@omnimind/core';
import { PoseWatch } from '../skills/pose-watch.js';
import {
  cameraPose,
  inFieldOfView,
  lineOfSightClear,
  type CameraModel,
  type OcclusionModel,
} from './camera-visibility.js';
import type { ObjectPerception, ObjectSighting } from './object-perception.js';

/** Configuration of {@link SimulatedObjectPerception}; topic names are relative to the robot's namespace. */
export interface SimulatedObjectPerceptionOptions {
  /** `omnimind_msgs/msg/ObjectStateArray` ground truth of the objects (default `/sim/objects`). */
  readonly objectsTopic?: string;
  /** `nav_msgs/msg/Odometry` pose of the robot in the map frame (default `ground_truth`). */
  readonly poseTopic?: string;
  /** Latched `nav_msgs/msg/OccupancyGrid` used for occlusion (default `map`). */
  readonly mapTopic?: string;
  /** Horizontal field of view of the camera, in radians (default 62°, the mobile manipulator's). */
  readonly fieldOfView?: number;
  /** Farthest visible distance from the camera, in metres (default 4). */
  readonly range?: number;
  /** Camera position ahead of the robot's base, in metres (default 0.07). */
  readonly cameraOffset?: number;
  /** Map cell value from which a cell blocks the view (default 65). */
  readonly occupiedThreshold?: number;
  /** Length of the line of sight just before the object that is not checked for occlusion, in metres (default 0.25). */
  readonly objectClearance?: number;
}

type Settings = Required<SimulatedObjectPerceptionOptions>;

const DEFAULTS: Settings = {
  objectsTopic: '/sim/objects',
  poseTopic: 'ground_truth',
  mapTopic: 'map',
  fieldOfView: (62 * Math.PI) / 180,
  range: 4,
  cameraOffset: 0.07,
  occupiedThreshold: 65,
  objectClearance: 0.25,
};

function checkOptions(settings: Settings): void {
  const checks: [keyof Settings, boolean, string][] = [
    ['fieldOfView', settings.fieldOfView > 0 && settings.fieldOfView <= 2 * Math.PI, 'an angle in (0, 2π] radians'],
    ['range', settings.range > 0 && Number.isFinite(settings.range), 'a finite distance > 0 m'],
    ['cameraOffset', Number.isFinite(settings.cameraOffset), 'a finite distance in metres'],
    ['occupiedThreshold', settings.occupiedThreshold >= 0 && settings.occupiedThreshold <= 100, 'a value in 0..100'],
    [
      'objectClearance',
      settings.objectClearance >= 0 && Number.isFinite(settings.objectClearance),
      'a finite distance >= 0 m',
    ],
  ];
  for (const [name, ok, expected] of checks) {
    if (!ok) {
      throw new UserInputError(
        'OMNI_ERR_PARAM_INVALID',
        `SimulatedObjectPerception option '${name}': expected ${expected}, got ${String(settings[name])}`,
      );
    }
  }
}

/**
 * A stand-in for an object detector until a trained one exists: it reads the simulator's **ground
 * truth** of the movable objects (`/sim/objects`) and keeps those the robot's camera could see. An
 * object is visible when its centre is within the camera's range and horizontal field of view,
 * from the robot's pose (`ground_truth`) with the camera `cameraOffset` ahead of the base, and the
 * straight line from the camera to it crosses no occupied cell of the latest `map` (cells outside
 * the map or unknown do not block; the last `objectClearance` metres, the object's own cells, are
 * not checked). Nothing else of a real camera is modelled: no partial views, size, lighting,
 * misdetections or pose noise. Objects held by a robot are reported with `heldBy` set. Before a map
 * arrives nothing occludes; before a pose arrives nothing is seen.
 *
 * @example
 * ```ts
 * const perception = new SimulatedObjectPerception(bus.forNode({ name: 'agent', namespace: '/arm' }), { range: 3 });
 * perception.sightings$.subscribe((seen) => console.log(seen.map((s) => `${s.color} ${s.label}`)));
 * // later
 * perception.close();
 * ```
 */
export class SimulatedObjectPerception implements ObjectPerception {
  private readonly settings: Settings;
  private readonly camera: CameraModel;
  private readonly occlusion: OcclusionModel;
  private readonly poseWatch: PoseWatch;
  private readonly subscriptions: Subscription[] = [];
  private readonly subject = new Subject<readonly ObjectSighting[]>();
  private latestMap: nav_msgs.OccupancyGrid | undefined;
  private latest: readonly ObjectSighting[] = [];

  /** Throws `UserInputError` (`OMNI_ERR_PARAM_INVALID`) for an option out of range. */
  constructor(bus: Bus, options: SimulatedObjectPerceptionOptions = {}) {
    this.settings = { ...DEFAULTS, ...options };
    checkOptions(this.settings);
    const { fieldOfView, range, cameraOffset, occupiedThreshold, objectClearance } = this.settings;
    this.camera = { fieldOfView, range, forwardOffset: cameraOffset };
    this.occlusion = { occupiedThreshold, objectClearance };
    this.poseWatch = new PoseWatch(bus, this.settings.poseTopic);
    this.subscriptions.push(
      bus
        .topic(this.settings.mapTopic, 'nav_msgs/msg/OccupancyGrid', { qos: 'latched' })
        .observe()
        .subscribe((event) => void (this.latestMap = event.message)),
      bus
        .topic(this.settings.objectsTopic, 'omnimind_msgs/msg/ObjectStateArray')
        .observe()
        .subscribe((event) => this.observeObjects(event.message)),
    );
  }

  sightings(): readonly ObjectSighting[] {
    return this.latest;
  }

  get sightings$(): Observable<readonly ObjectSighting[]> {
    return this.subject.asObservable();
  }

  close(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    this.poseWatch.close();
    this.subject.complete();
  }

  private observeObjects(message: omnimind_msgs.ObjectStateArray): void {
    const robot = this.poseWatch.pose;
    if (!robot) return;
    const camera = cameraPose(robot, this.camera);
    const map = this.latestMap;
    const seen: ObjectSighting[] = [];
    for (const object of message.objects) {
      if (!inFieldOfView(camera, object.pose, this.camera)) continue;
      if (map && !lineOfSightClear(map, camera, object.pose, this.occlusion)) continue;
      seen.push({
        id: object.id,
        label: object.label,
        color: object.color,
        pose: { x: object.pose.x, y: object.pose.y, theta: object.pose.theta },
        stamp: message.header.stamp,
        heldBy: object.held_by === '' ? undefined : object.held_by,
        distance: Math.hypot(object.pose.x - camera.x, object.pose.y - camera.y),
      });
    }
    this.latest = seen;
    this.subject.next(seen);
  }
}
