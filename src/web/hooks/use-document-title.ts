// The browser tab names the page, so a clerk with several tabs open finds the ledger among them.
import { useEffect } from 'react';

export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · 调度` : '调度 · 县域经济工作平台';
  }, [title]);
}
