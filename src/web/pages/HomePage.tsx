// The landing page by role: a reporter lands on its own unit's work; leaders, viewers and dispatchers on the county's dashboard.
import { useSession } from '../hooks/session.tsx';
import { DashboardPage } from './DashboardPage.tsx';
import { ReporterHomePage } from './ReporterHomePage.tsx';

export function HomePage() {
  const { user } = useSession();
  return user.role === 'reporter' ? <ReporterHomePage /> : <DashboardPage />;
}
