/**
 * Rules whose findings come from the load stage and the engine: listed here so that the
 * config can set their severity and the docs can describe them.
 */
import type { StageRule } from '../../types.js';

export const inputRules: StageRule[] = [
  {
    id: 'input/unreadable-or-empty',
    scope: 'stage',
    meta: {
      description: 'A draft that is empty, binary or cannot be read',
      defaultSeverity: 'error',
      docs: 'The file holds no text (empty or only white space), looks binary (NUL bytes, mostly control characters) or the system refused to read it. It is not audited; the rest of the batch goes on.',
      fix: 'Open the file: if it is empty or not a draft (an image, an archive, a word-processor file), remove it from the input folder or export the draft again as plain text, Markdown or HTML.',
      example: 'an empty file `input/blank.txt`',
    },
  },
  {
    id: 'input/too-large',
    scope: 'stage',
    meta: {
      description: 'A draft over the size limit',
      defaultSeverity: 'error',
      docs: 'The file is larger than `maxFileSize` (5 MB by default) and is not audited.',
      fix: 'Check that the file is one article and not an export of a whole site; split it, or raise `maxFileSize` in the config if such long drafts are expected.',
      example: 'a 20 MB export',
    },
  },
  {
    id: 'input/encoding',
    scope: 'stage',
    meta: {
      description: 'A draft not in plain UTF-8',
      defaultSeverity: 'info',
      docs: 'The file has a byte-order mark, is UTF-16, is in a legacy encoding the detector recognised (GB18030, Big5, Shift_JIS, windows-1252 …) or holds invalid UTF-8 bytes that were replaced.',
      fix: 'Save the draft again as UTF-8 without a byte-order mark (most editors offer "UTF-8" under "Save as" or "Reopen with encoding"), then check that the characters the message names read correctly.',
      example: 'a GB18030 draft from an older CMS',
    },
  },
  {
    id: 'input/too-complex',
    scope: 'stage',
    meta: {
      description: 'A passage too complex to parse as it is',
      defaultSeverity: 'warning',
      docs: 'A Markdown passage with a line over 20,000 characters, containers nested more than 32 deep or more than 4,000 brackets, emphasis marks, backticks and angle brackets, or markup of any format nested more than 64 deep. Such input would make the parser slow beyond measure or overflow the stack; the passage (or the too-deep markup) is read as plain text instead, still checked by every rule, and the rest of the draft is audited as usual. `data.kind` says which bound was hit (`line-length`, `nesting`, `marks`, `tree-depth`).',
      example: 'a list nested 800 deep: `- - - - … x`',
      fix: 'Look at the passage the finding points to: it is usually pasted code, a broken export or generated markup. Replace it with the text it was meant to carry, or remove it, and audit the draft again.',
    },
  },
  {
    id: 'internal/timeout',
    scope: 'stage',
    meta: {
      description: 'A draft took longer than the time budget',
      defaultSeverity: 'error',
      docs: 'Checking the draft took longer than the per-draft time budget (`timeBudget`, 30 seconds by default) and was stopped, even in the middle of a rule that never returns: the draft is listed with the status `timed-out`, none of its rules\' findings are kept and no cleaned article is made from it, while the rest of the batch goes on. Please report the draft.',
      example: 'a generated draft of pathological markup',
      fix: 'Split the draft if it holds several articles, or remove the generated or repeated markup that makes it huge; if an ordinary article times out, raise `timeBudget` for now and report the draft to the maintainers of draftaudit.',
    },
  },
  {
    id: 'internal/rule-crash',
    scope: 'stage',
    meta: {
      description: 'A rule failed on this draft',
      defaultSeverity: 'error',
      docs: 'A rule threw while checking this draft; its findings for the draft are missing. The message names the rule and the error; please report it.',
      fix: 'Nothing in the draft to change: report the message to the maintainers of draftaudit (or of the plugin it names); the rest of the draft was audited.',
      example: 'lang/mixed-sentence threw TypeError',
    },
  },
];
