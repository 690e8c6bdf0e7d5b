import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { citationTable } from '../src/cite/index.js';
import { resolveConfig } from '../src/config.js';
import { doseTable, knowledgeBase } from '../src/dose/index.js';
import { citationTableElement, doseTableElement } from '../src/report/html-tables.js';
import { docFromText, sampleDoc } from './helpers.js';

describe('per-article tables of the HTML report', () => {
  it('lists the dose figures of 002 with line, figure, substance and role', () => {
    const html = toHtml(doseTableElement(doseTable(sampleDoc('002'), knowledgeBase(resolveConfig()))));
    expect(html).toContain('Dose figures (');
    expect(html).toMatch(/<td>69:\d+<\/td><td><code>350 mg<\/code>.*?<td>magnesium<\/td><td>per day<\/td>.*?<td>upper limit<\/td>/);
  });

  it('lists markers against reference entries, glued URLs with their repair', () => {
    const html = toHtml(citationTableElement(citationTable(sampleDoc('002'))));
    expect(html).toContain('Citations (33 reference entries)');
    expect(html).toContain('malformed; repaired to https://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional/');
    expect(html).toMatch(/<td>17<\/td><td><span class="muted">line 99: <\/span>.*?<td>not cited<\/td>/);
  });

  it('links only http(s) addresses and escapes everything from the draft', () => {
    const doc = docFromText(
      'Risky claim ( 1 ) and another ( 2 ).\n\n## References\n\n1. javascript:alert(1)\n2. https://example.org/<b>x</b>\n',
      'md',
    );
    const html = toHtml(citationTableElement(citationTable(doc)));
    expect(html).not.toContain('href="javascript:');
    expect(html).not.toContain('<b>x</b>');
    expect(html).toContain('javascript:alert(1)');
  });

  it('says so when an article has no figures or citations', () => {
    expect(toHtml(doseTableElement(undefined))).toBe('<p class="muted">No dose figures.</p>');
    expect(toHtml(citationTableElement(undefined))).toBe('<p class="muted">No citations.</p>');
  });
});
