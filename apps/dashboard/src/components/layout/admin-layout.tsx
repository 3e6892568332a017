import { Outlet } from '@tanstack/react-router';
import { useCurrentUser } from '@/auth/session';
import { ForbiddenPage } from './status-pages';

/** Admin screens render only for admins; the API refuses their data to anyone else as well. */
export function AdminLayout() {
  const user = useCurrentUser();
  if (user.role !== 'admin') return <ForbiddenPage />;
  return <Outlet />;
}
