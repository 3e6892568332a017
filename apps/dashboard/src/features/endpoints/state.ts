import type { MantineColor } from '@mantine/core';
import type { Endpoint, EndpointState } from './types';

/** States an endpoint moves out of by itself: the list is read again while one is in them. */
export const TRANSITIONAL_STATES: ReadonlySet<EndpointState> = new Set(['PENDING', 'STARTING', 'STOPPING']);
export const isTransitional = (state: EndpointState): boolean => TRANSITIONAL_STATES.has(state);

export const STATE_COLORS: Record<EndpointState, MantineColor> = {
  PENDING: 'gray',
  STARTING: 'blue',
  STARTED: 'green',
  STOPPING: 'yellow',
  STOPPED: 'dark',
  ERROR: 'red',
};

export const STATE_LABELS: Record<EndpointState, string> = {
  PENDING: 'Pending',
  STARTING: 'Starting',
  STARTED: 'Started',
  STOPPING: 'Stopping',
  STOPPED: 'Stopped',
  ERROR: 'Error',
};

/** How often the list is read again while an endpoint is changing state. */
export const ENDPOINT_POLL_MS = 3_000;

export const pollWhileTransitional = (endpoints: readonly Endpoint[] | undefined): number | false =>
  endpoints?.some((endpoint) => isTransitional(endpoint.state)) ? ENDPOINT_POLL_MS : false;

/** The state an admin can move the endpoint to from here: stop a running one, start a stopped or failed one. */
export function nextState(state: EndpointState): 'STARTED' | 'STOPPED' | null {
  if (state === 'STARTED') return 'STOPPED';
  if (state === 'STOPPED' || state === 'ERROR') return 'STARTED';
  return null;
}
