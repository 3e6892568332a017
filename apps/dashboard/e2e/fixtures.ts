import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page, type ViewportSize } from 'playwright-core';
import { ADMIN, TestApi } from '../../api/test/support/test-api';

/**
 * The dashboard's browser end-to-end harness: the real api (PostgreSQL, Redis, the simulator as
 * upstream, see apps/api/test/support/test-api.ts) serving the BUILT dashboard, driven by Debian's
 * Chromium through playwright-core. One browser per test file:
 *
 *   let dash: Dashboard;
 *   beforeAll(async () => (dash = await startDashboard()));
 *   afterAll(() => dash?.close());
 *
 * Waits are Playwright's own (locator.waitFor, page.waitForURL, page.waitForResponse), never sleeps.
 */

jest.setTimeout(60_000);

const ROOT = resolve(__dirname, '..', '..', '..');
export const DASHBOARD_DIR = join(ROOT, 'dist', 'dashboard');
export const ARTIFACTS_DIR = join(ROOT, 'test-artifacts');
/** Debian's Chromium by default; CHROMIUM_PATH points elsewhere (GitHub's runners have Google Chrome). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DESKTOP: ViewportSize = { width: 1280, height: 800 };
export const PHONE: ViewportSize = { width: 390, height: 844 };
export { ADMIN, TestApi };

export interface Credentials {
  email: string;
  password: string;
}

export interface Dashboard {
  /** The api (its database in `api.db`, the simulator in `api.sim`, `api.user()`, `api.startWorker()`). */
  api: TestApi;
  browser: Browser;
  /** The api's origin, e.g. http://127.0.0.1:41234 (pages get it as baseURL: `page.goto('/admin')`). */
  url: string;
  /** The bootstrap admin's email and password. */
  admin: Credentials;
  /** A page in a new browser context (its own cookies), its API requests counted. */
  newPage(viewport?: ViewportSize): Promise<Page>;
  /** Signs in on /sign-in (going there first unless already on it); resolves once the app has left sign-in. */
  signIn(page: Page, email: string, password: string): Promise<void>;
  /**
   * newPage + open `path` signed out + sign in: resolves on `path` (the sign-in redirect brings it
   * back; the page may add default search parameters).
   */
  signedInPage(credentials: Credentials, path?: string, viewport?: ViewportSize): Promise<Page>;
  /** Closes every context, the browser and the api (database, Redis keys, simulator). */
  close(): Promise<void>;
}

/** Boots the api on a fresh database (env overrides its configuration) and launches Chromium. */
export async function startDashboard(env: Record<string, string> = {}): Promise<Dashboard> {
  if (!existsSync(join(DASHBOARD_DIR, 'index.html')))
    throw new Error(
      `The dashboard is not built (${DASHBOARD_DIR}/index.html): run \`npm run build:dashboard\``,
    );
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium is missing at ${CHROMIUM}: apt-get install -y chromium (.ci/run does it)`);
  // A copy of the build: another `npm run build:dashboard` meanwhile (which empties dist/dashboard)
  // cannot pull the pages from under a running test.
  const served = mkdtempSync(join(tmpdir(), 'tiergate-dashboard-'));
  cpSync(DASHBOARD_DIR, served, { recursive: true });
  let api: TestApi;
  let browser: Browser;
  try {
    api = await TestApi.start({ DASHBOARD_DIR: served, ...env });
  } catch (error) {
    rmSync(served, { recursive: true, force: true });
    throw error;
  }
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-background-networking'],
    });
  } catch (error) {
    await api.close();
    rmSync(served, { recursive: true, force: true });
    throw error;
  }
  const contexts = new Set<BrowserContext>();

  const newPage = async (viewport: ViewportSize = DESKTOP): Promise<Page> => {
    // Reduced motion, as a user can ask for it: the dashboard's modals and notifications then appear
    // and disappear at once, so no check can catch one half-transparent mid-fade.
    const context = await browser.newContext({
      baseURL: api.url,
      viewport,
      acceptDownloads: true,
      reducedMotion: 'reduce',
    });
    contexts.add(context);
    context.on('close', () => contexts.delete(context));
    const page = await context.newPage();
    trackRequests(page, api.url);
    trackPageErrors(page);
    return page;
  };

  const signIn = async (page: Page, email: string, password: string): Promise<void> => {
    if (page.url() === 'about:blank' || new URL(page.url()).pathname !== '/sign-in')
      await page.goto('/sign-in');
    const form = page.getByRole('main');
    await withPageErrors(page, form.getByLabel('Email').fill(email));
    await form.getByRole('textbox', { name: 'Password' }).fill(password);
    const answer = page.waitForResponse(
      (response) => response.url().endsWith('/api/v1/auth/session') && response.request().method() === 'POST',
    );
    await form.getByRole('button', { name: 'Sign in' }).click();
    const response = await answer;
    if (response.status() !== 200)
      throw new Error(`sign-in as ${email} failed: ${response.status()} ${await response.text()}`);
    await page.waitForURL((url) => url.pathname !== '/sign-in');
  };

  const signedInPage = async (
    credentials: Credentials,
    path = '/',
    viewport?: ViewportSize,
  ): Promise<Page> => {
    const page = await newPage(viewport);
    await page.goto(`/sign-in?redirect=${encodeURIComponent(path)}`);
    await signIn(page, credentials.email, credentials.password);
    if (path !== '/') await page.waitForURL((url) => sameLocation(url, path));
    return page;
  };

  const close = async (): Promise<void> => {
    await Promise.allSettled([...contexts].map((context) => context.close()));
    await browser.close().catch(() => undefined);
    await api.close();
    rmSync(served, { recursive: true, force: true });
  };

  return { api, browser, url: api.url, admin: { ...ADMIN }, newPage, signIn, signedInPage, close };
}

/**
 * Whether the browser is at `path`: the same pathname, and every search parameter `path` names
 * (pages add their defaults, e.g. `?page=1&page_size=25`).
 */
export function sameLocation(url: URL, path: string): boolean {
  const target = new URL(path, url);
  return (
    url.pathname === target.pathname &&
    [...target.searchParams].every(([name, value]) => url.searchParams.get(name) === value)
  );
}

// ---------------------------------------------------------------------------------------------
// Errors the page's scripts threw (a blank page is easier to understand with them).

const pageErrorLogs = new WeakMap<Page, string[]>();

/** Records the page's uncaught errors and console errors (newPage does this). */
export function trackPageErrors(page: Page): void {
  if (pageErrorLogs.has(page)) return;
  const errors: string[] = [];
  pageErrorLogs.set(page, errors);
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
}

/** The page's uncaught errors and console errors so far (a failed request's console line included). */
export function pageErrors(page: Page): string[] {
  return [...(pageErrorLogs.get(page) ?? [])];
}

let failureShots = 0;

/**
 * Awaits `step`; when it fails, the message gets the page's URL, its script errors and a screenshot
 * of what it showed (test-artifacts/failures/).
 */
export async function withPageErrors<T>(page: Page, step: Promise<T>): Promise<T> {
  try {
    return await step;
  } catch (error) {
    if (!(error instanceof Error) || page.isClosed()) throw error;
    const errors = pageErrors(page).filter((line) => line.startsWith('uncaught'));
    if (errors.length) error.message += `\nThe page's scripts failed:\n  ${errors.join('\n  ')}`;
    error.message += `\nThe page was at ${page.url()}`;
    const name = `${new URL(page.url()).pathname}-${++failureShots}`;
    const shot = await capture(page, 'failures', name).catch(() => undefined);
    if (shot) error.message += `, as shown in ${shot}`;
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Request budget: how many API requests one page load makes.

interface RequestLog {
  /** Every same-origin /api/ or /v1/ request, in order ("GET /api/v1/me"). */
  all: string[];
  inFlight: number;
  /** Resolvers waiting for the network to go quiet. */
  changed: Set<() => void>;
}

const requestLogs = new WeakMap<Page, RequestLog>();

/** Counts a page's API requests to `origin` (newPage does this; call it for pages made otherwise). */
export function trackRequests(page: Page, origin: string): void {
  if (requestLogs.has(page)) return;
  const base = new URL(origin).origin;
  const isApiRequest = (url: string): boolean => {
    const target = new URL(url);
    return (
      target.origin === base && (target.pathname.startsWith('/api/') || target.pathname.startsWith('/v1/'))
    );
  };
  const log: RequestLog = { all: [], inFlight: 0, changed: new Set() };
  requestLogs.set(page, log);
  const notify = () => [...log.changed].forEach((listener) => listener());
  page.on('request', (request) => {
    if (!isApiRequest(request.url())) return;
    const url = new URL(request.url());
    log.all.push(`${request.method()} ${url.pathname}${url.search}`);
    log.inFlight++;
    notify();
  });
  const done = (request: { url: () => string }) => {
    if (!isApiRequest(request.url())) return;
    log.inFlight = Math.max(0, log.inFlight - 1);
    notify();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
}

/** The API requests a page has made so far ("GET /api/v1/admin/users?page=1"). */
export function apiRequests(page: Page): string[] {
  return [...(requestLogs.get(page)?.all ?? [])];
}

/**
 * Resolves once no API request of the page has been in flight for `quietMs` (a page load's requests
 * have all answered and nothing new started); fails after `timeoutMs`.
 */
export function waitForApiQuiet(page: Page, quietMs = 500, timeoutMs = 15_000): Promise<void> {
  const log = requestLogs.get(page);
  if (!log) throw new Error('waitForApiQuiet: the page is not tracked (use dash.newPage or trackRequests)');
  return new Promise<void>((resolvePromise, reject) => {
    let quietTimer: NodeJS.Timeout | undefined;
    const finish = (error?: Error) => {
      clearTimeout(quietTimer);
      clearTimeout(deadline);
      log.changed.delete(check);
      if (error) reject(error);
      else resolvePromise();
    };
    const check = () => {
      clearTimeout(quietTimer);
      if (log.inFlight === 0) quietTimer = setTimeout(() => finish(), quietMs);
    };
    const deadline = setTimeout(
      () =>
        finish(
          new Error(`API requests still in flight after ${timeoutMs} ms: ${log.all.slice(-5).join(', ')}`),
        ),
      timeoutMs,
    );
    log.changed.add(check);
    check();
  });
}

/**
 * Runs `action` (a page load: `() => page.goto('/admin/users')`, a click on a link…), waits until
 * the page's API requests are quiet, and fails listing the URLs when it made more than `max`.
 * Returns the requests it made.
 */
export async function expectRequestBudget(
  page: Page,
  action: () => Promise<unknown>,
  max = 6,
): Promise<string[]> {
  const log = requestLogs.get(page);
  if (!log)
    throw new Error('expectRequestBudget: the page is not tracked (use dash.newPage or trackRequests)');
  const start = log.all.length;
  await action();
  await waitForApiQuiet(page);
  const made = log.all.slice(start);
  if (made.length > max)
    throw new Error(
      `${new URL(page.url()).pathname} made ${made.length} API requests on load (budget ${max}):\n  ${made.join('\n  ')}`,
    );
  return made;
}

// ---------------------------------------------------------------------------------------------
// Accessibility and screenshots.

export interface A11yOptions {
  /** CSS selectors left out of the check (e.g. a third-party widget under review). */
  exclude?: string[];
  /** axe rule ids not run. */
  disableRules?: string[];
}

/** The few DOM members the in-page checks read (the e2e files compile without the DOM library). */
export interface BrowserGlobals {
  document: {
    getAnimations(): Array<{
      playState: string;
      effect: { getComputedTiming(): { iterations?: number } } | null;
    }>;
    querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }>;
  };
}

/**
 * Resolves once no finite CSS transition or animation runs on the page (a modal or notification
 * still fading is half-transparent, which axe measures as low contrast). A function, not a string:
 * the api's CSP forbids eval.
 */
async function stillness(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    // Runs in the page: nothing from this file's scope but types.
    (globalThis as unknown as BrowserGlobals).document
      .getAnimations()
      .every(
        (animation) =>
          animation.playState !== 'running' || animation.effect?.getComputedTiming().iterations === Infinity,
      ),
  );
}

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type AxeViolation = AxeResults['violations'][number];

const describeViolation = (violation: AxeViolation): string =>
  [
    `[${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})`,
    ...violation.nodes.slice(0, 5).map((node) => {
      const why = (node.failureSummary ?? '').split('\n').slice(1).join('; ').trim();
      return `    at ${node.target.join(' ')}: ${node.html.slice(0, 160)}${why ? `\n       ${why}` : ''}`;
    }),
    ...(violation.nodes.length > 5 ? [`    … and ${violation.nodes.length - 5} more`] : []),
  ].join('\n');

/**
 * Runs axe-core on the page as it is now; fails on any serious or critical violation with a
 * readable summary (rule, elements, why). Every violation found (any impact) is written to
 * test-artifacts/a11y/<name>.json. Returns the violations of lesser impact.
 */
export async function checkA11y(
  page: Page,
  name: string,
  options: A11yOptions = {},
): Promise<AxeViolation[]> {
  await stillness(page);
  let builder = new AxeBuilder({ page });
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);
  const results = await builder.analyze();
  const dir = join(ARTIFACTS_DIR, 'a11y');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${safeName(name)}.json`), JSON.stringify(results.violations, null, 2));
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (blocking.length)
    throw new Error(
      `Accessibility: ${blocking.length} serious or critical violation(s) on "${name}" (${page.url()}):\n` +
        blocking.map(describeViolation).join('\n'),
    );
  return results.violations;
}

const safeName = (name: string): string => name.replace(/[^a-zA-Z0-9._-]+/g, '-');

/**
 * A PNG in test-artifacts/screenshots/<name>.png, of the whole page unless `fullPage: false` (the
 * viewport only: for an open menu or modal over the page); returns its path.
 */
export function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  return capture(page, 'screenshots', name, options.fullPage ?? true);
}

async function capture(page: Page, folder: string, name: string, fullPage = true): Promise<string> {
  const dir = join(ARTIFACTS_DIR, folder);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${safeName(name)}.png`);
  await page.screenshot({ path, fullPage, animations: 'disabled' });
  return path;
}

// ---------------------------------------------------------------------------------------------
// The browser's session, for requests made from Node as that browser.

export interface BrowserSession {
  /** The httpOnly session cookie's value (tiergate_session). */
  session: string | undefined;
  /** The CSRF cookie's value (tiergate_csrf), to send as x-csrf-token. */
  csrf: string | undefined;
  /** A Cookie header carrying both, for fetch from Node. */
  cookie: string;
}

/** The page's session cookies, to replay requests from Node (`fetch(url, { headers: { cookie } })`). */
export async function browserSession(page: Page): Promise<BrowserSession> {
  const cookies = await page.context().cookies();
  const value = (name: string) => cookies.find((cookie) => cookie.name === name)?.value;
  const session = value('tiergate_session');
  const csrf = value('tiergate_csrf');
  const cookie = cookies
    .filter((c) => c.name === 'tiergate_session' || c.name === 'tiergate_csrf')
    .map((c) => `${c.name}=${c.value}`)
    .join('; ');
  return { session, csrf, cookie };
}
