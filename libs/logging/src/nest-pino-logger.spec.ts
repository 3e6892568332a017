import type { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Logger } from '@nestjs/common';
import pino from 'pino';
import { waitFor } from '@tiergate/testing';
import { batchedDestination, createLogger, NestPinoLogger, REDACTED_PATHS } from './nest-pino-logger';

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const logger = pino({ level: 'debug', redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, sink);
  return { lines, service: new NestPinoLogger(logger) };
}

describe('NestPinoLogger', () => {
  afterEach(() => Logger.overrideLogger(false));

  it("writes Nest's logger calls as pino lines: fields from an object, the context, the message", () => {
    const { lines, service } = capture();
    Logger.overrideLogger(service);
    const logger = new Logger('StreamRescue');
    logger.warn({ requestId: 'r-1', from: 'a', to: 'b' }, 'Stream rescued mid-answer by another model');
    logger.log('Listening on 3000');
    logger.debug('quota %s for %d users', 'settled', 3);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 40,
        context: 'StreamRescue',
        requestId: 'r-1',
        from: 'a',
        to: 'b',
        msg: 'Stream rescued mid-answer by another model',
      }),
      expect.objectContaining({ level: 30, context: 'StreamRescue', msg: 'Listening on 3000' }),
      expect.objectContaining({ level: 20, context: 'StreamRescue', msg: 'quota settled for 3 users' }),
    ]);
  });

  it('keeps errors as err (with their stack), also from the (message, stack, context) form', () => {
    const { lines, service } = capture();
    Logger.overrideLogger(service);
    new Logger('Boot').error(new Error('database unreachable'));
    service.error('Unhandled', 'Error: Unhandled\n    at main (main.js:1:1)', 'ExceptionHandler');
    expect(lines[0]).toMatchObject({ level: 50, context: 'Boot', err: { message: 'database unreachable' } });
    expect(lines[1]).toMatchObject({
      level: 50,
      context: 'ExceptionHandler',
      err: { message: 'Unhandled', stack: 'Error: Unhandled\n    at main (main.js:1:1)' },
    });
  });

  it('never writes the redacted fields', () => {
    const { lines, service } = capture();
    service.log({ user: { password: 'hunter2', apiKey: 'tg_live_secret' } }, 'signed in', 'Auth');
    expect(JSON.stringify(lines)).not.toMatch(/hunter2|tg_live_secret/);
    expect(lines[0]).toMatchObject({ user: { password: '[redacted]', apiKey: '[redacted]' } });
  });
});

describe('createLogger on a batched destination', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'tiergate-log-')), 'out.log');
  const read = () => (existsSync(file) ? readFileSync(file, 'utf8') : '');

  it('holds request lines for a batch, writes them within a second, and writes Nest lines at once', async () => {
    const logger = createLogger('info', batchedDestination(file));
    logger.info({ req: { id: 'r-1' } }, 'request completed');
    expect(read()).toBe(''); // no write of its own
    await waitFor(() => (read().includes('"r-1"') ? true : undefined), 3_000, 'the batched line');

    new NestPinoLogger(logger).warn('upstream slow', 'ModelCaller');
    await waitFor(() => (read().includes('upstream slow') ? true : undefined), 500, 'the Nest line');
    logger.flush();
  });

  it('writes out without leaving a listener behind each time (stdout held up by a slow reader)', async () => {
    const destination = batchedDestination(`${file}.2`) as unknown as EventEmitter & {
      flush(callback?: unknown): void;
    };
    const flush = jest.spyOn(destination, 'flush');
    const nest = new NestPinoLogger(createLogger('info', destination as unknown as pino.DestinationStream));
    for (let i = 0; i < 20; i++) {
      nest.warn(`line ${i}`, 'Test');
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(flush).toHaveBeenCalledTimes(20);
    expect(flush.mock.calls.every((args) => args.length === 0)).toBe(true);
    // pino's own (it filters broken pipes), and none per write.
    expect(destination.listenerCount('error')).toBeLessThanOrEqual(1);
    expect(destination.listenerCount('drain')).toBe(0);
  });
});
