// Who is signed in and which county they work on (with its townships, units, leaders and chains), shared by every page.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, SESSION_ENDED_EVENT, type CountyContext, type User } from '../api.ts';

export interface County {
  code: string;
  name: string;
}

export interface Session {
  user: User;
  counties: County[];
  county: County;
  context: CountyContext;
  /** Names by id/code, for tables and history entries. */
  names: {
    township(code: string | null | undefined): string;
    unit(id: string | null | undefined): string;
    leader(id: string | null | undefined): string;
  };
}

type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'failed'; error: ApiError }
  // Signed in with a password an administrator gave: nothing but changing it until it is changed.
  | { status: 'passwordChange'; user: User }
  | { status: 'signedIn'; session: Session };

interface SessionApi {
  state: SessionState;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  selectCounty(code: string): void;
  retry(): void;
  /**
   * Reads the county's context again, without leaving the page: its units and leaders after they changed, its current
   * month after a round closes or a month is pinned.
   */
  refresh(): Promise<void>;
}

const COUNTY_KEY = 'tiaodu.county';
const DASH = '—';

function buildSession(user: User, counties: County[], county: County, context: CountyContext): Session {
  const townships = new Map(context.townships.map((t) => [t.code, t.name]));
  const units = new Map(context.units.map((u) => [u.id, u.name]));
  const leaders = new Map(context.leaders.map((l) => [l.id, l.name]));
  return {
    user,
    counties,
    county,
    context,
    names: {
      township: (code) => (code ? townships.get(code) ?? code : DASH),
      unit: (id) => (id ? units.get(id) ?? id : DASH),
      leader: (id) => (id ? leaders.get(id) ?? id : DASH),
    },
  };
}

async function openSession(user: User, preferred: string | null): Promise<Session> {
  const { counties } = await api.counties();
  const county = counties.find((c) => c.code === preferred) ?? counties.find((c) => user.regionCode.startsWith(c.code)) ?? counties[0];
  if (!county) throw new ApiError(403, 'forbidden', '该账号没有可查看的县，请联系管理员');
  const context = await api.countyContext(county.code);
  return buildSession(user, counties, county, context);
}

function storedCounty(): string | null {
  try {
    return localStorage.getItem(COUNTY_KEY);
  } catch {
    return null;
  }
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const start = useCallback(async (user?: User) => {
    try {
      const me = user ?? (await api.me()).user;
      if (me.mustChangePassword) setState({ status: 'passwordChange', user: me });
      else setState({ status: 'signedIn', session: await openSession(me, storedCounty()) });
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setState({ status: 'anonymous' });
      else setState({ status: 'failed', error: e instanceof ApiError ? e : new ApiError(0, 'client', String(e)) });
    }
  }, []);

  useEffect(() => {
    void start();
    const ended = () => setState({ status: 'anonymous' });
    window.addEventListener(SESSION_ENDED_EVENT, ended);
    return () => window.removeEventListener(SESSION_ENDED_EVENT, ended);
  }, [start]);

  const value = useMemo<SessionApi>(
    () => ({
      state,
      signIn: async (username, password) => {
        const { user } = await api.login(username, password);
        await start(user);
      },
      signOut: async () => {
        try {
          await api.logout();
        } finally {
          setState({ status: 'anonymous' });
        }
      },
      selectCounty: (code) => {
        try {
          localStorage.setItem(COUNTY_KEY, code);
        } catch {
          // Without storage the choice lasts for the visit.
        }
        setState({ status: 'loading' });
        void start();
      },
      retry: () => {
        setState({ status: 'loading' });
        void start();
      },
      refresh: async () => {
        if (state.status !== 'signedIn') return;
        const { user, counties, county } = state.session;
        const context = await api.countyContext(county.code);
        setState({ status: 'signedIn', session: buildSession(user, counties, county, context) });
      },
    }),
    [state, start],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSessionApi(): SessionApi {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSessionApi outside SessionProvider');
  return value;
}

/** The signed-in session; only for pages behind the sign-in guard. */
export function useSession(): Session {
  const { state } = useSessionApi();
  if (state.status !== 'signedIn') throw new Error('useSession before sign-in');
  return state.session;
}
