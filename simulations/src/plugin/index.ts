export { simulator, loadRobots, type SimulatorState } from './simulator-plugin.js';
export { simulatorParams, type SimulatorParams } from './simulator-params.js';
export { SimPacer, type PacedStepper } from './sim-pacer.js';
export { SensorSchedule } from './sensor-schedule.js';
export { RobotInterfaces, mapToOdom, type RobotInterfaceOptions } from './robot-interfaces.js';
export * from './ros-messages.js';
export { objectStatesMessage } from './object-states.js';
export { serveTestHooks, setBatteryCharge } from './sim-test-services.js';
