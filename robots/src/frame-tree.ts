/** The name of the root frame of every robot (REP-105). */
export const ROOT_FRAME = 'base_link';

/** A frame as far as the tree is concerned: its name and its parent's name. */
export interface FrameEdge {
  readonly name: string;
  readonly parent: string;
}

/** Why a list of frames is not a tree; `index` is the offending frame's position in the input. */
export type FrameTreeProblem =
  | { readonly kind: 'duplicate'; readonly index: number; readonly firstIndex: number }
  | { readonly kind: 'root-redefined'; readonly index: number }
  | { readonly kind: 'unknown-parent'; readonly index: number }
  | { readonly kind: 'cycle'; readonly index: number; readonly cycle: readonly string[] };

/** The frames in tree order (parents before children, siblings in input order), or why they are no tree. */
export type FrameTreeResult<F> =
  { readonly ok: true; readonly frames: readonly F[] } | { readonly ok: false; readonly problem: FrameTreeProblem };

/**
 * Checks that `frames` (every frame but the root, each naming its parent) form one tree under
 * `root`, and orders them breadth-first from the root. The first problem found is returned, in
 * this order: a name given twice, the root given a parent, a parent that is no frame, a cycle.
 */
export function orderFrameTree<F extends FrameEdge>(root: string, frames: readonly F[]): FrameTreeResult<F> {
  const indexByName = new Map<string, number>();
  for (const [index, frame] of frames.entries()) {
    if (frame.name === root) return { ok: false, problem: { kind: 'root-redefined', index } };
    const firstIndex = indexByName.get(frame.name);
    if (firstIndex !== undefined) return { ok: false, problem: { kind: 'duplicate', index, firstIndex } };
    indexByName.set(frame.name, index);
  }
  for (const [index, frame] of frames.entries()) {
    if (frame.parent !== root && !indexByName.has(frame.parent))
      return { ok: false, problem: { kind: 'unknown-parent', index } };
  }

  const children = new Map<string, F[]>();
  for (const frame of frames) children.set(frame.parent, [...(children.get(frame.parent) ?? []), frame]);
  const ordered: F[] = [];
  const queue = [root];
  for (let head = 0; head < queue.length; head++) {
    for (const child of children.get(queue[head] as string) ?? []) {
      ordered.push(child);
      queue.push(child.name);
    }
  }
  if (ordered.length === frames.length) return { ok: true, frames: ordered };

  // Every parent exists and each frame has one parent, so a frame the walk missed leads, through
  // its ancestors, into a cycle.
  const reached = new Set(queue);
  const stray = frames.findIndex((frame) => !reached.has(frame.name));
  const path: string[] = [];
  let name = (frames[stray] as F).name;
  while (!path.includes(name)) {
    path.push(name);
    name = (frames[indexByName.get(name) as number] as F).parent;
  }
  const cycle = path.slice(path.indexOf(name));
  const index = Math.min(...cycle.map((member) => indexByName.get(member) as number));
  const start = cycle.indexOf((frames[index] as F).name);
  const rotated = [...cycle.slice(start), ...cycle.slice(0, start)];
  return { ok: false, problem: { kind: 'cycle', index, cycle: rotated } };
}

/** `a -> b -> c -> a`: a cycle as a message shows it, starting and ending with its first member. */
export function describeCycle(cycle: readonly string[]): string {
  return [...cycle, cycle[0] ?? ''].join(' -> ');
}
