import { createToken, type Token } from '@omnimind/core';
import type { Controller } from '../control/controller.js';
import type { GlobalPlanner } from '../planning/global-planner.js';
import type { NavigatorParams } from './navigator-params.js';

/** Makes a planner for one navigator (called once per goal, so state may live in the planner). */
export type PlannerFactory = (params: NavigatorParams) => GlobalPlanner;
/** Makes a controller for one navigator (called once per goal). */
export type ControllerFactory = (params: NavigatorParams) => Controller;

/** Capability name of planner `name`, for a plugin's `provides`: `navigation.planner.<name>`. */
export function plannerCapability(name: string): string {
  return `navigation.planner.${name}`;
}

/** Capability name of controller `name`, for a plugin's `provides`: `navigation.controller.<name>`. */
export function controllerCapability(name: string): string {
  return `navigation.controller.${name}`;
}

/**
 * DI token under which a plugin offers planner `name` to navigators; a navigator whose `planner`
 * parameter is `name` resolves it when a goal arrives.
 *
 * @example
 * ```ts
 * export const straightLine = definePlugin({
 *   name: 'straight_line_planner', version: '1.0.0', coreRange: '^0.1.0',
 *   provides: [plannerCapability('straight_line')],
 *   configure(ctx) { ctx.provide(plannerToken('straight_line'), () => new StraightLinePlanner()); },
 * });
 * ```
 */
export function plannerToken(name: string): Token<PlannerFactory> {
  return createToken<PlannerFactory>(plannerCapability(name));
}

/** DI token under which a plugin offers controller `name` to navigators (see {@link plannerToken}). */
export function controllerToken(name: string): Token<ControllerFactory> {
  return createToken<ControllerFactory>(controllerCapability(name));
}
