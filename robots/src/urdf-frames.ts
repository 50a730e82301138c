import { readFileSync } from 'node:fs';
import { UserInputError, didYouMean, parseLocatedXml, type SourceLocation, type XmlElement } from '@omnimind/core';
import type { FrameDescription } from './robot-description.js';
import { RobotErrorCode } from './robot-errors.js';
import { ROOT_FRAME, describeCycle, orderFrameTree } from './frame-tree.js';

/** URDF joint types this loader reads. Moving joints are frozen at position zero for frames. */
export const URDF_JOINT_TYPES = ['fixed', 'continuous', 'revolute', 'prismatic'] as const;

/** One of {@link URDF_JOINT_TYPES}. */
export type UrdfJointType = (typeof URDF_JOINT_TYPES)[number];

/** A joint of a URDF, as far as frames are concerned. */
export interface UrdfJoint {
  readonly name: string;
  readonly type: UrdfJointType;
  readonly parent: string;
  readonly child: string;
  /** Where the joint's `<joint>` tag starts. */
  readonly location: SourceLocation;
}

/** The part of a URDF this loader reads: links, joints and the frames they make. */
export interface UrdfModel {
  /** The `name` of the `<robot>` element (empty when absent). */
  readonly name: string;
  readonly links: readonly string[];
  readonly joints: readonly UrdfJoint[];
  /** `base_link` first (parent `''`), then every other link, parents before children. */
  readonly frames: readonly FrameDescription[];
}

/** URDF types that exist but that a fixed frame tree cannot represent. */
const UNSUPPORTED_TYPES = ['floating', 'planar'];

const shapeError = (message: string, location: SourceLocation): UserInputError =>
  new UserInputError(RobotErrorCode.UrdfShape, message, location);
const treeError = (message: string, location: SourceLocation): UserInputError =>
  new UserInputError(RobotErrorCode.UrdfTree, message, location);

function requiredAttribute(element: XmlElement, name: string): string {
  const attribute = element.attributes.get(name);
  if (attribute === undefined || attribute.value.trim() === '')
    throw shapeError(`<${element.name}> needs a non-empty '${name}' attribute`, element.location);
  return attribute.value.trim();
}

function onlyChild(element: XmlElement, name: string, required: boolean): XmlElement | undefined {
  const found = element.children.filter((child) => child.name === name);
  if (found.length > 1)
    throw shapeError(
      `<${element.name}> has ${found.length} <${name}> elements; expected one`,
      (found[1] as XmlElement).location,
    );
  if (required && found.length === 0) throw shapeError(`<${element.name}> needs a <${name}> element`, element.location);
  return found[0];
}

function vector(element: XmlElement | undefined, name: string): [number, number, number] {
  const attribute = element?.attributes.get(name);
  if (!attribute) return [0, 0, 0];
  const parts = attribute.value.trim().split(/\s+/);
  const numbers = parts.map(Number);
  if (parts.length !== 3 || numbers.some((n) => !Number.isFinite(n)))
    throw shapeError(
      `'${name}' must be three numbers separated by spaces, got '${attribute.value}'`,
      attribute.location,
    );
  return numbers as [number, number, number];
}

function jointType(element: XmlElement): UrdfJointType {
  const type = requiredAttribute(element, 'type');
  if ((URDF_JOINT_TYPES as readonly string[]).includes(type)) return type as UrdfJointType;
  const where = element.attributes.get('type')?.location ?? element.location;
  if (UNSUPPORTED_TYPES.includes(type))
    throw shapeError(`joint type '${type}' is not supported (supported: ${URDF_JOINT_TYPES.join(', ')})`, where);
  const suggestion = didYouMean(type, [...URDF_JOINT_TYPES]);
  throw shapeError(
    `unknown joint type '${type}'${suggestion ? `; did you mean '${suggestion}'?` : ''} (supported: ${URDF_JOINT_TYPES.join(', ')})`,
    where,
  );
}

interface FrameWithPlace extends FrameDescription {
  readonly joint: UrdfJoint;
}

/**
 * Parses URDF text (the subset in docs/reference/robot-format.md): `<link name>` and
 * `<joint name type>` with `<parent link>`, `<child link>` and `<origin xyz rpy>`; everything else
 * (visuals, collisions, inertia, limits, Gazebo tags) is ignored. Revolute and prismatic joints
 * count as fixed at position zero. The links must form one tree rooted at `base_link`.
 * Errors are `UserInputError`s at `file:line:col`.
 */
export function parseUrdf(text: string, file: string): UrdfModel {
  const root = parseLocatedXml(
    text,
    file,
    (message, location) => new UserInputError(RobotErrorCode.UrdfXml, message, location),
  );
  if (root.name !== 'robot') throw shapeError(`the root element must be <robot>, not <${root.name}>`, root.location);

  const links = new Map<string, XmlElement>();
  for (const element of root.children.filter((child) => child.name === 'link')) {
    const name = requiredAttribute(element, 'name');
    if (links.has(name)) throw treeError(`link '${name}' is defined twice`, element.location);
    links.set(name, element);
  }

  const joints: UrdfJoint[] = [];
  const frames: FrameWithPlace[] = [];
  const parentJoint = new Map<string, UrdfJoint>();
  for (const element of root.children.filter((child) => child.name === 'joint')) {
    const name = requiredAttribute(element, 'name');
    if (joints.some((joint) => joint.name === name))
      throw treeError(`joint '${name}' is defined twice`, element.location);
    const type = jointType(element);
    const ends = (['parent', 'child'] as const).map((end) => {
      const endElement = onlyChild(element, end, true) as XmlElement;
      const link = requiredAttribute(endElement, 'link');
      if (!links.has(link)) {
        const suggestion = didYouMean(link, [...links.keys()]);
        throw treeError(
          `joint '${name}' names ${end} link '${link}', which is not defined${suggestion ? `; did you mean '${suggestion}'?` : ''}`,
          endElement.attributes.get('link')?.location ?? endElement.location,
        );
      }
      return link;
    }) as [string, string];
    const joint: UrdfJoint = { name, type, parent: ends[0], child: ends[1], location: element.location };
    const earlier = parentJoint.get(joint.child);
    if (earlier)
      throw treeError(
        `link '${joint.child}' has two parents: joint '${earlier.name}' (line ${earlier.location.line}) and joint '${name}'`,
        element.location,
      );
    parentJoint.set(joint.child, joint);
    joints.push(joint);
    const origin = onlyChild(element, 'origin', false);
    frames.push({
      name: joint.child,
      parent: joint.parent,
      xyz: vector(origin, 'xyz'),
      rpy: vector(origin, 'rpy'),
      joint,
    });
  }

  if (!links.has(ROOT_FRAME))
    throw treeError(`the URDF has no link named '${ROOT_FRAME}', the root of every robot (REP-105)`, root.location);
  const rootJoint = parentJoint.get(ROOT_FRAME);
  if (rootJoint)
    throw treeError(
      `'${ROOT_FRAME}' must be the root link, but joint '${rootJoint.name}' makes it a child of '${rootJoint.parent}'`,
      rootJoint.location,
    );
  for (const [name, element] of links) {
    if (name !== ROOT_FRAME && !parentJoint.has(name))
      throw treeError(`link '${name}' is not connected to '${ROOT_FRAME}': no joint has it as child`, element.location);
  }

  const ordered = orderFrameTree(ROOT_FRAME, frames);
  if (!ordered.ok) {
    // Links are unique, each has one parent joint and every joint's links exist: only a cycle is left.
    const problem = ordered.problem;
    const cycle = problem.kind === 'cycle' ? describeCycle(problem.cycle) : (frames[problem.index]?.name ?? '');
    throw treeError(
      `links form a cycle (child -> parent): ${cycle}`,
      (frames[problem.index] as FrameWithPlace).joint.location,
    );
  }
  return {
    name: root.attributes.get('name')?.value ?? '',
    links: [...links.keys()],
    joints,
    frames: [
      { name: ROOT_FRAME, parent: '', xyz: [0, 0, 0], rpy: [0, 0, 0] },
      ...ordered.frames.map(({ name, parent, xyz, rpy }) => ({ name, parent, xyz, rpy })),
    ],
  };
}

/** Reads a URDF file; a missing file raises `OMNI_ERR_URDF_FILE_NOT_FOUND` (at `from` when given). */
export function loadUrdf(file: string, from?: SourceLocation): UrdfModel {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserInputError(
      RobotErrorCode.UrdfFileNotFound,
      `cannot read URDF '${file}': ${(error as Error).message}`,
      from,
      { cause: error },
    );
  }
  return parseUrdf(text, file);
}

/** The frames of a URDF text: `base_link` first (parent `''`), then each link under its parent. */
export function parseUrdfFrames(text: string, file: string): FrameDescription[] {
  return [...parseUrdf(text, file).frames];
}

/**
 * The frames of a URDF file: `base_link` first (parent `''`), then each link under its parent.
 *
 * @example
 * const frames = loadUrdfFrames('robots/diffbot/diffbot.urdf');
 * frames.find((f) => f.name === 'base_scan'); // { parent: 'base_link', xyz: [-0.032, 0, 0.17], ... }
 */
export function loadUrdfFrames(file: string): FrameDescription[] {
  return [...loadUrdf(file).frames];
}
