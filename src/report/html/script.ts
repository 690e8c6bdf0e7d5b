/**
 * The report's one script: progressive enhancement over a page that reads without it.
 *
 * - Filters by severity, rule, file (and, with a baseline or --changed-since, "only findings
 *   that count") apply to every section: the rule table, the drafts table, each draft and its
 *   rows, the articles, the rule explanations and the change log. Their state lives in the
 *   URL fragment (`#rule=lang/mixed-sentence&severity=error,warning&file=input/a.txt&order=worst`),
 *   so a reload or a shared link shows the same view.
 * - Drafts can be ordered worst first (open errors, then errors, warnings, infos).
 * - Parts kept deflated (a large batch's per-draft detail, see `deferred`) are inflated and
 *   parsed into place when their `<details>` opens or a link points into them.
 * - A link to a line, a rule or a draft opens the folded parts around its target.
 *
 * Each draft section carries its findings' tally (`data-tally`: rule, severity, gate, count),
 * so counts and visibility never depend on which detail has been opened.
 *
 * A Content-Security-Policy allows this script by its hash and nothing else.
 */
import { createHash } from 'node:crypto';

export const SCRIPT = `
(() => {
  const form = document.getElementById('filters');
  if (!form) return;
  const $$ = (selector, root) => Array.from((root || document).querySelectorAll(selector));
  const docs = $$('section.doc');
  const tallies = new Map(docs.map((s) => [s.dataset.file, JSON.parse(s.dataset.tally || '[]')]));
  let total = 0;
  for (const list of tallies.values()) for (const t of list) total += t[3];
  const count = document.getElementById('filter-count');
  const field = (name) => form.elements.namedItem(name);
  const state = () => ({
    severities: new Set($$('input[name=severity]', form).filter((b) => b.checked).map((b) => b.value)),
    rule: field('rule').value,
    file: field('file').value,
    counted: Boolean(field('counted') && field('counted').checked),
    order: field('order').value,
  });
  const active = (st) => st.severities.size < 3 || st.rule !== '' || st.file !== '' || st.counted;
  const matches = (st, rule, severity, gate) => st.severities.has(severity) && (st.rule === '' || rule === st.rule) && (!st.counted || gate === 'counted');
  const shownIn = (st, file) => {
    if (st.file !== '' && file !== st.file) return 0;
    let n = 0;
    for (const t of tallies.get(file) || []) if (matches(st, t[0], t[1], t[2])) n += t[3];
    return n;
  };
  const applyRows = (st, root) => {
    for (const row of $$('tr.finding', root)) {
      const d = row.dataset;
      row.hidden = !((st.file === '' || d.file === st.file) && matches(st, d.rule, d.severity, d.gate));
    }
  };
  const groups = new Map();
  const group = (id) => {
    let parts = groups.get(id);
    if (!parts) {
      const holder = document.getElementById(id);
      const bytes = Uint8Array.from(atob(holder.dataset.z), (c) => c.charCodeAt(0));
      parts = new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'))).text().then((html) => {
        const template = document.createElement('template');
        template.innerHTML = html;
        holder.remove();
        return new Map(Array.from(template.content.children).map((part) => [part.dataset.for, part]));
      });
      groups.set(id, parts);
    }
    return parts;
  };
  const inflate = async (holder) => {
    const parts = await group(holder.dataset.group);
    if (!holder.classList.contains('deferred')) return;
    const part = parts.get(holder.dataset.for);
    // A draft's rows count their places in audit.json from the holder's base.
    const base = Number(holder.dataset.base || 0);
    if (part && base) for (const row of $$('tr.finding', part)) row.dataset.finding = String(Number(row.dataset.finding) + base);
    holder.replaceChildren(...(part ? Array.from(part.childNodes) : []));
    holder.classList.remove('deferred');
    applyRows(state(), holder);
  };
  const materialise = (root) => Promise.all($$('.deferred', root).map(inflate));
  const reorder = (order) => {
    const key = order === 'worst' ? 'worst' : 'pos';
    const sort = (items) => items.sort((a, b) => Number(a.dataset[key]) - Number(b.dataset[key]));
    const list = document.getElementById('doc-list');
    if (list) for (const s of sort($$('section.doc', list))) list.appendChild(s);
    const body = document.querySelector('#documents tbody');
    if (body) for (const r of sort($$('tr[data-file]', body))) body.appendChild(r);
  };
  let order = 'path';
  const apply = () => {
    const st = state();
    const on = active(st);
    const byRule = new Map();
    let shown = 0;
    for (const s of docs) {
      const file = s.dataset.file;
      const n = shownIn(st, file);
      shown += n;
      if (st.file === '' || file === st.file) for (const t of tallies.get(file) || []) if (matches(st, t[0], t[1], t[2])) byRule.set(t[0], (byRule.get(t[0]) || 0) + t[3]);
      s.hidden = st.file !== '' ? file !== st.file : on && n === 0;
      const none = s.querySelector('.none-shown');
      if (none) none.hidden = n > 0 || (tallies.get(file) || []).length === 0;
    }
    applyRows(st, document);
    for (const r of $$('#documents tr[data-file]')) {
      const file = r.dataset.file;
      r.hidden = st.file !== '' ? file !== st.file : on && shownIn(st, file) === 0;
    }
    for (const r of $$('#by-rule tr[data-rule]')) r.hidden = on && !byRule.get(r.dataset.rule);
    for (const a of $$('section.article')) {
      const files = JSON.parse(a.dataset.files || '[]');
      a.hidden = (st.file !== '' && !files.includes(st.file)) || (on && st.file === '' && files.every((f) => shownIn(st, f) === 0));
    }
    for (const r of $$('#change-log tr[data-rule]')) {
      const d = r.dataset;
      r.hidden = (st.rule !== '' && d.rule !== st.rule) || (st.file !== '' && d.file !== st.file && d.source !== st.file);
    }
    for (const r of $$('details.rule-doc')) r.hidden = st.rule !== '' && r.dataset.rule !== st.rule;
    if (st.order !== order) reorder((order = st.order));
    count.textContent = shown + ' of ' + total + ' findings shown';
  };
  const encode = (s) => encodeURIComponent(s).replace(/%2F/g, '/');
  const fragment = () => {
    const st = state();
    const parts = [];
    if (st.rule !== '') parts.push('rule=' + encode(st.rule));
    if (st.severities.size < 3) parts.push('severity=' + Array.from(st.severities).join(','));
    if (st.file !== '') parts.push('file=' + encode(st.file));
    if (st.counted) parts.push('counted=1');
    if (st.order !== 'path') parts.push('order=' + st.order);
    return parts.join('&');
  };
  const fromFragment = (hash) => {
    const params = new Map();
    for (const part of hash.split('&')) {
      const at = part.indexOf('=');
      if (at < 0) continue;
      try { params.set(part.slice(0, at), decodeURIComponent(part.slice(at + 1))); } catch { /* not ours */ }
    }
    const severity = params.get('severity');
    const levels = severity === undefined ? null : new Set(severity.split(','));
    for (const box of $$('input[name=severity]', form)) box.checked = levels === null || levels.has(box.value);
    field('rule').value = params.get('rule') || '';
    field('file').value = params.get('file') || '';
    if (field('counted')) field('counted').checked = params.get('counted') === '1';
    field('order').value = params.get('order') === 'worst' ? 'worst' : 'path';
  };
  const openAround = (target) => {
    for (let e = target; e; e = e.parentElement) if (e.tagName === 'DETAILS' && !e.open) e.open = true;
  };
  /** The element of an id; a line of a large batch's draft has none, and is found by its number. */
  const find = (id) => {
    const found = document.getElementById(id);
    if (found) return found;
    const line = /^(.*)-line-([0-9]+)$/.exec(id);
    const owner = line && document.getElementById(line[1]);
    return (owner && owner.querySelector('ol.source > li:nth-child(' + Number(line[2]) + ')')) || null;
  };
  let marked = null;
  const reveal = async (id) => {
    let target = find(id);
    if (!target) {
      const owner = document.getElementById(id.replace(/-line-[0-9]+$/, ''));
      if (owner) await materialise(owner);
      target = find(id);
    }
    if (!target) return false;
    openAround(target);
    if (marked) marked.classList.remove('target');
    if (target.tagName === 'LI') (marked = target).classList.add('target');
    target.scrollIntoView({ block: target.tagName === 'LI' ? 'center' : 'start' });
    return true;
  };
  const fromLocation = () => {
    const hash = location.hash.slice(1);
    if (hash.includes('=')) {
      fromFragment(hash);
      apply();
    } else if (hash !== '') {
      let id = hash;
      try { id = decodeURIComponent(hash); } catch { /* as written */ }
      void reveal(id);
    }
  };
  const changed = () => {
    apply();
    const hash = fragment();
    history.replaceState(null, '', hash === '' ? location.pathname + location.search : '#' + hash);
  };
  form.addEventListener('change', changed);
  form.addEventListener('input', changed);
  form.addEventListener('reset', () => setTimeout(changed, 0));
  form.addEventListener('submit', (event) => event.preventDefault());
  document.addEventListener('toggle', (event) => { if (event.target.open) void materialise(event.target); }, true);
  document.addEventListener('click', (event) => {
    const link = event.target.closest && event.target.closest('a[href^="#"]');
    if (!link) return;
    let id = link.getAttribute('href').slice(1);
    try { id = decodeURIComponent(id); } catch { /* as written */ }
    if (id === '' || id.includes('=')) return;
    event.preventDefault();
    reveal(id).then((found) => { if (found && fragment() === '') history.pushState(null, '', '#' + encode(id)); });
  });
  window.addEventListener('hashchange', fromLocation);
  form.hidden = false;
  apply();
  fromLocation();
  document.documentElement.dataset.ready = String(Math.round(performance.now()));
})();
`;

export const SCRIPT_HASH = `sha256-${createHash('sha256').update(SCRIPT).digest('base64')}`;

/** Nothing but the page's own script and styles; no request leaves the file. */
export const CSP = `default-src 'none'; script-src '${SCRIPT_HASH}'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'`;
