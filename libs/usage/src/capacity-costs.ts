/** One dedicated endpoint's billed running time in a report's range. */
export interface EndpointRunningCost {
  id: string;
  name: string;
  running_minutes: number;
  cost_usd: number;
}

/** What the platform paid for capacity that is billed by time, not by request. */
export interface CapacityCost {
  running_minutes: number;
  cost_usd: number;
  endpoints: EndpointRunningCost[];
}

/**
 * The cost reports' source for capacity billed by the minute (dedicated endpoints): it belongs to
 * no user, tier or feature, so it is added to reports filtered by dates and model only. Implemented
 * by libs/dedicated; a process without dedicated endpoints reports none.
 */
export abstract class CapacityCosts {
  /** Running time and cost over whole UTC days [from, to]; `model` narrows to endpoints of that name. */
  abstract between(from: string, to: string, model?: string): Promise<CapacityCost>;
}
