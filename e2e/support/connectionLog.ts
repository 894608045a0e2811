// Records each page's connection badge as it changes, so a reconnect that does not come back
// says which page it was and what it went through (a rare CI failure left only "Reconnecting…").
import type { Page } from 'playwright-core';

type Entry = [msAfterStart: number, text: string | null];

/** Starts recording on every page; waitOnline waits for all of them and names the laggards. */
export async function watchConnections(pages: Record<string, Page>) {
  const started = Date.now();
  for (const page of Object.values(pages)) {
    await page.evaluate((t0) => {
      const badge = document.querySelector('[data-testid=connection-status]')!;
      const log: Entry[] = [[Date.now() - t0, badge.textContent]];
      (window as unknown as { __connectionLog: Entry[] }).__connectionLog = log;
      new MutationObserver(() => log.push([Date.now() - t0, badge.textContent])).observe(badge, { childList: true, characterData: true, subtree: true });
    }, started);
  }
  const historyOf = (page: Page) => page.evaluate(() => (window as unknown as { __connectionLog: Entry[] }).__connectionLog);
  return {
    /** Resolves when every badge reads Online; otherwise throws with every page's history. */
    async waitOnline(timeoutMs: number): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      const offline = async () => {
        const out: string[] = [];
        for (const [name, page] of Object.entries(pages)) if (!/online/i.test((await page.getByTestId('connection-status').first().textContent()) ?? '')) out.push(name);
        return out;
      };
      let left = await offline();
      while (left.length > 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        left = await offline();
      }
      if (left.length === 0) return;
      const histories = await Promise.all(Object.entries(pages).map(async ([name, page]) => `${name}: ${JSON.stringify(await historyOf(page))}`));
      throw new Error(`not online after ${timeoutMs} ms: ${left.join(', ')}\n${histories.join('\n')}`);
    },
  };
}
