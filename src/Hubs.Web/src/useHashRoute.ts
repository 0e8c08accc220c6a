import { useEffect, useState } from 'react';

export type Route = { page: 'chat'; roomId: string | null } | { page: 'admin' };

export function parseHash(hash: string): Route {
  if (hash === '#/admin') return { page: 'admin' };
  const m = /^#\/rooms\/([^/]+)$/.exec(hash);
  return { page: 'chat', roomId: m?.[1] ? decodeURIComponent(m[1]) : null };
}

export function roomHash(roomId: string): string {
  return `#/rooms/${encodeURIComponent(roomId)}`;
}

/** A tiny hash router: the app has two pages and a selected room. */
export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
