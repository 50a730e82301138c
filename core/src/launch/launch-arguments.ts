import { LaunchErrorCode, LaunchFileError } from './launch-errors.js';

/** What a launch argument name may look like: a letter or `_`, then letters, digits, `_`, `-` or `.`. */
export const LAUNCH_ARGUMENT_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * Parses `name:=value` launch arguments from the command line
 * (`omnimind launch robot.launch.yaml use_sim:=true robot:=r2`). The value is everything after the
 * first `:=` and may be empty; a name given twice keeps its last value. Throws
 * {@link LaunchFileError} (`OMNI_ERR_LAUNCH_ARGUMENT_SYNTAX`) for anything else.
 *
 * @example parseLaunchArguments(['use_sim:=true', 'robot:=r2']) // { use_sim: 'true', robot: 'r2' }
 */
export function parseLaunchArguments(argv: readonly string[]): Record<string, string> {
  const values = new Map<string, string>();
  for (const item of argv) {
    const at = item.indexOf(':=');
    if (at < 0) {
      throw new LaunchFileError(
        LaunchErrorCode.ArgumentSyntax,
        `malformed launch argument '${item}': expected name:=value (for example use_sim:=true)`,
        undefined,
        { details: { argument: item } },
      );
    }
    const name = item.slice(0, at);
    if (!LAUNCH_ARGUMENT_NAME.test(name)) {
      throw new LaunchFileError(
        LaunchErrorCode.ArgumentSyntax,
        `malformed launch argument '${item}': expected name:=value, where the name '${name}' starts with a ` +
          `letter or '_' and holds only letters, digits, '_', '-' and '.'`,
        undefined,
        { details: { argument: item } },
      );
    }
    values.set(name, item.slice(at + 2));
  }
  return Object.fromEntries(values);
}
