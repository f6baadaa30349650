// The worker's page: builds a family network safety plan in the browser,
// checks it with the service as the worker goes, and makes the documents.
// The draft lives in this browser's localStorage; with a store, the service
// keeps saved versions too (stored.js).

import { h, getAt, setAt, parsePath, pathStr, fieldId, debounce, saveBlob, ukDate, todayISO, plural, lowerFirst, slug } from './util.js';
import { post, answer, pictureRefs } from './api.js';
import { sections, sectionFor } from './sections.js';
import { renderSpec } from './fields.js';
import { createPicker } from './picker.js';
import { createChildView, leaks } from './child.js';
import { documentsPanel } from './docs.js';
import { renderPD } from './pd.js';
import { saveDraft, saveDraftNow, loadDraft, clearDraft, hasDraft, planFile, dataURLToBlob } from './store.js';
import { createStored, lock } from './stored.js';

const $ = (id) => document.getElementById(id);
const baseTitle = document.title;

function blankPlan() {
  return {
    schema_version: 1,
    case: { reference: '', record_system: '', team: '', involvement_started: '', lead_worker: { id: '', name: '' } },
    children: [],
    people: [],
    meetings: [],
    assessment: { worries: [], goals: [], complicating_factors: [], working_well: [], bottom_lines: [] },
    plan: { rules: [], contingencies: [], monitoring: [], red_flags: [], tests: [] },
    evidence: [],
    reviews: [],
  };
}

/** shape gives a plan read from a file the containers the page edits. */
function shape(p) {
  const b = blankPlan();
  p.case = { ...b.case, ...(p.case || {}) };
  p.case.lead_worker = { ...b.case.lead_worker, ...(p.case.lead_worker || {}) };
  p.assessment = { ...b.assessment, ...(p.assessment || {}) };
  p.plan = { ...b.plan, ...(p.plan || {}) };
  for (const k of ['children', 'people', 'meetings', 'evidence', 'reviews']) if (!Array.isArray(p[k])) p[k] = [];
  return p;
}

const app = {
  plan: blankPlan(),
  uploads: new Map(), // NAME of upload:NAME → Blob
  urls: new Map(), // NAME → blob: URL for previews
  touched: new Set(),
  revealAll: false,
  current: 'case',
  problems: [],
  result: null,
  childOptions: { part: 'both', contacts: 'shared' },
  stored: null, // {id, version, latest, savedBy, savedAt, readOnly, base} of a plan the service keeps

  schema: null,
  /** schemaHas says whether the service's plan format has the field at parts. */
  schemaHas(parts) {
    let node = this.schema;
    for (const k of parts) {
      if (!node) return false;
      node = typeof k === 'number' ? node.items : (node.properties || {})[k];
    }
    return !!node;
  },
  get(parts) { return getAt(this.plan, parts); },
  set(parts, v) { setAt(this.plan, parts, v); },
  touch(path) {
    if (this.touched.has(path)) return;
    this.touched.add(path);
    showProblems();
  },
  changed() {
    $('check-status').dataset.state = 'pending';
    saveSoon();
    validateSoon();
    updateLeaks();
  },
  refresh(opts = {}) { renderAll(opts); },
  /** goToPath opens the section holding path and focuses its field. */
  goToPath(path) { goToPath(path); },

  /** refOptions lists the people, children and lead worker to choose from. */
  refOptions(kinds) {
    const out = [];
    const p = this.plan;
    if (kinds.includes('people')) {
      for (const x of p.people || []) {
        if (!x.id) continue;
        const extra = [x.known_as && x.known_as !== x.name ? x.known_as : '', x.relationship].filter(Boolean).join(', ');
        out.push({ value: x.id, label: extra ? `${x.name} \u2013 ${extra}` : x.name || x.id });
      }
    }
    const lw = p.case && p.case.lead_worker;
    if (kinds.includes('lead') && lw && lw.id) out.push({ value: lw.id, label: `${lw.name || lw.id} \u2013 lead worker` });
    if (kinds.includes('children')) {
      for (const c of p.children || []) if (c.id) out.push({ value: c.id, label: `${c.name || c.id} \u2013 child` });
    }
    return out;
  },
  personName(id) {
    const p = this.plan;
    const x = [...(p.people || []), ...(p.children || []), (p.case && p.case.lead_worker) || {}].find((y) => y.id === id);
    return x ? x.name || id : id;
  },
  meetingName(id) {
    const i = (this.plan.meetings || []).findIndex((m) => m.id === id);
    if (i < 0) return id;
    const m = this.plan.meetings[i];
    return `meeting ${i + 1}${m.date ? ', ' + ukDate(m.date) : ''}`;
  },
  pictureURL(ref, size) {
    if (!ref) return '';
    if (ref.startsWith('library:')) return `/v1/illustrations/${encodeURIComponent(ref.slice(8))}.png?size=${size || 128}`;
    if (ref.startsWith('upload:')) {
      const n = ref.slice(7);
      if (!this.uploads.has(n)) return '';
      if (!this.urls.has(n)) this.urls.set(n, URL.createObjectURL(this.uploads.get(n)));
      return this.urls.get(n);
    }
    if (ref.startsWith('data:image/')) return ref;
    return '';
  },
  describePicture(ref) {
    if (!ref) return 'No picture chosen';
    if (ref.startsWith('library:')) return `Library picture: ${ref.slice(8).replace(/-/g, ' ')}`;
    if (ref.startsWith('upload:')) return this.uploads.has(ref.slice(7)) ? `Uploaded: ${ref.slice(7)}` : `Uploaded ${ref.slice(7)} (the file is missing: upload it again)`;
    if (ref.startsWith('data:')) return 'Uploaded photo or drawing';
    return ref;
  },
  openPicker(ref, cb) { picker.open(ref, cb); },
  /** addUpload keeps a file under a safe, unique name and returns the name. */
  addUpload(name, blob) {
    const base = (name.split(/[\\/]/).pop() || 'picture').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+/, '') || 'picture.jpg';
    let n = base;
    for (let i = 2; this.uploads.has(n) && this.uploads.get(n) !== blob; i++) n = base.replace(/(\.[^.]*)?$/, `-${i}$1`);
    if (this.urls.has(n)) { URL.revokeObjectURL(this.urls.get(n)); this.urls.delete(n); }
    this.uploads.set(n, blob);
    return n;
  },
  sectionLink(id, text) {
    return h('a', { href: `#s-${id}`, text, onclick: (e) => { e.preventDefault(); showSection(id, { focus: true }); } });
  },
  childViewControls() { return childControls(); },
  documentsPanel() { return documentsPanel(app); },
  showInputProblems(problems, opts) { setProblems(problems, opts); },
};

const picker = createPicker(app);
const child = createChildView(app);
const stored = createStored(app, {
  start: (plan, uploads, opts) => startWith(plan, uploads, opts),
  problems: (list, opts) => setProblems(list, opts),
  saveFile: () => savePlanFile(),
  saved: () => saveSoon(),
  home: (msg) => showStart(msg),
});

// ------------------------------------------------------------ rendering

function sectionEl(s, i) {
  const prev = sections[i - 1];
  const next = sections[i + 1];
  return h('section', { class: 'section', id: `s-${s.id}`, dataset: { section: s.id }, 'aria-labelledby': `s-${s.id}-title`, hidden: s.id !== app.current },
    h('h1', { class: 'heading-l', id: `s-${s.id}-title`, tabindex: '-1', text: s.title }),
    s.intro ? h('p', { class: 'lead', text: s.intro }) : null,
    renderSpec(app, [], s.spec),
    h('nav', { class: 'pager', 'aria-label': 'Previous and next section' },
      prev ? h('button', { type: 'button', class: 'button button--secondary pager__prev', text: `\u2190 ${prev.title}`, 'aria-label': `Previous section: ${prev.title}`, onclick: () => showSection(prev.id, { focus: true }) }) : h('span'),
      next ? h('button', { type: 'button', class: 'button pager__next', text: `${next.title} \u2192`, 'aria-label': `Next section: ${next.title}`, onclick: () => showSection(next.id, { focus: true }) }) : null));
}

/**
 * renderAll draws the sections from the plan. With others, only the
 * sections not on screen are redrawn (their lists of people may have
 * changed), so that nothing moves under the worker's cursor.
 */
function renderAll({ focus, fallback, others } = {}) {
  const box = $('sections');
  const active = document.activeElement;
  const activeId = active && active.id;
  const sel = active && 'selectionStart' in active ? [active.selectionStart, active.selectionEnd] : null;
  const scroll = window.scrollY;
  sections.forEach((s, i) => {
    if (others && s.id === app.current) return;
    const el = sectionEl(s, i);
    const old = $(`s-${s.id}`);
    if (old) old.replaceWith(el);
    else box.appendChild(el);
  });
  if (!others) {
    const target = (focus && $(focus)) || (fallback && $(fallback)) || (activeId && $(activeId));
    if (target) {
      target.focus({ preventScroll: true });
      if (sel && target.id === activeId && typeof target.setSelectionRange === 'function') {
        try { target.setSelectionRange(sel[0], sel[1]); } catch { /* not a text control */ }
      }
      window.scrollTo(0, scroll);
      if (focus) target.scrollIntoView({ block: 'nearest' });
    }
  }
  renderNav();
  showProblems();
  if (app.stored && app.stored.readOnly) lock(true);
}

function renderNav() {
  const list = $('sections-list');
  list.replaceChildren(...sections.map((s, i) => h('li', {},
    h('a', {
      href: `#s-${s.id}`, class: 'sections-nav__link', dataset: { section: s.id },
      'aria-current': s.id === app.current ? 'page' : null,
      onclick: (e) => { e.preventDefault(); showSection(s.id, { focus: true }); },
    }, h('span', { class: 'sections-nav__number', text: `${i + 1}` }), h('span', { class: 'sections-nav__text', text: s.title }),
    h('span', { class: 'sections-nav__badge', dataset: { badge: s.id }, hidden: true })))));
}

function showSection(id, { focus = false } = {}) {
  app.current = id;
  for (const el of document.querySelectorAll('section[data-section]')) el.hidden = el.dataset.section !== id;
  for (const a of document.querySelectorAll('.sections-nav__link')) {
    if (a.dataset.section === id) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const s = sections.find((x) => x.id === id);
  $('sections-nav-toggle').textContent = `Sections: ${s ? s.title : ''}`;
  if (narrow.matches) $('sections-nav').open = false;
  if (history.replaceState) history.replaceState(null, '', `#s-${id}`);
  if (focus) {
    const heading = $(`s-${id}-title`);
    window.scrollTo(0, 0);
    if (heading) heading.focus({ preventScroll: true });
  }
}

// ------------------------------------------------------------ problems

function findTarget(path) {
  if (path.startsWith('uploads.')) {
    const name = path.slice('uploads.'.length);
    const el = [...document.querySelectorAll('[data-kind="picture"]')].find((x) => x.dataset.value === 'upload:' + name);
    if (el) return el;
  }
  let parts = parsePath(path);
  while (parts.length) {
    const s = pathStr(parts);
    let el = document.querySelector(`[data-path="${CSS.escape(s)}"]`);
    if (el) return el;
    if (parts[parts.length - 1] === 'id') {
      el = document.querySelector(`[data-path="${CSS.escape(pathStr([...parts.slice(0, -1), 'name']))}"]`);
      if (el) return el;
    }
    parts = parts.slice(0, -1);
  }
  return null;
}

function focusable(wrap) {
  if (!wrap) return null;
  if (wrap.dataset.kind === 'list') return wrap.querySelector(':scope > button[id$="-add"]');
  if (wrap.dataset.kind === 'strings' || wrap.dataset.kind === 'textarea') {
    return wrap.querySelector('textarea, button[id$="-add"]');
  }
  return wrap.querySelector('input:not([type=hidden]), select, textarea, button');
}

const choiceKinds = new Set(['select', 'ref', 'refs', 'checks', 'picture', 'checkbox']);

function friendly(p, wrap) {
  const label = wrap ? wrap.dataset.label : '';
  const kind = wrap ? wrap.dataset.kind : '';
  let msg = p.message || 'There is a problem here';
  if (p.code === 'required' && label) {
    if (kind === 'list') msg = `Add at least one ${lowerFirst(label)}`;
    else if (kind === 'refs') msg = `Choose at least one person for \u201c${lowerFirst(label)}\u201d`;
    else if (kind === 'item' || kind === 'group') msg = `${label}: ${msg}`;
    else msg = `${choiceKinds.has(kind) ? 'Choose' : 'Enter'} ${lowerFirst(label)}`;
  } else if (p.code === 'unknown_reference' && label && kind !== 'item') {
    msg = `${label}: ${msg}`;
  } else if (p.code !== 'file') {
    msg = msg[0].toUpperCase() + msg.slice(1);
  }
  const item = wrap && wrap.closest('.item');
  const group = wrap && wrap.parentElement && wrap.parentElement.closest('.group');
  const context = [item && item !== wrap ? item.dataset.label : '', group && group !== wrap && (!item || item.contains(group)) ? group.dataset.label : '']
    .filter(Boolean).join(', ');
  const sec = wrap ? sections.find((s) => s.id === (wrap.closest('section[data-section]') || {}).dataset?.section) : sectionFor(p.path);
  const where = [sec && sec.id !== 'case' && !context ? sec.title : '', context].filter(Boolean);
  return { inline: msg, summary: where.length ? `${where.join(', ')}: ${lowerFirst(msg)}` : msg };
}

/**
 * pdResult is what the Practice Direction panel shows: the last complete
 * check, or while there has been none, the deadlines worked out from the
 * dates filled in so far.
 */
function pdResult() {
  if (app.result) return app.result;
  if (app.partial && app.partial.deadlines.length) return { ...app.partial, partial: true, findings: [] };
  return null;
}

function setProblems(problems, { reveal = false, focusSummary = false } = {}) {
  app.problems = problems || [];
  if (reveal) app.revealAll = true;
  showProblems();
  renderPD($('pd-body'), pdResult(), app.problems.length > 0, goToPath);
  if (focusSummary && !$('error-summary').hidden) {
    $('error-summary').focus();
    $('error-summary').scrollIntoView({ block: 'start' });
  }
}

function showProblems() {
  for (const el of document.querySelectorAll('.field--error')) el.classList.remove('field--error');
  for (const el of document.querySelectorAll('.field__errors')) el.replaceChildren();
  for (const el of document.querySelectorAll('[aria-invalid]')) {
    el.removeAttribute('aria-invalid');
    const d = (el.getAttribute('aria-describedby') || '').split(' ').filter((x) => x && !x.endsWith('-error'));
    if (d.length) el.setAttribute('aria-describedby', d.join(' '));
    else el.removeAttribute('aria-describedby');
  }
  const shown = [];
  const seen = new Set();
  let waiting = 0;
  const perSection = {};
  app.problems.forEach((p, n) => {
    const wrap = findTarget(p.path || '');
    const fpath = wrap ? wrap.dataset.path : '';
    const visible = app.revealAll || p.code !== 'required' || (fpath && app.touched.has(fpath));
    if (!visible) {
      waiting++;
      return;
    }
    const msg = friendly(p, wrap);
    const key = `${fpath}\u0000${msg.inline}`;
    if (seen.has(key)) return; // an id and its name: one problem for the worker
    seen.add(key);
    const ctl = focusable(wrap);
    if (wrap) {
      const errId = `${(ctl && ctl.id) || fieldId(parsePath(p.path))}-${n}-error`;
      wrap.classList.add('field--error');
      const slot = wrap.querySelector(':scope > .field__errors') || wrap.querySelector('.field__errors');
      if (slot) slot.appendChild(h('p', { class: 'error-message', id: errId }, h('span', { class: 'visually-hidden', text: 'Error: ' }), msg.inline));
      if (ctl) {
        ctl.setAttribute('aria-invalid', 'true');
        ctl.setAttribute('aria-describedby', [ctl.getAttribute('aria-describedby'), errId].filter(Boolean).join(' '));
      }
      const sec = wrap.closest('section[data-section]');
      if (sec) perSection[sec.dataset.section] = (perSection[sec.dataset.section] || 0) + 1;
    }
    shown.push({ msg: msg.summary, id: ctl && ctl.id, path: p.path, wrap });
  });
  // In the order of the page, as the worker meets them.
  const order = sections.map((s) => s.id);
  const rank = (x) => {
    const sec = x.wrap && x.wrap.closest('section[data-section]');
    return sec ? order.indexOf(sec.dataset.section) : -1;
  };
  shown.sort((a, b) => {
    const d = rank(a) - rank(b);
    if (d || !a.wrap || !b.wrap) return d;
    return a.wrap === b.wrap ? 0 : a.wrap.compareDocumentPosition(b.wrap) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
  const summary = $('error-summary');
  summary.hidden = shown.length === 0;
  document.title = `${shown.length ? 'Error: ' : ''}${baseTitle}`;
  $('error-summary-list').replaceChildren(...shown.map((x) => h('li', {},
    x.id ? h('a', { href: `#${x.id}`, text: x.msg, onclick: (e) => { e.preventDefault(); goToField(x.id); } }) : h('span', { text: x.msg }))));
  $('todo').hidden = waiting === 0;
  $('todo-text').textContent = `${plural(waiting, 'thing')} still to fill in before the documents can be made.`;
  for (const b of document.querySelectorAll('[data-badge]')) {
    const n = perSection[b.dataset.badge] || 0;
    b.hidden = n === 0;
    b.textContent = n ? `${n}` : '';
    b.setAttribute('aria-label', n ? plural(n, 'problem') : '');
  }
}

function goToField(id) {
  const el = $(id);
  if (!el) return;
  const sec = el.closest('section[data-section]');
  if (sec && sec.dataset.section !== app.current) showSection(sec.dataset.section);
  const wrap = el.closest('[data-path]');
  const label = wrap && wrap.querySelector('label, legend');
  (label || el).scrollIntoView({ block: 'center' });
  el.focus({ preventScroll: true });
}

function goToPath(path) {
  const wrap = findTarget(path);
  const ctl = focusable(wrap);
  if (ctl && ctl.id) goToField(ctl.id);
  else {
    const s = sectionFor(path);
    if (s) showSection(s.id, { focus: true });
  }
}

// ------------------------------------------------------------ checking

let seq = 0;
let inflight = null;

async function validateNow() {
  if (inflight) inflight.abort();
  inflight = new AbortController();
  const my = ++seq;
  $('check-status').textContent = 'Checking the plan…';
  $('check-status').dataset.state = 'checking';
  let res;
  try {
    res = await post('/v1/plans/validate', app.plan, app.uploads, { signal: inflight.signal });
  } catch {
    return; // a newer check took over
  }
  if (my !== seq) return;
  if (res.ok) {
    app.result = res.json;
    setProblems([]);
    $('check-status').textContent = 'Checked: no problems with the plan.';
    $('check-status').dataset.state = 'clean';
  } else if (res.status === 422) {
    if (!app.result) {
      const dl = await post('/v1/plans/deadlines', app.plan, app.uploads, { signal: inflight.signal }).catch(() => null);
      if (my !== seq) return;
      app.partial = dl && dl.ok ? dl.json : null;
    }
    setProblems(res.problems);
    $('check-status').textContent = `Checked: ${plural(res.problems.length, 'problem')}.`;
    $('check-status').dataset.state = 'problems';
  } else {
    setProblems([{ path: '', code: 'service', message: res.detail || 'The plan could not be checked' }]);
    $('check-status').dataset.state = 'failed';
  }
}

const validateSoon = debounce(validateNow, 600);

/** draftMeta is what the draft remembers of the stored plan it came from. */
function draftMeta() {
  const s = app.stored;
  return s && !s.readOnly ? { id: s.id, version: s.version, latest: s.latest, savedBy: s.savedBy, savedAt: s.savedAt, base: s.base } : null;
}

let saveTimer = 0;
function saveSoon() {
  clearTimeout(saveTimer);
  if (app.stored && app.stored.readOnly) return; // an old version is looked at, not edited
  saveTimer = setTimeout(async () => {
    try {
      const at = await saveDraft(app.plan, app.uploads, draftMeta());
      $('draft-status').textContent = `Draft kept in this browser at ${new Date(at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}.`;
    } catch {
      $('draft-status').textContent = 'This browser has no room to keep the draft: save the plan file now.';
    }
  }, 400);
}

// ------------------------------------------------------------ start, open, save

function startWith(plan, uploads, { reveal, status }) {
  for (const u of app.urls.values()) URL.revokeObjectURL(u);
  app.urls.clear();
  app.plan = shape(plan);
  app.uploads = uploads || new Map();
  app.touched = new Set();
  app.revealAll = !!reveal;
  app.problems = [];
  app.result = null;
  app.partial = null;
  app.ui = {};
  app.current = 'case';
  $('start').hidden = true;
  $('history').hidden = true;
  $('toolbar').hidden = false;
  $('app').hidden = false;
  $('conflict').hidden = true;
  $('skip-link').setAttribute('href', '#main');
  stored.banner();
  $('draft-status').textContent = status || '';
  renderPD($('pd-body'), null, false, goToPath);
  renderAll();
  showSection(location.hash.startsWith('#s-') && sections.some((s) => `#s-${s.id}` === location.hash) ? location.hash.slice(3) : 'case');
  window.scrollTo(0, 0);
  $('main').focus({ preventScroll: true });
  validateNow();
  saveSoon();
}

function planIsEmpty() {
  const p = app.plan;
  return !p.case.reference && !(p.children || []).length && !(p.people || []).length;
}

function describeDraft(d) {
  const p = d.plan || {};
  const names = (p.children || []).map((c) => c.name).filter(Boolean).join(', ');
  const when = d.savedAt ? new Date(d.savedAt) : null;
  return `${names || 'A plan with no children named yet'}${p.case && p.case.reference ? ` (${p.case.reference})` : ''}` +
    (when ? `, last changed ${ukDate(when.toISOString().slice(0, 10))} at ${when.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}.` : '.');
}

function showStart(message) {
  $('app').hidden = true;
  $('toolbar').hidden = true;
  $('history').hidden = true;
  $('start').hidden = false;
  $('skip-link').setAttribute('href', '#start');
  $('start-message').hidden = !message;
  $('start-message').textContent = message || '';
  document.title = baseTitle;
  if (stored.on) stored.showCaseload();
  const d = loadDraft();
  $('start-draft').hidden = !d;
  if (d) $('start-draft-text').textContent = describeDraft(d);
  $('start-error').hidden = true;
}

function openError(msg) {
  if (!$('start').hidden) {
    $('start-error').textContent = msg;
    $('start-error').hidden = false;
  } else {
    setProblems([{ path: '', code: 'file', message: msg }], { focusSummary: true });
  }
}

async function openFiles(files) {
  const all = [...files];
  const isPDF = (f) => f.type === 'application/pdf' || /\.pdf$/i.test(f.name);
  const isJSON = (f) => f.type === 'application/json' || /\.json$/i.test(f.name);
  const main = all.find(isPDF) || all.find(isJSON);
  const images = all.filter((f) => f !== main && /^image\//.test(f.type));
  if (!main) {
    openError('Choose the plan file: a .json file saved from this page, or the worker\u2019s copy of the safety plan (PDF).');
    return;
  }
  let plan;
  const uploads = new Map();
  if (isPDF(main)) {
    let res;
    try {
      res = await answer(await fetch('/v1/plans/extract', { method: 'POST', body: main, headers: { 'Content-Type': 'application/pdf' } }));
    } catch {
      openError('The service could not be reached to read the PDF.');
      return;
    }
    if (!res.ok) {
      openError(`${main.name} is not a worker\u2019s copy made by this service, so the plan cannot be read from it. ${((res.problems || [])[0] || {}).message || res.detail || ''}`);
      return;
    }
    plan = res.json.plan;
    for (const [n, b64] of Object.entries(res.json.uploads || {})) uploads.set(n, dataURLToBlob(b64));
  } else {
    try {
      plan = JSON.parse(await main.text());
    } catch (err) {
      openError(`${main.name} is not a plan file: it is not valid JSON (${err.message}).`);
      return;
    }
    if (!plan || typeof plan !== 'object' || Array.isArray(plan)) {
      openError(`${main.name} is not a plan file.`);
      return;
    }
  }
  for (const f of images) uploads.set(f.name, f);
  app.stored = null;
  startWith(plan, uploads, { reveal: true, status: `Opened ${main.name}. Your changes are kept in this browser as a draft.` });
  const missing = pictureRefs(app.plan).filter((r) => r.ref.startsWith('upload:') && !uploads.has(r.ref.slice(7)));
  if (missing.length) {
    $('draft-status').textContent += ` ${plural(new Set(missing.map((m) => m.ref)).size, 'photo or drawing', 'photos or drawings')} used by the plan ${missing.length === 1 ? 'was' : 'were'} not opened with it: choose ${missing.length === 1 ? 'it' : 'them'} again.`;
  }
}

async function savePlanFile() {
  const text = await planFile(app.plan, app.uploads);
  const ref = slug(app.plan.case.reference, 'safety-plan');
  saveBlob(new Blob([text], { type: 'application/json' }), `${ref}_plan_${todayISO()}.json`);
  $('draft-status').textContent = `Plan file saved (${ref}_plan_${todayISO()}.json). Keep it with the case record: it is needed at the next review.`;
}

// ------------------------------------------------------------ the child's view

/** leaksNotice warns when a hidden number is written into the child's words. */
function leaksNotice() {
  const found = leaks(app.plan);
  if (!found.length) return null;
  return h('div', { class: 'notice notice--warning' },
    h('p', { text: 'A phone number or email of someone who has not agreed to share it is written into words the children will see. The child\u2019s view hides it, but change the wording:' }),
    h('ul', {}, found.map((f) => h('li', { text: `${f.who ? f.who + ': ' : ''}${f.where}` }))));
}

function updateLeaks() {
  const box = $('child-leaks');
  if (box) box.replaceChildren(...[leaksNotice()].filter(Boolean));
}

function childControls() {
  const part = h('select', { id: 'child-part', class: 'select', onchange: (e) => { app.childOptions.part = e.target.value; } },
    [['both', 'Both parts'], ['explanation', 'Part one: the explanation'], ['safety-plan', 'Part two: the safety plan']]
      .map(([v, l]) => h('option', { value: v, text: l, selected: app.childOptions.part === v })));
  const none = h('input', { type: 'checkbox', id: 'child-no-numbers', class: 'checkbox__input', checked: app.childOptions.contacts === 'none',
    onchange: (e) => { app.childOptions.contacts = e.target.checked ? 'none' : 'shared'; } });
  return h('div', { class: 'panel panel--child' },
    h('h2', { class: 'heading-m', text: 'Show to the child' }),
    h('p', {}, 'Goes through the Words and Pictures on this screen, page by page, in big print. Next and back with the arrow keys, or by tapping or swiping. Escape, or the \u00d7 in the corner, comes back here.'),
    h('div', { id: 'child-leaks' }, leaksNotice()),
    h('div', { class: 'field field--inline' }, h('label', { class: 'label label--small', for: 'child-part', text: 'What to show' }), part),
    h('div', { class: 'checkbox' }, none, h('label', { class: 'checkbox__label', for: 'child-no-numbers', text: 'Show no phone numbers at all' })),
    h('p', { class: 'hint', text: 'Otherwise only the numbers of people who agreed to share them are shown, with Childline and 999.' }),
    h('button', { type: 'button', class: 'button button--child', id: 'show-child-here', text: 'Show to the child', onclick: (e) => child.open({ ...app.childOptions, opener: e.currentTarget }) }));
}

// ------------------------------------------------------------ wiring

const narrow = window.matchMedia('(max-width: 1023px)');

function wire() {
  $('start-new').addEventListener('click', () => {
    if (hasDraft() && !window.confirm('Start a new plan? The draft kept in this browser will be replaced. Save its plan file first if you need it.')) return;
    clearDraft();
    app.stored = null;
    startWith(blankPlan(), new Map(), { status: stored.on ? 'New plan. It is kept in this browser as you go: save a version to keep it on the service.' : 'New plan. It is kept in this browser as you go.' });
  });
  $('start-continue').addEventListener('click', () => {
    const d = loadDraft();
    if (!d) return showStart();
    app.stored = d.meta ? { ...d.meta, readOnly: false } : null;
    startWith(d.plan, d.uploads, { reveal: true, status: `Carrying on with the draft kept in this browser: ${describeDraft(d)}` });
  });
  $('start-open').addEventListener('click', () => $('open-file').click());
  $('open-plan').addEventListener('click', () => $('open-file').click());
  $('open-file').addEventListener('change', async (e) => {
    const files = e.target.files;
    if (!files.length) return;
    if ($('start').hidden && !planIsEmpty() && !window.confirm('Open this plan file instead of the plan on the page? The draft kept in this browser will be replaced.')) {
      e.target.value = '';
      return;
    }
    await openFiles(files);
    e.target.value = '';
  });
  $('new-plan').addEventListener('click', () => {
    if (!planIsEmpty() && !window.confirm('Start a new plan? The plan on the page, and the draft kept in this browser, will be replaced. Save the plan file first if you need it.')) return;
    clearDraft();
    app.stored = null;
    startWith(blankPlan(), new Map(), { status: stored.on ? 'New plan. It is kept in this browser as you go: save a version to keep it on the service.' : 'New plan. It is kept in this browser as you go.' });
  });
  $('save-plan').addEventListener('click', savePlanFile);
  $('show-child').addEventListener('click', () => child.open({ ...app.childOptions, opener: $('show-child') }));
  $('clear-draft').addEventListener('click', () => {
    if (!window.confirm('Clear the draft from this browser? The plan on the page is removed. Save the plan file first if you need it.')) return;
    clearTimeout(saveTimer);
    clearDraft();
    app.plan = blankPlan();
    showStart();
    $('start-new').focus();
  });
  $('todo-show').addEventListener('click', () => {
    app.revealAll = true;
    showProblems();
    $('error-summary').focus();
  });
  // The last edit is kept even when the tab is closed within the debounce.
  window.addEventListener('pagehide', () => {
    if ($('app').hidden || (app.stored && app.stored.readOnly)) return;
    clearTimeout(saveTimer);
    try { saveDraftNow(app.plan, app.uploads, draftMeta()); } catch { /* no room: the last save stands */ }
  });
  stored.wire();
  const syncNav = () => { $('sections-nav').open = !narrow.matches; };
  narrow.addEventListener('change', syncNav);
  syncNav();
}

// The plan format, to offer only the fields this service knows.
try {
  const res = await fetch('/v1/schema');
  app.schema = res.ok ? await res.json() : null;
} catch {
  app.schema = null;
}
wire();
await stored.init();
showStart();
