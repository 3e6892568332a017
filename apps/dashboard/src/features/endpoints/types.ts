import type { components } from '@/api/schema';

/** The admin endpoints api's shapes (`/api/v1/admin/hardware`, `/api/v1/admin/endpoints`). */
export type Endpoint = components['schemas']['EndpointDto'];
export type EndpointState = Endpoint['state'];
export type Hardware = components['schemas']['HardwareDto'];
export type NewEndpoint = components['schemas']['CreateEndpointDto'];
export type EndpointChanges = components['schemas']['UpdateEndpointDto'];
export type EndpointStats = components['schemas']['EndpointStatsDto'];
