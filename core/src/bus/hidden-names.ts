/**
 * True for a name with a token starting with `_` (`/robot/_internal`, `/fib/_action/status`):
 * ROS 2 hides such names from listings unless asked to include hidden ones.
 */
export function isHiddenName(name: string): boolean {
  return name.split('/').some((token) => token.startsWith('_'));
}

/** The hidden request and reply topics that carry a service over the bus. */
export function serviceTopicNames(service: string): { readonly request: string; readonly reply: string } {
  return { request: `${service}/_service/request`, reply: `${service}/_service/reply` };
}

/** The hidden services and topics that make up an action, named as in ROS 2. */
export function actionEndpointNames(action: string): {
  readonly sendGoal: string;
  readonly cancelGoal: string;
  readonly getResult: string;
  readonly feedback: string;
  readonly status: string;
} {
  const base = `${action}/_action`;
  return {
    sendGoal: `${base}/send_goal`,
    cancelGoal: `${base}/cancel_goal`,
    getResult: `${base}/get_result`,
    feedback: `${base}/feedback`,
    status: `${base}/status`,
  };
}
