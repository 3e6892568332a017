import { Logger } from '@nestjs/common';
import type { UpstreamKeyResolver } from '@tiergate/key-manager';
import type { Admission, QuotaService, RedisFailureMode } from '@tiergate/quota';
import type { UsageLedger } from '@tiergate/usage';
import type { AnswerSource, GatewayRequestBase } from './gateway.types';
import { UsageMeter } from './usage-meter';

const PRIMARY = { providerId: 'together_ai', model: 'primary/model' };
const SOURCE = { providerId: 'together_ai', servedModel: 'primary/model' } as AnswerSource;
const REQUEST: GatewayRequestBase = {
  caller: { id: 'u1', email: 'u1@example.com', role: 'user', tier: 'enterprise', via: 'api_key' },
  requestId: 'req-1',
};
const DEMAND = { promptTokens: 12, maxTokens: 100, stream: false };
const ADMISSION = { maxTokens: 64, headers: { 'x-ratelimit-remaining': '9' } } as unknown as Admission;
const USAGE = { promptTokens: 12, completionTokens: 5, totalTokens: 17 };

/** A reservation Redis has not answered yet: `land` or `lose` it. */
function pendingAdmission() {
  let land!: (admission: Admission) => void;
  let lose!: (error: Error) => void;
  const admission = new Promise<Admission>((resolve, reject) => ((land = resolve), (lose = reject)));
  return { admission, land, lose };
}

function setup(plan: { refusable: boolean; failureMode: RedisFailureMode }, admission: Promise<Admission>) {
  const quota = {
    plan: jest.fn((demand) => ({ demand, limits: {}, checked: {}, ...plan })),
    admit: jest.fn(() => admission),
    settle: jest.fn(async () => undefined),
    refund: jest.fn(async () => undefined),
  };
  const ledger = { record: jest.fn(async () => 0.000123) };
  const keys = { usesOwnKey: jest.fn(async () => false) };
  const meter = new UsageMeter(
    quota as unknown as QuotaService,
    keys as unknown as UpstreamKeyResolver,
    ledger as unknown as UsageLedger,
  );
  const admit = () => meter.admit(REQUEST, 'chat', PRIMARY, DEMAND, Date.now());
  return { quota, ledger, admit };
}

/** Whether a promise has settled by the time every queued step has run. */
async function settledYet(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

describe('UsageMeter.admit', () => {
  it('a limit that can refuse: the ticket comes with the reservation, granting what it capped', async () => {
    const { admission, land } = pendingAdmission();
    const { admit } = setup({ refusable: true, failureMode: 'open' }, admission);
    const reservation = await admit();
    expect(reservation.callBeside).toBe(false);
    expect(await settledYet(reservation.ticket)).toBe(false);
    land(ADMISSION);
    const ticket = await reservation.ticket;
    expect(ticket.maxTokens).toBe(64);
    expect(ticket.rateLimit).toEqual({ 'x-ratelimit-remaining': '9' });
  });

  it('only a store failure can refuse (a tier that fails closed): the call goes beside, the ticket waits', async () => {
    const { admission, land } = pendingAdmission();
    const { admit } = setup({ refusable: false, failureMode: 'closed' }, admission);
    const reservation = await admit();
    expect(reservation.callBeside).toBe(true);
    expect(await settledYet(reservation.ticket)).toBe(false);
    land(ADMISSION);
    expect((await reservation.ticket).maxTokens).toBe(64);
  });

  describe('nothing can refuse (a tier that fails open, no limit)', () => {
    it('hands the ticket over at once, settles the quota once the reservation is in', async () => {
      const { admission, land } = pendingAdmission();
      const { admit, quota, ledger } = setup({ refusable: false, failureMode: 'open' }, admission);
      const reservation = await admit();
      expect(reservation.callBeside).toBe(false);
      expect(await settledYet(reservation.ticket)).toBe(true);
      const ticket = await reservation.ticket;
      expect(ticket.maxTokens).toBe(100); // the caller's own
      expect(ticket.rateLimit).toEqual({});

      // Answered and recorded before Redis has answered the reservation.
      expect(await ticket.settle(USAGE, SOURCE)).toBe(0.000123);
      expect(ledger.record).toHaveBeenCalledWith(expect.objectContaining({ usage: USAGE, source: SOURCE }));
      expect(quota.settle).not.toHaveBeenCalled();

      land(ADMISSION);
      await admission;
      await new Promise((resolve) => setImmediate(resolve));
      expect(quota.settle).toHaveBeenCalledTimes(1);
      expect(quota.settle).toHaveBeenCalledWith(ADMISSION, { tokens: 17, audioSeconds: undefined });
    });

    it('a failed call waits for the reservation and gives it back', async () => {
      const { admission, land } = pendingAdmission();
      const { admit, quota, ledger } = setup({ refusable: false, failureMode: 'open' }, admission);
      const ticket = await (await admit()).ticket;
      const failure = new Error('every model failed');
      const failing = ticket.fail(failure);
      expect(await settledYet(failing)).toBe(false);
      land(ADMISSION);
      await failing;
      expect(quota.refund).toHaveBeenCalledWith(ADMISSION);
      expect(ledger.record).toHaveBeenCalledWith(expect.objectContaining({ error: failure }));
    });

    it('a reservation that could not be made leaves the answer and its ledger row alone, and is logged', async () => {
      const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      const { admission, lose } = pendingAdmission();
      const { admit, quota, ledger } = setup({ refusable: false, failureMode: 'open' }, admission);
      const ticket = await (await admit()).ticket;
      lose(new Error('store unreachable'));
      await new Promise((resolve) => setImmediate(resolve));
      expect(await ticket.settle(USAGE, SOURCE)).toBe(0.000123);
      await new Promise((resolve) => setImmediate(resolve));
      expect(quota.settle).not.toHaveBeenCalled();
      expect(ledger.record).toHaveBeenCalledTimes(1);
      expect(logged).toHaveBeenCalledWith(expect.stringContaining('could not count request req-1'));
      logged.mockRestore();
    });
  });
});
