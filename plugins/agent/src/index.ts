/**
 * @omnimind/plugin-agent: behavior trees (BehaviorTree.CPP v4 XML), goal-oriented action
 * planning, goals and energy management for embodied agents.
 */
export * from './bt/index.js';
