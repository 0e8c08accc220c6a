import { useCallback, useEffect, useState } from 'react';
import { api, setCsrfToken, setUnauthorizedHandler } from './api/client';
import type { SessionInfo } from './api/types';
import { LoginPage } from './auth/LoginPage';
import { ChatApp } from './chat/ChatApp';

export function App() {
  const [session, setSession] = useState<SessionInfo | null>(null);
  const [checking, setChecking] = useState(true);

  const signedIn = useCallback((s: SessionInfo | null) => {
    setCsrfToken(s?.csrfToken ?? null);
    setSession(s);
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => signedIn(null));
    api
      .session()
      .then(signedIn, () => signedIn(null))
      .finally(() => setChecking(false));
    return () => setUnauthorizedHandler(null);
  }, [signedIn]);

  const logout = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      signedIn(null);
    }
  }, [signedIn]);

  if (checking) return <div className="splash">Loading…</div>;
  if (!session) return <LoginPage onLogin={signedIn} />;
  return <ChatApp key={session.user} session={session} onLogout={logout} />;
}
