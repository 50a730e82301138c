import { SchemaFileError, type DataPath, type LocatedYaml, type PlacedProblem } from '@omnimind/core';
import { RobotErrorCode } from './robot-errors.js';
import type { RobotYaml } from './robot-yaml-schema.js';

/** Angles of a `robot.yaml`, all in radians, whichever way the file wrote them. */
export interface ResolvedAngles {
  readonly lidar: { readonly angleMin: number; readonly angleMax: number } | undefined;
  readonly cameraFov: number | undefined;
  /** The `rpy` of each entry of `frames`, in order. */
  readonly frameRpy: readonly (readonly [number, number, number])[];
}

const DEG = Math.PI / 180;
/** Slack for a full turn written in degrees or as a rounded 6.2832. */
const FULL_TURN = 2 * Math.PI + 1e-6;

class ProblemList {
  readonly items: PlacedProblem[] = [];
  constructor(private readonly source: LocatedYaml) {}

  atValue(path: DataPath, message: string): void {
    this.items.push({ location: this.source.locate(path), path: dotted(path), message });
  }

  atKey(path: DataPath, key: string, message: string): void {
    this.items.push({ location: this.source.locateKey(path, key), path: dotted([...path, key]), message });
  }
}

function dotted(path: DataPath): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
    .join('')
    .replace(/^\./, '');
}

/** Reads `key` (radians) or `key_deg` (degrees) of the mapping at `path`; exactly one must be there unless optional. */
function angle<T>(problems: ProblemList, path: DataPath, values: object, key: string, optional = false): T | undefined {
  const radians = (values as Record<string, T | undefined>)[key];
  const degrees = (values as Record<string, T | undefined>)[`${key}_deg`];
  if (radians !== undefined && degrees !== undefined) {
    problems.atKey(path, `${key}_deg`, `give '${key}' (radians) or '${key}_deg' (degrees), not both`);
    return undefined;
  }
  if (radians === undefined && degrees === undefined && !optional)
    problems.atValue(path, `required: '${key}' (radians) or '${key}_deg' (degrees)`);
  return radians ?? degrees;
}

const toRadians = (value: number, inDegrees: boolean): number => (inDegrees ? value * DEG : value);

/**
 * Checks what the schema cannot see in a `robot.yaml` (angle pairs, value orders, `frames` and
 * `urdf` together) and converts every angle to radians. All problems are raised together as a
 * `SchemaFileError` with code `OMNI_ERR_ROBOT_VALUE`, each at its `file:line:col`.
 */
export function checkRobotValues(robot: RobotYaml, source: LocatedYaml): ResolvedAngles {
  const problems = new ProblemList(source);
  if (robot.frames !== undefined && robot.urdf !== undefined)
    problems.atKey([], 'urdf', "give 'frames' or 'urdf', not both");

  let lidar: ResolvedAngles['lidar'];
  const scan = robot.sensors.lidar;
  if (scan) {
    const path = ['sensors', 'lidar'];
    const min = angle<number>(problems, path, scan, 'angle_min');
    const max = angle<number>(problems, path, scan, 'angle_max');
    if (min !== undefined && max !== undefined) {
      lidar = {
        angleMin: toRadians(min, scan.angle_min === undefined),
        angleMax: toRadians(max, scan.angle_max === undefined),
      };
      const maxKey = scan.angle_max === undefined ? 'angle_max_deg' : 'angle_max';
      if (lidar.angleMax <= lidar.angleMin)
        problems.atValue([...path, maxKey], 'the lidar must sweep counter-clockwise: angle_max must exceed angle_min');
      else if (lidar.angleMax - lidar.angleMin > FULL_TURN)
        problems.atValue([...path, maxKey], 'angle_max - angle_min must be at most one full turn (360°)');
    }
    if (scan.range_max <= scan.range_min)
      problems.atValue([...path, 'range_max'], `range_max must exceed range_min (${scan.range_min} m)`);
  }

  let cameraFov: number | undefined;
  const camera = robot.sensors.camera;
  if (camera) {
    const path = ['sensors', 'camera'];
    const fov = angle<number>(problems, path, camera, 'horizontal_fov');
    if (fov !== undefined) {
      cameraFov = toRadians(fov, camera.horizontal_fov === undefined);
      const key = camera.horizontal_fov === undefined ? 'horizontal_fov_deg' : 'horizontal_fov';
      if (!(cameraFov > 0 && cameraFov < Math.PI))
        problems.atValue([...path, key], 'a pinhole camera needs a horizontal field of view between 0 and 180°');
    }
  }

  const frameRpy = (robot.frames ?? []).map((frame, index) => {
    const rpy = angle<readonly [number, number, number]>(problems, ['frames', index], frame, 'rpy', true);
    const inDegrees = frame.rpy === undefined;
    return rpy
      ? ([toRadians(rpy[0], inDegrees), toRadians(rpy[1], inDegrees), toRadians(rpy[2], inDegrees)] as const)
      : ([0, 0, 0] as const);
  });

  if (problems.items.length > 0) {
    problems.items.sort((a, b) => a.location.line - b.location.line || a.location.col - b.location.col);
    throw new SchemaFileError(RobotErrorCode.Value, problems.items);
  }
  return { lidar, cameraFov, frameRpy };
}
