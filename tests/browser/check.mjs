// normtoets' HTML reports in headless Chromium: axe-core's WCAG 2.1 A/AA and best-practice
// rules at 1280 and 320 CSS px, reflow (nothing but a data table's own scroll area wider than
// the window at 320 px), the landmarks, and a visible focus on every link reached with Tab.
//
//   node tests/browser/check.mjs [--screenshots DIR] REPORT.html ...
//
// Prints one JSON object: {file: {axe: {1280: [...], 320: [...]}, ...}}. Chromium is Debian's
// (/usr/bin/chromium, or $CHROMIUM); playwright-core drives it and downloads nothing.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const axeVersion = JSON.parse(readFileSync(require.resolve('axe-core/package.json'), 'utf8')).version;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const WIDTHS = [1280, 320];

const args = process.argv.slice(2);
let screenshots = null;
if (args[0] === '--screenshots') {
  screenshots = args[1];
  args.splice(0, 2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});
const results = { axeVersion, chromium: browser.version() };
try {
  for (const file of args) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.route(/^(?!file:)/, (route) => route.abort()); // a report fetches nothing
    await page.goto(pathToFileURL(resolve(file)).href);
    const result = { axe: {}, overflow: {}, pageScroll: {} };
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      if (screenshots) {
        await page.screenshot({ path: `${screenshots}/${basename(file, '.html')}-${width}.png` });
      }
      await page.evaluate(axeSource);
      const axe = await page.evaluate(async (tags) => {
        const found = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
        return found.violations.map((v) => ({
          id: v.id, impact: v.impact, help: v.help,
          nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')), count: v.nodes.length,
        }));
      }, TAGS);
      result.axe[width] = axe;
      const layout = await page.evaluate(() => {
        const root = document.documentElement;
        const wide = [];
        // An element may be wider than the window only inside an element that scrolls on its
        // own (a data table's scroll area); the page itself never scrolls sideways.
        const scrolls = (el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
        for (const el of document.body.querySelectorAll('*')) {
          const box = el.getBoundingClientRect();
          if (box.width === 0 || box.right <= root.clientWidth + 1) continue;
          let up = el.parentElement;
          let contained = false;
          while (up && up !== document.body) {
            if (scrolls(up) && up.getBoundingClientRect().right <= root.clientWidth + 1) {
              contained = true;
              break;
            }
            up = up.parentElement;
          }
          if (!contained && getComputedStyle(el).position !== 'absolute') {
            wide.push(`${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ').join('.') : ''} (${Math.round(box.right)} px)`);
          }
        }
        return { scroll: root.scrollWidth - root.clientWidth, wide: [...new Set(wide)].slice(0, 10) };
      });
      result.pageScroll[width] = layout.scroll;
      result.overflow[width] = layout.wide;
    }
    // The contents number chapters as the headings do: same kind of number, same order.
    result.toc = await page.evaluate(() => {
      const kind = (el) => {
        const content = getComputedStyle(el, '::before').content;
        if (content.includes('appendix')) return 'appendix';
        return content.includes('chapter') ? 'chapter' : 'none';
      };
      const links = [...document.querySelectorAll('nav li.toc-level-1 > a')];
      const ids = links.map((a) => a.getAttribute('href').slice(1));
      const entries = links.map((a, i) => {
        const target = document.getElementById(ids[i]);
        return [kind(a), target ? kind(target) : 'missing'];
      });
      const unlisted = [...document.querySelectorAll('h1.chapter')]
        .filter((h) => !ids.includes(h.id))
        .map((h) => h.id);
      return { entries, unlisted };
    });
    result.landmarks = await page.evaluate(() => ({
      main: document.querySelectorAll('main, [role="main"]').length,
      viewport: document.querySelector('meta[name="viewport"]')?.getAttribute('content') ?? null,
      lang: document.documentElement.lang,
    }));
    // Keyboard: Tab through the first links; each must show a focus ring of at least 2 px.
    await page.setViewportSize({ width: 1280, height: 900 });
    const focus = [];
    for (let i = 0; i < 25; i += 1) {
      await page.keyboard.press('Tab');
      const seen = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        const width = parseFloat(style.outlineWidth) || 0;
        return {
          tag: el.tagName.toLowerCase(), text: el.textContent.trim().slice(0, 40),
          visible: el.matches(':focus-visible') && style.outlineStyle !== 'none' && width >= 2,
        };
      });
      if (seen) focus.push(seen);
    }
    result.focus = focus;
    results[file] = result;
    await context.close();
  }
} finally {
  await browser.close();
}
process.stdout.write(`${JSON.stringify(results, null, 1)}\n`);
