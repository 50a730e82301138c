export { heartbeat, heartbeatParams } from './heartbeat.js';
export { monitor, monitorParams } from './monitor.js';
