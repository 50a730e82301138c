/**
 * @omnimind/plugin-agent: behavior trees (BehaviorTree.CPP v4 XML), goal-oriented action
 * planning (GOAP), goals and energy management for embodied agents.
 */
export * from './bt/index.js';
export * from './goap/index.js';
export * from './goals/index.js';
export * from './energy/index.js';
export * from './skills/index.js';
export * from './executor/index.js';
