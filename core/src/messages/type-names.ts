/** The three kinds of ROS 2 interface definition: `.msg`, `.srv` and `.action`. */
export type InterfaceKind = 'msg' | 'srv' | 'action';

/** A type name split into its parts; `kind` is absent for the short `pkg/Type` form. */
export interface TypeNameParts {
  readonly pkg: string;
  readonly kind: InterfaceKind | undefined;
  readonly name: string;
}

const PACKAGE_PATTERN = /^[a-z][a-z0-9_]*$/;
// Derived names (`Fibonacci_Goal`, `AddTwoInts_Request`) carry underscores.
const NAME_PATTERN = /^[A-Z][A-Za-z0-9_]*$/;
// What a user may name a new interface, as rosidl enforces it.
const BASE_NAME_PATTERN = /^[A-Z][A-Za-z0-9]*$/;

/** True for the three interface kinds. */
export function isInterfaceKind(value: string): value is InterfaceKind {
  return value === 'msg' || value === 'srv' || value === 'action';
}

/**
 * Splits `pkg/kind/Type` or `pkg/Type`; undefined when the text is not a valid ROS 2 type name.
 *
 * @example parseTypeName('geometry_msgs/msg/Twist') // { pkg: 'geometry_msgs', kind: 'msg', name: 'Twist' }
 */
export function parseTypeName(text: string): TypeNameParts | undefined {
  const parts = text.split('/');
  if (parts.length === 2) {
    const [pkg, name] = parts as [string, string];
    return PACKAGE_PATTERN.test(pkg) && NAME_PATTERN.test(name) ? { pkg, kind: undefined, name } : undefined;
  }
  if (parts.length === 3) {
    const [pkg, kind, name] = parts as [string, string, string];
    return PACKAGE_PATTERN.test(pkg) && isInterfaceKind(kind) && NAME_PATTERN.test(name)
      ? { pkg, kind, name }
      : undefined;
  }
  return undefined;
}

/** True when `name` is acceptable as the name of a new interface (`PascalCase`, no underscores). */
export function isValidInterfaceName(name: string): boolean {
  return BASE_NAME_PATTERN.test(name);
}

/** True when `pkg` is a valid ROS 2 package name. */
export function isValidPackageName(pkg: string): boolean {
  return PACKAGE_PATTERN.test(pkg);
}

/** Builds the canonical ROS 2 form `pkg/kind/Type`. */
export function canonicalTypeName(pkg: string, kind: InterfaceKind, name: string): string {
  return `${pkg}/${kind}/${name}`;
}

/** The short `pkg/Type` form used in `.msg` text and in `MSG:` schema separators. */
export function shortTypeName(typeName: string): string {
  const parts = typeName.split('/');
  return parts.length === 3 ? `${parts[0]}/${parts[2]}` : typeName;
}

/**
 * Qualifies a type reference found in a definition of package `ownPackage`, the way rosidl reads it:
 * `Type` is a message of the same package, `pkg/Type` a message of `pkg`, `pkg/kind/Type` is kept.
 */
export function qualifyReference(reference: string, ownPackage: string): string {
  const parts = reference.split('/');
  if (parts.length === 1) return canonicalTypeName(ownPackage, 'msg', reference);
  if (parts.length === 2) return canonicalTypeName(parts[0] ?? '', 'msg', parts[1] ?? '');
  return reference;
}
