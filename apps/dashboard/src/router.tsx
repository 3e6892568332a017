import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
  type RouteComponent,
} from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { onUnauthenticated } from '@/api/client';
import { sessionKeys, sessionQuery } from '@/auth/session';
import { AdminLayout } from '@/components/layout/admin-layout';
import { AppLayout } from '@/components/layout/app-layout';
import { NotFoundPage, PageLoading, RootErrorPage } from '@/components/layout/status-pages';
import { queryClient } from './query-client';
import {
  batchesSearchSchema,
  endpointsSearchSchema,
  modelsSearchSchema,
  myModelsSearchSchema,
  myQuotaSearchSchema,
  myUsageSearchSchema,
  quotasSearchSchema,
  requestLogSearchSchema,
  usageSearchSchema,
} from './routes/search-schemas';
import { auditSearchSchema } from '@/features/audit/schema';
import { usersSearchSchema } from '@/features/users/schema';
import { SignInPage, signInSearchSchema } from './routes/sign-in';
import { RootLayout } from './components/layout/root-layout';

/** Each page's code loads when the page is first opened (or hovered: preload on intent). */
const OverviewPage = lazyRouteComponent(() => import('./routes/admin/overview'), 'OverviewPage');
const AdminKeysPage = lazyRouteComponent(() => import('./routes/admin/keys'), 'AdminKeysPage');
const FlagsPage = lazyRouteComponent(() => import('./routes/admin/flags'), 'FlagsPage');
const UsersPage = lazyRouteComponent(() => import('./routes/admin/users'), 'UsersPage');
const UserDetailPage = lazyRouteComponent(() => import('./routes/admin/user-detail'), 'UserDetailPage');
const QuotasAdminPage = lazyRouteComponent(() => import('./routes/admin/quotas'), 'QuotasAdminPage');
const ModelsAdminPage = lazyRouteComponent(() => import('./routes/admin/models'), 'ModelsAdminPage');
const PricesPage = lazyRouteComponent(() => import('./routes/admin/prices'), 'PricesPage');
const UsageAdminPage = lazyRouteComponent(() => import('./routes/admin/usage'), 'UsageAdminPage');
const RequestLogPage = lazyRouteComponent(() => import('./routes/admin/requests'), 'RequestLogPage');
const AuditPage = lazyRouteComponent(() => import('./routes/admin/audit'), 'AuditPage');
const EndpointsPage = lazyRouteComponent(() => import('./routes/admin/endpoints'), 'EndpointsPage');
const ModelUploadsPage = lazyRouteComponent(() => import('./routes/admin/uploads'), 'ModelUploadsPage');
const AccountPage = lazyRouteComponent(() => import('./routes/app/account'), 'AccountPage');
const MyKeysPage = lazyRouteComponent(() => import('./routes/app/keys'), 'MyKeysPage');
const MyModelsPage = lazyRouteComponent(() => import('./routes/app/models'), 'MyModelsPage');
const PlaygroundPage = lazyRouteComponent(() => import('./routes/app/playground'), 'PlaygroundPage');
const MyQuotaPage = lazyRouteComponent(() => import('./routes/app/quota'), 'MyQuotaPage');
const MyUsagePage = lazyRouteComponent(() => import('./routes/app/usage'), 'MyUsagePage');
const BatchesPage = lazyRouteComponent(() => import('./routes/app/batches'), 'BatchesPage');

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
const adminPage = <P extends string>(path: P, component: RouteComponent) =>
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
const endpointsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/endpoints',
  validateSearch: endpointsSearchSchema,
  component: EndpointsPage,
});
const uploadsRoute = adminPage('/uploads', ModelUploadsPage);

const appRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/app' });
const appPage = <P extends string>(path: P, component: RouteComponent) =>
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
const batchesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/batches',
  validateSearch: batchesSearchSchema,
  component: BatchesPage,
});

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
      endpointsRoute,
      uploadsRoute,
    ]),
    appRoute.addChildren([
      appIndexRoute,
      playgroundRoute,
      myQuotaRoute,
      myKeysRoute,
      myUsageRoute,
      myModelsRoute,
      accountRoute,
      batchesRoute,
    ]),
  ]),
]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: 'intent',
  defaultPendingComponent: PageLoading,
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
