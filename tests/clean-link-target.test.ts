/**
 * A malformed link target (`[text](httpss://…)`) is repaired on the link's URL when the rule is
 * sure of the repair, and left, with its finding open, when it is not.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../src/index.js';

const draft = (target: string): string => `# Zinc

Zinc supports the immune system [1].

## References

1. [NIH fact sheet on zinc](${target})
`;

describe('repairs of link targets', () => {
  it.each([
    ['httpss://ods.od.nih.gov/factsheets/Zinc-HealthProfessional/', '(https://ods.od.nih.gov/factsheets/Zinc-HealthProfessional/)', true],
    ['https//ods.od.nih.gov/factsheets/Zinc-HealthProfessional/', '(https://ods.od.nih.gov/factsheets/Zinc-HealthProfessional/)', true],
  ])('%s is repaired in the cleaned article', async (target, expected, fixed) => {
    const result = await audit({ path: 'zinc.md', text: draft(target) }, { cwd: mkdtempSync(path.join(tmpdir(), 'draftaudit-link-')) });
    const f = result.findings.find((x) => x.ruleId === 'cite/malformed-url')!;
    expect(f.span.start.line).toBe(7);
    expect(f.fixed).toBe(fixed);
    const article = result.outputs[0]!.content;
    expect(article).toContain(`[NIH fact sheet on zinc]${expected}`);
    expect(article).not.toContain(target);
  });

  it('a target the rule is unsure of stays as written, its finding open', async () => {
    const result = await audit({ path: 'zinc.md', text: draft('<https://ods.od.nih.gov/fact sheets/Zinc/>') }, { cwd: mkdtempSync(path.join(tmpdir(), 'draftaudit-link-')) });
    const f = result.findings.find((x) => x.ruleId === 'cite/malformed-url');
    expect(f?.data?.confidence).toBe('low');
    expect(f?.fixed).toBe(false);
    expect(result.outputs[0]!.content).toContain('fact sheets');
  });
});
