// Issue 18 point 4: every browser test fails on any Content-Security-Policy violation
// reported on any page it visits. The specs import `test` and `expect` from here instead
// of '@playwright/test' (everything else is re-exported unchanged).
//
// Every browser context the worker creates (the `context`/`page` fixtures, each
// `browser.newContext()` in a test or helper, the fake camera's own Chromium) gets an
// init script that reports each `securitypolicyviolation` event to the console; the
// context's console listener collects them, and after each test the list must be empty.

import { test as base, expect, type Browser, type BrowserContext } from '@playwright/test';

export * from '@playwright/test';

const PREFIX = 'CSP violation:';
const violations: string[] = [];
const watched = new WeakSet<BrowserContext>();

/** Collects the CSP violations of every page of `ctx` (done for every new context). */
export async function watchCsp(ctx: BrowserContext): Promise<void> {
  if (watched.has(ctx)) return;
  watched.add(ctx);
  await ctx.addInitScript((prefix: string) => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(
        `${prefix} ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} ` +
          `(${e.sourceFile || location.href}:${e.lineNumber})`,
      );
    });
  }, PREFIX);
  ctx.on('console', (msg) => {
    const text = msg.text();
    if (text.startsWith(PREFIX) || /Content Security Policy/i.test(text)) {
      violations.push(`${msg.location().url || 'page'}: ${text}`);
    }
  });
}

type Browserish = Browser & { newContext: Browser['newContext'] };

export const test = base.extend<{ cspClean: void }, { cspWatch: void }>({
  // Every Browser in this worker process shares one class: wrapping its `newContext`
  // reaches the contexts tests and helpers make themselves too.
  cspWatch: [
    async ({ browser }, use) => {
      const proto = Object.getPrototypeOf(browser) as Browserish;
      const original = proto.newContext;
      proto.newContext = async function (this: Browser, ...args: Parameters<Browser['newContext']>) {
        const ctx = await original.apply(this, args);
        await watchCsp(ctx);
        return ctx;
      };
      await use();
      proto.newContext = original;
    },
    { scope: 'worker', auto: true },
  ],
  cspClean: [
    async ({}, use) => {
      violations.length = 0;
      await use();
      expect(violations, 'Content-Security-Policy violations on the pages this test visited').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
