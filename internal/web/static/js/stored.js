// Plans kept by the service (when it runs with a store): the caseload,
// saving versions (and what to do when someone else saved first), the
// versions, shares and audit trail of a plan, and deleting it.

import { h, ukDate, plural } from './util.js';
import { body, answer, clean } from './api.js';
import { dataURLToBlob } from './store.js';
import { sections } from './sections.js';

const $ = (id) => document.getElementById(id);

const statusText = { met: 'Met', missed: 'Missed', due: 'Due', overdue: 'Overdue' };
const teamText = { area: 'Area', dcs: 'Disabled children', through_care: 'Through care', fif: 'Families in Focus', pathway_decision: 'Pathway decision' };
const docText = { 'adult-plan': 'Their own copy of the safety plan', 'words-and-pictures': 'The children\u2019s Words and Pictures' };
const actionText = {
  save: 'saved', share: 'shared', view: 'opened with the code', download: 'downloaded', failed_code: 'a wrong code was given',
  revoke: 'withdrew a share', delete: 'deleted the plan', locked: 'locked after five wrong codes',
};

async function getJSON(url, opts = {}) {
  let res;
  try {
    res = await fetch(url, { credentials: 'same-origin', ...opts });
  } catch {
    return { ok: false, status: 0, detail: 'The service could not be reached. Check the connection and try again.' };
  }
  if (res.status === 204) return { ok: true, status: 204 };
  return answer(res);
}

/** when writes a time as 22 November 2026 at 10:03, in this browser's zone. */
export function when(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  const p = (n) => String(n).padStart(2, '0');
  return `${ukDate(`${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`)} at ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** daysText says how a deadline stands, in words. */
export function daysText(d) {
  if (!d) return 'Nothing due';
  const unit = d.kind === 'outcome' ? 'working day' : 'day';
  if (d.status === 'due') return d.days_left ? `${plural(d.days_left, unit)} left` : 'Due today';
  if (d.status === 'overdue') return d.days_late ? `${plural(d.days_late, unit)} overdue` : 'Overdue';
  return statusText[d.status] || d.status;
}

/** shareState is what the worker sees of a share: sent, opened, locked, expired or withdrawn. */
export function shareState(x) {
  switch (x.status) {
    case 'revoked': return 'withdrawn';
    case 'locked': return 'locked';
    case 'expired': return 'expired';
    default: return x.opened_at ? 'opened' : 'sent';
  }
}

/**
 * createStored adds the store to the page. hooks are the page's own:
 * start(plan, uploads, opts), problems(list, opts), saveFile(), home().
 */
export function createStored(app, hooks) {
  const st = {
    info: null,
    filter: 'mine',
    seq: 0,

    get on() { return !!(this.info && this.info.store); },

    async init() {
      const res = await getJSON('/v1/service');
      this.info = res.ok ? res.json : { store: false };
      $('no-store-note').hidden = this.on;
      $('caseload').hidden = !this.on;
      $('save-version').hidden = !this.on;
      $('caseload-open').hidden = !this.on;
    },

    // ---------------------------------------------------------- caseload

    async showCaseload() {
      if (!this.on) return;
      const box = $('caseload-body');
      const my = ++this.seq; // only the newest request is shown
      const filter = this.filter;
      delete box.dataset.loaded;
      box.replaceChildren(h('p', { class: 'hint', text: 'Loading the caseload\u2026' }));
      const q = filter === 'mine' ? '?mine=1' : filter === 'all' ? '' : `?team=${encodeURIComponent(filter)}`;
      const res = await getJSON('/v1/plans' + q);
      if (my !== this.seq) return;
      box.dataset.loaded = filter;
      if (!res.ok) {
        box.replaceChildren(h('p', { class: 'notice notice--error', role: 'alert', text: `The caseload could not be loaded: ${res.detail}` }));
        return;
      }
      const plans = res.json.plans || [];
      if (!plans.length) {
        box.replaceChildren(h('p', { text: this.filter === 'mine' ? 'You have not saved any plans yet. Start one below, and save it to see it here.' : 'No plans saved yet.' }));
        return;
      }
      box.replaceChildren(labelled(h('table', { class: 'table', id: 'caseload-table' },
        h('caption', { class: 'visually-hidden', text: 'Plans, with the next Practice Direction deadline of each' }),
        h('thead', {}, h('tr', {}, [...['Case', 'Children', 'Next deadline', 'Days left', 'Last saved'].map((t) => h('th', { scope: 'col', text: t })), actionHeader()])),
        h('tbody', {}, plans.map((p) => {
          const d = p.next;
          return h('tr', { dataset: { plan: p.plan_id } },
            h('td', {}, h('strong', { text: p.reference || 'No reference' }), h('br'), h('span', { class: 'hint', text: teamText[p.team] || p.team })),
            h('td', { text: (p.children || []).join(', ') || '\u2013' }),
            h('td', {}, d ? [d.label, h('br'), h('span', { class: 'hint', text: `due ${ukDate(d.due)}` })] : 'Nothing due'),
            h('td', {}, d ? h('span', { class: `tag tag--${d.status}`, text: daysText(d) }) : '\u2013'),
            h('td', { text: `${when(p.saved_at)} by ${p.saved_by} (version ${p.version})` }),
            h('td', {}, h('button', { type: 'button', class: 'button button--secondary button--small', text: 'Open',
              'aria-label': `Open ${p.reference || 'the plan'}${p.children && p.children.length ? ' (' + p.children.join(', ') + ')' : ''}`,
              onclick: () => this.open(p.plan_id) })));
        })))));
    },

    // ---------------------------------------------------------- open, save

    /** open loads a stored plan (its latest version, or version v read-only). */
    async open(id, v) {
      const res = await getJSON(`/v1/plans/${encodeURIComponent(id)}${v ? `?version=${v}` : ''}`);
      if (!res.ok) {
        hooks.problems([{ path: '', code: 'service', message: `The plan could not be opened: ${res.detail}` }], { focusSummary: true });
        return false;
      }
      const j = res.json;
      const uploads = new Map();
      for (const [n, b64] of Object.entries(j.uploads || {})) uploads.set(n, dataURLToBlob(b64));
      const readOnly = j.version !== j.latest;
      app.stored = { id: j.plan_id, version: j.version, latest: j.latest, savedBy: j.saved_by, savedAt: j.saved_at, readOnly, base: clean(j.plan) };
      hooks.start(j.plan, uploads, {
        reveal: true,
        status: readOnly ? '' : `Opened version ${j.version}, saved ${when(j.saved_at)} by ${j.saved_by}.`,
      });
      this.banner();
      return true;
    },

    /** banner shows which version is on the page, and locks an old one. */
    banner() {
      const s = app.stored;
      const b = $('version-banner');
      b.hidden = !(s && s.readOnly);
      $('save-version').hidden = !this.on || !!(s && s.readOnly);
      $('history-open').hidden = !s;
      if (s && s.readOnly) {
        b.replaceChildren(
          h('p', {}, h('strong', { text: `Version ${s.version} of ${s.latest}, read only. ` }), `Saved ${when(s.savedAt)} by ${s.savedBy}.`),
          h('button', { type: 'button', class: 'button button--secondary button--small', id: 'back-to-latest', text: 'Open the latest version', onclick: () => this.open(s.id) }));
      }
      lock(s && s.readOnly);
    },

    async save() {
      if (!this.on || (app.stored && app.stored.readOnly)) return;
      const s = app.stored;
      const b = body(app.plan, app.uploads);
      const url = s ? `/v1/plans/${encodeURIComponent(s.id)}?base=${s.latest}` : '/v1/plans';
      setStatus('Saving\u2026');
      const res = await getJSON(url, { method: s ? 'PUT' : 'POST', body: b.body, headers: b.headers });
      if (res.ok) {
        app.stored = { id: res.json.plan_id, version: res.json.version, latest: res.json.version, savedBy: res.json.saved_by, savedAt: res.json.saved_at, readOnly: false, base: clean(app.plan) };
        $('conflict').hidden = true;
        setStatus(`Saved as version ${res.json.version} ${when(res.json.saved_at)}.`);
        this.banner();
        hooks.saved();
        return;
      }
      if (res.status === 409 && s) {
        setStatus('Not saved: someone else saved this plan first.');
        await this.conflict();
        return;
      }
      if (res.status === 422) {
        setStatus('Not saved: the plan has problems to fix first.');
        hooks.problems(res.problems, { reveal: true, focusSummary: true });
        return;
      }
      setStatus(`Not saved: ${res.detail}`);
    },

    /** conflict says what changed in the newer version and offers both ways on. */
    async conflict() {
      const s = app.stored;
      const res = await getJSON(`/v1/plans/${encodeURIComponent(s.id)}`);
      if (!res.ok) return;
      const theirs = res.json;
      const changed = changedSections(s.base, clean(theirs.plan));
      const box = $('conflict');
      box.replaceChildren(
        h('h2', { class: 'heading-m', id: 'conflict-title', text: 'Someone else saved this plan while you were working on it' }),
        h('p', { text: `Version ${theirs.version} was saved ${when(theirs.saved_at)} by ${theirs.saved_by}. You were working on version ${s.latest}.` }),
        changed.length ? h('div', {}, h('p', { text: 'Their version changed:' }), h('ul', { id: 'conflict-changes' }, changed.map((t) => h('li', { text: t }))))
          : h('p', { text: 'Their version changed nothing that the page shows.' }),
        h('p', { text: 'Nothing is lost either way: versions are never overwritten.' }),
        h('div', { class: 'button-row' },
          h('button', { type: 'button', class: 'button', id: 'conflict-keep', text: `Save mine as version ${theirs.version + 1}, on top of theirs`,
            onclick: () => { s.latest = theirs.version; s.base = clean(theirs.plan); this.save(); } }),
          h('button', { type: 'button', class: 'button button--secondary', id: 'conflict-reload', text: 'Open their version (mine is downloaded as a plan file first)',
            onclick: async () => { await hooks.saveFile(); box.hidden = true; this.open(s.id); } })));
      box.hidden = false;
      box.focus();
    },

    // ---------------------------------------------------------- share and history

    async showHistory() {
      const s = app.stored;
      if (!s) return;
      const view = $('history');
      const id = encodeURIComponent(s.id);
      const [versions, shares, audit, changes] = await Promise.all([
        getJSON(`/v1/plans/${id}/versions`), getJSON(`/v1/plans/${id}/shares`), getJSON(`/v1/plans/${id}/audit`), getJSON(`/v1/plans/${id}/changes?version=${s.version}`)]);
      const names = (app.plan.children || []).map((c) => c.known_as || c.name).filter(Boolean).join(', ');
      $('history-title').textContent = `Share and history: ${app.plan.case.reference || 'this plan'}${names ? ` (${names})` : ''}`;
      const vs = versions.ok ? versions.json.versions : [];
      $('history-versions').replaceChildren(
        labelled(h('table', { class: 'table', id: 'versions-table' },
          h('caption', { class: 'visually-hidden', text: 'Versions of the plan' }),
          h('thead', {}, h('tr', {}, [...['Version', 'Saved', 'By'].map((t) => h('th', { scope: 'col', text: t })), actionHeader()])),
          h('tbody', {}, vs.slice().reverse().map((v) => h('tr', {},
            h('td', { text: `${v.version}${v.version === vs.length ? ' (latest)' : ''}` }),
            h('td', { text: when(v.saved_at) }),
            h('td', { text: v.saved_by }),
            h('td', {}, v.version === s.version ? h('span', { class: 'hint', text: 'On the page' })
              : h('button', { type: 'button', class: 'button button--secondary button--small', text: v.version === vs.length ? 'Open' : 'Open read only',
                'aria-label': v.version === vs.length ? `Open version ${v.version}, the latest` : `Open read only: version ${v.version}`, onclick: async () => { if (await this.open(s.id, v.version === vs.length ? 0 : v.version)) this.closeHistory(); } }))))))),
        changesList(changes.ok ? changes.json : null, app));
      const list = shares.ok ? shares.json.shares : [];
      this.renderShares(list);
      const byShare = new Map(list.map((x) => [x.share.id, x.share]));
      $('history-audit').replaceChildren(audit.ok ? h('ol', { class: 'audit', id: 'audit-list' }, audit.json.events.map((e) => h('li', {},
        h('span', { class: 'audit__when', text: when(e.at) }), ' ', auditLine(e, app, byShare)))) : h('p', { text: 'The audit trail could not be loaded.' }));
      this.shareForm();
      $('delete-consequences').hidden = true;
      $('app').hidden = true;
      $('toolbar').hidden = true;
      view.hidden = false;
      window.scrollTo(0, 0);
      $('history-title').focus();
    },

    closeHistory() {
      $('history').hidden = true;
      $('app').hidden = false;
      $('toolbar').hidden = false;
      $('history-open').focus();
    },

    shareForm() {
      const people = (app.plan.people || []).filter((p) => p.id && p.name);
      $('share-person').replaceChildren(h('option', { value: '', text: 'Choose who it is for' }),
        ...people.map((p) => h('option', { value: p.id, text: p.relationship ? `${p.name} (${p.relationship})` : p.name })));
      $('share-result').hidden = true;
      $('share-error').hidden = true;
    },

    async share() {
      const s = app.stored;
      const person = $('share-person').value;
      const doc = (document.querySelector('input[name="share-document"]:checked') || {}).value;
      const err = $('share-error');
      if (!person || !doc) {
        err.textContent = !person ? 'Choose who the copy is for' : 'Choose which document to share';
        err.hidden = false;
        (!person ? $('share-person') : $('share-document-adult')).focus();
        return;
      }
      err.hidden = true;
      const res = await getJSON(`/v1/plans/${encodeURIComponent(s.id)}/shares`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ person, document: doc, version: s.version }),
      });
      if (!res.ok) {
        err.textContent = `Not shared: ${res.detail}`;
        err.hidden = false;
        return;
      }
      const j = res.json;
      const name = app.personName(person);
      $('share-link').value = j.link;
      $('share-code').textContent = j.code;
      $('share-result-who').textContent = `${docText[doc]} for ${name}, until ${when(j.expires_at)}.`;
      $('slip-name').textContent = name;
      $('slip-link').textContent = j.link;
      $('slip-expires').textContent = `The link works until ${when(j.expires_at)}.`;
      $('share-result').hidden = false;
      $('share-result-title').focus();
      const shares = await getJSON(`/v1/plans/${encodeURIComponent(s.id)}/shares`);
      if (shares.ok) this.renderShares(shares.json.shares);
    },

    renderShares(list) {
      const box = $('history-shares');
      if (!list.length) {
        box.replaceChildren(h('p', { text: 'Nothing has been shared from this plan yet.' }));
        return;
      }
      box.replaceChildren(labelled(h('table', { class: 'table', id: 'shares-table' },
        h('caption', { class: 'visually-hidden', text: 'Copies shared, and how each stands' }),
        h('thead', {}, h('tr', {}, [...['For', 'Document', 'Sent', 'Status'].map((t) => h('th', { scope: 'col', text: t })), actionHeader()])),
        h('tbody', {}, list.slice().reverse().map((x) => {
          const state = shareState(x);
          return h('tr', { dataset: { share: x.share.id } },
            h('td', { text: app.personName(x.share.person) }),
            h('td', { text: `${docText[x.share.document] || x.share.document}, version ${x.share.version}` }),
            h('td', { text: `${when(x.share.created_at)} by ${x.share.created_by}` }),
            h('td', {}, h('span', { class: `tag tag--share-${state}`, text: state }),
              state === 'opened' ? h('span', { class: 'hint', text: ` ${when(x.opened_at)}` }) : null),
            h('td', {}, x.status === 'active' ? h('button', { type: 'button', class: 'button button--warning button--small', text: 'Withdraw',
              'aria-label': `Withdraw ${app.personName(x.share.person)}\u2019s link`, onclick: () => this.withdraw(x.share.id) }) : null));
        })))));
    },

    async withdraw(shareID) {
      const s = app.stored;
      const res = await getJSON(`/v1/plans/${encodeURIComponent(s.id)}/shares/${encodeURIComponent(shareID)}`, { method: 'DELETE' });
      const shares = await getJSON(`/v1/plans/${encodeURIComponent(s.id)}/shares`);
      if (shares.ok) this.renderShares(shares.json.shares);
      $('shares-status').textContent = res.ok ? 'The link was withdrawn: it no longer opens the document.' : `Not withdrawn: ${res.detail}`;
    },

    async askDelete() {
      const s = app.stored;
      const id = encodeURIComponent(s.id);
      const [versions, shares] = await Promise.all([getJSON(`/v1/plans/${id}/versions`), getJSON(`/v1/plans/${id}/shares`)]);
      const n = versions.ok ? versions.json.versions.length : 0;
      const live = shares.ok ? shares.json.shares.filter((x) => x.status === 'active') : [];
      $('delete-list').replaceChildren(
        h('li', { text: `All ${plural(n, 'version')} of the plan, with their photos and drawings, are deleted from the service.` }),
        h('li', { text: live.length ? `${plural(live.length, 'link')} still working will stop working at once: ${live.map((x) => app.personName(x.share.person)).join(', ')}.` : 'No shared link is still working.' }),
        h('li', { text: 'The audit trail of who saved, shared and opened it is kept.' }),
        h('li', { text: 'Documents already downloaded or printed are not affected. Save the plan file first if the case record needs it.' }),
        h('li', {}, h('strong', { text: 'This cannot be undone.' })));
      $('delete-consequences').hidden = false;
      $('delete-consequences-title').focus();
    },

    async confirmDelete() {
      const s = app.stored;
      const res = await getJSON(`/v1/plans/${encodeURIComponent(s.id)}`, { method: 'DELETE' });
      if (!res.ok) {
        $('delete-status').textContent = `Not deleted: ${res.detail}`;
        return;
      }
      app.stored = null;
      $('history').hidden = true;
      hooks.home('The plan was deleted, with all its versions; its shared links no longer work. Its audit trail is kept.');
    },

    wire() {
      $('save-version').addEventListener('click', () => this.save());
      $('history-open').addEventListener('click', () => this.showHistory());
      $('history-back').addEventListener('click', () => this.closeHistory());
      $('caseload-open').addEventListener('click', () => hooks.home(''));
      $('caseload-filter').addEventListener('change', (e) => { this.filter = e.target.value; this.showCaseload(); });
      $('share-make').addEventListener('click', () => this.share());
      $('share-copy-link').addEventListener('click', () => copy($('share-link').value, 'The link is copied.'));
      $('share-copy-code').addEventListener('click', () => copy($('share-code').textContent, 'The code is copied.'));
      $('share-print').addEventListener('click', () => {
        document.body.classList.add('printing-slip');
        window.print();
        document.body.classList.remove('printing-slip');
      });
      $('delete-ask').addEventListener('click', () => this.askDelete());
      $('delete-cancel').addEventListener('click', () => { $('delete-consequences').hidden = true; $('delete-ask').focus(); });
      $('delete-confirm').addEventListener('click', () => this.confirmDelete());
    },
  };
  return st;
}

/** labelled gives each cell its column's heading, shown before it when a narrow screen stacks the table. */
function labelled(table) {
  const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
  for (const tr of table.querySelectorAll('tbody tr')) {
    [...tr.children].forEach((td, i) => { if (heads[i] && heads[i] !== 'Action') td.dataset.label = heads[i]; });
  }
  return table;
}

function actionHeader() { return h('th', { scope: 'col' }, h('span', { class: 'visually-hidden', text: 'Action' })); }

function setStatus(t) { $('draft-status').textContent = t; }

async function copy(text, done) {
  try {
    await navigator.clipboard.writeText(text);
    $('share-copied').textContent = done;
  } catch {
    $('share-copied').textContent = 'Copying is not allowed here: select the text and copy it.';
  }
}

/** lock makes the plan's fields read only (an old version), or editable. */
export function lock(on) {
  const box = $('sections');
  box.classList.toggle('sections--read-only', !!on);
  for (const el of box.querySelectorAll('input, select, textarea, button')) {
    if (el.closest('.pager')) continue;
    if (on) el.setAttribute('disabled', '');
    else el.removeAttribute('disabled');
  }
}

/** changedSections names the sections of the page whose content differs. */
export function changedSections(a, b) {
  const pick = (p, path) => JSON.stringify(path.split('.').reduce((v, k) => (v == null ? v : v[k]), p) ?? null);
  return sections.filter((s) => (s.paths || []).some((path) => pick(a || {}, path) !== pick(b || {}, path))).map((s) => s.title);
}

function ruleText(r, app) {
  const who = (r.who || []).map((x) => app.personName(x)).join(' and ');
  return `${r.when ? r.when + ': ' : ''}${r.then}${who ? ` (${who})` : ''}`;
}

function changesList(ch, app) {
  const title = h('h3', { class: 'heading-s', text: 'What changed since the last review' });
  if (!ch || !ch.since_version) return h('div', { id: 'changes' }, title, h('p', { text: 'This version has no earlier review to compare with.' }));
  const items = [
    ...(ch.added || []).map((r) => `New rule: ${ruleText(r, app)}`),
    ...(ch.changed || []).map((r) => `Changed rule, as it is now: ${ruleText(r, app)}`),
    ...(ch.removed || []).map((r) => `Rule no longer in the plan: ${ruleText(r, app)}`),
    ...(ch.new_ratings || []).map((x) => `New safety scale score: ${app.personName(x.by)} gave ${x.score} on ${ukDate(x.date)}`),
  ];
  return h('div', { id: 'changes' }, title,
    h('p', { class: 'hint', text: `Version ${ch.version} compared with the plan of ${ukDate(ch.since_date)} (review version ${ch.since_version}). The adult plan says the same.` }),
    items.length ? h('ul', {}, items.map((t) => h('li', { text: t }))) : h('p', { text: 'No rule or score changed.' }));
}

function auditLine(e, app, byShare) {
  const sh = e.share_id && byShare.get(e.share_id);
  const forWhom = sh ? app.personName(sh.person) : 'someone';
  const doc = sh && sh.document === 'words-and-pictures' ? 'the children\u2019s Words and Pictures' : 'their copy';
  let who = e.by === 'retention' ? 'The retention rule' : e.by;
  if (e.by.startsWith('share:')) who = forWhom;
  if (e.by === 'link') who = `Someone with ${forWhom}\u2019s link`;
  let what = actionText[e.action] || e.action;
  if (e.action === 'save') what = `saved version ${e.version}`;
  if (e.action === 'share') what = `shared version ${e.version} with ${forWhom}: ${doc}`;
  if (e.action === 'view') what = `opened ${doc}`;
  if (e.action === 'download') what = `downloaded ${doc}`;
  if (e.action === 'revoke') what = `withdrew ${forWhom}\u2019s link`;
  return `${who} ${what}.`;
}

export { getJSON };
