/** The HTML report (its sections live in `./html/`). */
export { excerptParts, LAZY_ABOVE, renderHtml, renderHtmlChunks, type HtmlOptions } from './html/index.js';
