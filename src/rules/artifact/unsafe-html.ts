/**
 * artifact/unsafe-html: markup that would run code or load another page once the article is
 * published — script, iframe, object and embed elements, event-handler attributes, and
 * `javascript:`, `vbscript:` or `data:` URLs — in an HTML draft, in HTML inside a Markdown
 * draft, or in a Markdown link, image or definition. Finding them lives in
 * src/safety/unsafe.ts; the cleaner drops them with the same module.
 */
import type { DocumentRule, RuleFinding } from '../../types.js';
import { spanOf } from '../../position.js';
import { unsafeInHtml, unsafeInTree } from '../../safety/unsafe.js';

export const unsafeHtml: DocumentRule = {
  id: 'artifact/unsafe-html',
  scope: 'document',
  meta: {
    description: 'Markup that runs code or embeds another page',
    defaultSeverity: 'error',
    docs: 'A `<script>`, `<iframe>`, `<object>` or `<embed>` element, an event-handler attribute (`onclick`, `onerror`…) or a `javascript:`, `vbscript:` or `data:` URL, in an HTML draft, in HTML inside Markdown, or in a Markdown link, image or definition. Published as it is, it would run on the readers\' pages. `data.kind` is `element`, `handler` or `url`.',
    example: '[read more](javascript:alert(1))',
    fix: 'Remove the script, frame, embed, event handler or script URL from the draft; if a video or a form belongs in the article, ask whoever publishes the site to add it through its own, safe template.',
    fixable: 'The cleaned article drops them: HTML goes through hast-util-sanitize (GitHub\'s schema), a link with such a URL keeps only its text, such an image or definition goes.',
  },
  check(doc) {
    // An HTML draft is read as a page (rehype-remark already drops its scripts from the
    // tree the other rules read); in Markdown and plain text the tree holds what matters.
    const hits = doc.format === 'html' ? unsafeInHtml(doc.text, false) : unsafeInTree(doc.tree, doc.text);
    return hits.map(
      (h): RuleFinding => ({
        span: spanOf(doc.lineStarts, h.start, h.end),
        message: `Unsafe markup: ${h.what}; it must not be published`,
        data: { kind: h.kind, what: h.what },
      }),
    );
  },
};
