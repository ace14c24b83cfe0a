/**
 * DAISY Ace (the EPUB's accessibility checker, e2e/epub.spec.ts) drives a browser through Puppeteer,
 * whose install step would download a Chrome of its own: the tests hand it the Chromium they
 * already use (PUPPETEER_EXECUTABLE_PATH), so nothing is downloaded.
 */
module.exports = { skipDownload: true };
