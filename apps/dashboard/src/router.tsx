import { createRootRouteWithContext, createRoute, createRouter, redirect } from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { onUnauthenticated } from '@/api/client';
import { sessionKeys, sessionQuery } from '@/auth/session';
import { AdminLayout } from '@/components/layout/admin-layout';
import { AppLayout } from '@/components/layout/app-layout';
import { NotFoundPage, RootErrorPage } from '@/components/layout/status-pages';
import { queryClient } from './query-client';
import { AuditPage, auditSearchSchema } from './routes/admin/audit';
import { FlagsPage } from './routes/admin/flags';
import { AdminKeysPage } from './routes/admin/keys';
import { ModelsAdminPage, modelsSearchSchema } from './routes/admin/models';
import { OverviewPage } from './routes/admin/overview';
import { PricesPage } from './routes/admin/prices';
import { QuotasAdminPage, quotasSearchSchema } from './routes/admin/quotas';
import { RequestLogPage, requestLogSearchSchema } from './routes/admin/requests';
import { UsageAdminPage, usageSearchSchema } from './routes/admin/usage';
import { UserDetailPage } from './routes/admin/user-detail';
import { UsersPage, usersSearchSchema } from './routes/admin/users';
import { AccountPage } from './routes/app/account';
import { MyKeysPage } from './routes/app/keys';
import { MyModelsPage, myModelsSearchSchema } from './routes/app/models';
import { PlaygroundPage } from './routes/app/playground';
import { MyQuotaPage, myQuotaSearchSchema } from './routes/app/quota';
import { MyUsagePage, myUsageSearchSchema } from './routes/app/usage';
import { SignInPage, signInSearchSchema } from './routes/sign-in';
import { RootLayout } from './components/layout/root-layout';

export interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: RootLayout,
  notFoundComponent: NotFoundPage,
  errorComponent: RootErrorPage,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: signInSearchSchema,
  component: SignInPage,
});

/** Every page behind sign-in: no session sends the browser to sign-in, remembering the page. */
const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'signed-in',
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (!session) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
    return { session };
  },
  component: AppLayout,
});

const homeRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    throw redirect({ to: context.session.user.role === 'admin' ? '/admin' : '/app/playground' });
  },
});

/** Admin pages: a user who is not an admin sees a refusal, never the page or its data. */
const adminRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/admin',
  component: AdminLayout,
});
const adminPage = <P extends string>(path: P, component: () => React.ReactNode) =>
  createRoute({ getParentRoute: () => adminRoute, path, component });

const overviewRoute = adminPage('/', OverviewPage);
const adminKeysRoute = adminPage('/keys', AdminKeysPage);
const flagsRoute = adminPage('/flags', FlagsPage);
const usersRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/users',
  validateSearch: usersSearchSchema,
  component: UsersPage,
});
const userDetailRoute = adminPage('/users/$userId', UserDetailPage);
const quotasRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/quotas',
  validateSearch: quotasSearchSchema,
  component: QuotasAdminPage,
});
const modelsAdminRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/models',
  validateSearch: modelsSearchSchema,
  component: ModelsAdminPage,
});
const pricesRoute = adminPage('/prices', PricesPage);
const usageAdminRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/usage',
  validateSearch: usageSearchSchema,
  component: UsageAdminPage,
});
const requestLogRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/requests',
  validateSearch: requestLogSearchSchema,
  component: RequestLogPage,
});
const auditRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/audit',
  validateSearch: auditSearchSchema,
  component: AuditPage,
});

const appRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/app' });
const appPage = <P extends string>(path: P, component: () => React.ReactNode) =>
  createRoute({ getParentRoute: () => appRoute, path, component });

const appIndexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/app/playground' });
  },
});
const playgroundRoute = appPage('/playground', PlaygroundPage);
const myQuotaRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/quota',
  validateSearch: myQuotaSearchSchema,
  component: MyQuotaPage,
});
const myKeysRoute = appPage('/keys', MyKeysPage);
const myUsageRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/usage',
  validateSearch: myUsageSearchSchema,
  component: MyUsagePage,
});
const myModelsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/models',
  validateSearch: myModelsSearchSchema,
  component: MyModelsPage,
});
const accountRoute = appPage('/account', AccountPage);

const routeTree = rootRoute.addChildren([
  signInRoute,
  signedInRoute.addChildren([
    homeRoute,
    adminRoute.addChildren([
      overviewRoute,
      adminKeysRoute,
      flagsRoute,
      usersRoute,
      userDetailRoute,
      quotasRoute,
      modelsAdminRoute,
      pricesRoute,
      usageAdminRoute,
      requestLogRoute,
      auditRoute,
    ]),
    appRoute.addChildren([
      appIndexRoute,
      playgroundRoute,
      myQuotaRoute,
      myKeysRoute,
      myUsageRoute,
      myModelsRoute,
      accountRoute,
    ]),
  ]),
]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: 'intent',
  defaultPreloadStaleTime: 0,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

// An ended session (expired, signed out elsewhere, password changed) returns to sign-in, remembering the page.
onUnauthenticated(() => {
  queryClient.setQueryData(sessionKeys.current, null);
  const { pathname, href } = router.state.location;
  if (pathname !== '/sign-in') void router.navigate({ to: '/sign-in', search: { redirect: href } });
});
