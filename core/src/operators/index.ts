export { messages } from './messages.js';
export { rateLimit } from './rate-limit.js';
export { throttleByStamp, messageStamp } from './throttle-by-stamp.js';
export { latestWithin } from './latest-within.js';
