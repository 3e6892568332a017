import { TestHttpClient } from '@tiergate/testing';
import type { SimStats } from '../../src/simulator';

/**
 * A test's client of a simulator's control routes (`/_sim/*`, see the README's "The upstream
 * simulator"): faults for calls that come through the gateway, revoked keys, counters, and any
 * other control route through `get`/`post`/`put`/`delete` (`post('/_sim/batches/config', {...})`).
 */
export class SimulatorControl extends TestHttpClient {
  /** `baseUrl`: the simulator's base URL, with or without its `/v1`. */
  constructor(baseUrl: string) {
    super(baseUrl.replace(/\/v1$/, ''));
  }

  /** Makes the simulator refuse a key from now on, as a provider does with a revoked key. */
  async revokeKey(key: string): Promise<void> {
    await this.post('/_sim/keys/revoke', { key });
  }

  /** Arms a fault for calls that come through the gateway. */
  async fault(fault: Record<string, unknown>): Promise<void> {
    const armed = await this.post('/_sim/faults', fault);
    if (armed.status !== 201) throw new Error(`could not arm fault: ${armed.text}`);
  }

  async clearFaults(): Promise<void> {
    await this.delete('/_sim/faults');
  }

  /** Clears faults, counters and revoked keys. */
  async reset(): Promise<void> {
    await this.post('/_sim/reset', undefined);
  }

  async stats(): Promise<SimStats> {
    return (await this.get<SimStats>('/_sim/stats')).body;
  }
}
