import { useEffect } from 'react';

/** Tab title per page, so people with many tabs (and screen readers) know where they are. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Peerboard` : 'Peerboard';
  }, [title]);
}
