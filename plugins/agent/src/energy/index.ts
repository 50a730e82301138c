export * from './battery-params.js';
export * from './energy-model.js';
export * from './plan-energy.js';
export * from './energy-errors.js';
export * from './energy-policy.js';
