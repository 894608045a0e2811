// Measuring the wall: what a back row can read (font sizes of the item's data labels) and what
// the projector cuts off. Used by the wall specs.
import type { Page } from 'playwright-core';

/** Font sizes (px) of every visible element holding text in the item's data, the next line and the foot. */
export function labelSizes(page: Page): Promise<{ text: string; size: number }[]> {
  return page.evaluate(() => {
    const roots = document.querySelectorAll('[data-testid="wall-data"], .projector-next, .projector-bottom, .projector-timer .timer-note');
    const out: { text: string; size: number }[] = [];
    for (const root of roots) {
      for (const el of [root, ...root.querySelectorAll('*')]) {
        const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent?.trim()).join('');
        if (!own || el.getClientRects().length === 0 || el.closest('.visually-hidden')) continue;
        out.push({ text: own.slice(0, 40), size: parseFloat(getComputedStyle(el).fontSize) });
      }
    }
    return out;
  });
}

/** Elements that are cut off or outside the viewport (by their test id or class). */
export function outside(page: Page, selectors: string[]): Promise<string[]> {
  return page.evaluate((sels) => {
    const bad: string[] = [];
    for (const sel of sels) {
      for (const el of document.querySelectorAll(sel)) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.top < 0 || r.left < 0 || r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5) bad.push(`${sel} at ${JSON.stringify(r)}`);
        // Boxes that clip: their content must fit (glyphs of a line may overhang a text's own box).
        if (el.matches('[data-testid="wall-data"], .projector-stage, .projector-notes') && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)) {
          bad.push(`${sel} cut off: ${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight}`);
        }
      }
    }
    return bad;
  }, selectors);
}
