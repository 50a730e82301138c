export { heartbeat, heartbeatParams, type HeartbeatState } from './heartbeat.js';
export { monitor, monitorParams, type MonitorState } from './monitor.js';
