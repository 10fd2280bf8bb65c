// The one way user text enters a string that a browser reads as HTML (an ECharts tooltip formatter's return value):
// a project's 产业链 or a unit's name set to `<img onerror=…>` must show as those characters, never run.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text made safe to place inside HTML, as element content or a quoted attribute value.
 * @example escapeHtml('<img src=x onerror=alert(1)>') // '&lt;img src=x onerror=alert(1)&gt;'
 */
export function escapeHtml(text: string | number | null | undefined): string {
  return String(text ?? '').replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

/**
 * Lines of an HTML tooltip joined by `<br/>`, each escaped: the only form a formatter returning HTML may take, so no
 * caller builds markup around user text by hand.
 */
export function tooltipLines(...lines: (string | number)[]): string {
  return lines.map(escapeHtml).join('<br/>');
}
