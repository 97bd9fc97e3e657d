/**
 * HTML to PDF with Debian's headless Chromium (playwright-core), which keeps the layout of the
 * page's @page rules and the installed CJK fonts. One browser per call: a bulletin is printed a
 * few times a month, not per request of a busy page.
 */
import { existsSync } from 'node:fs';

export const chromiumPath = process.env.SHIXIAO_CHROMIUM ?? '/usr/bin/chromium';

export class PdfUnavailableError extends Error {}

export async function htmlToPdf(html: string): Promise<Buffer> {
  if (!existsSync(chromiumPath))
    throw new PdfUnavailableError(
      `PDF needs Chromium at ${chromiumPath} (apt-get install chromium, or set SHIXIAO_CHROMIUM)`,
    );
  // Loaded here, not at start-up: playwright-core is large and every CLI command would pay for it.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  try {
    const page = await browser.newPage();
    // Nothing outside the page is fetched: the HTML is self-contained.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  } finally {
    await browser.close();
  }
}
