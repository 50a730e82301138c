export * from './recovery-behavior.js';
export * from './recovery-errors.js';
export * from './spin.js';
export * from './back-up.js';
export * from './wait.js';
export * from './clear-costmap.js';
