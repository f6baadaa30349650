// The Documents section: preview each document in the page (the browser's
// own PDF viewer, in an iframe of a blob: URL) and download it, or all of
// them as a zip. Every document is made afresh from the plan on the page.

import { h, saveBlob } from './util.js';
import { post } from './api.js';

let previewURL = '';

function docs(app) {
  const p = app.plan;
  const people = (p.people || []).filter((x) => x.id);
  const meetings = (p.meetings || []).filter((m) => m.id);
  return [
    { id: 'worker', title: "Adult safety plan: worker's copy",
      desc: 'Everything, with everyone\u2019s contact details, for the case file. It carries the plan inside it, so you can open it here at the next review.',
      url: () => '/v1/documents/adult-plan?audience=worker' },
    { id: 'network', title: 'Adult safety plan: network copy',
      desc: 'For the family and the network. Contact details only of people who agreed to share them.',
      url: () => '/v1/documents/adult-plan?audience=network' },
    { id: 'person', title: "A network member's own copy",
      desc: 'Opens with "Your part in the plan": what they agreed to do, when, and who backs them up.',
      choose: { label: 'Whose copy', options: people.map((x) => [x.id, x.known_as && x.known_as !== x.name ? `${x.name} (${x.known_as})` : x.name]) },
      url: (v) => `/v1/documents/adult-plan?for=${encodeURIComponent(v)}`, needs: 'Add the people in the plan first.' },
    { id: 'outcome', title: 'Meeting outcome form',
      desc: `For upload to ${p.case && p.case.record_system === 'EHM' ? 'EHM' : 'LCS or EHM'} within five working days of the meeting. When no meeting was held, the record of the reason.`,
      choose: meetings.length ? { label: 'Which meeting', options: meetings.map((m, i) => [m.id, `Meeting ${i + 1}${m.date ? ': ' + m.date.split('-').reverse().join('/') : ''}`]) } : null,
      url: (v) => '/v1/documents/meeting-outcome' + (v ? `?meeting=${encodeURIComponent(v)}` : '') },
    { id: 'words', title: 'Words and Pictures, for the children',
      desc: 'The explanation and the picture safety plan, in big print with pictures. A child\u2019s copy never shows contact details of anyone who has not agreed to share them.',
      choose: { label: 'Which part', options: [['both', 'Both parts'], ['explanation', 'Part one: the explanation'], ['safety-plan', 'Part two: the safety plan']] },
      choose2: { label: 'Phone numbers', options: [['shared', 'Only of people who agreed to share them'], ['none', 'None at all']] },
      url: (v, v2) => `/v1/documents/words-and-pictures?part=${v || 'both'}&contacts=${v2 || 'shared'}` },
  ];
}

function message(res) {
  if (res.status === 422) return 'The plan has problems, so this document cannot be made yet. They are listed at the top of the page.';
  if (res.status === 404 || res.status === 405) return 'This service does not make this document yet.';
  if (res.status === 413) return res.detail || 'The plan and its pictures are too large: use smaller photos.';
  if (res.status === 0) return res.detail;
  return `The document could not be made: ${res.detail || 'the service answered ' + res.status}.`;
}

/** documentsPanel builds the contents of the Documents section. */
export function documentsPanel(app) {
  const status = h('p', { class: 'doc-status', id: 'doc-status', role: 'status', 'aria-live': 'polite' });
  const previewBox = h('div', { class: 'preview', id: 'preview', hidden: true });

  async function fetchDoc(d, values, button) {
    const url = d.url(...values);
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    status.textContent = `Making the ${d.title.toLowerCase()}…`;
    status.className = 'doc-status';
    try {
      const res = await post(url, app.plan, app.uploads, { expect: 'blob' });
      if (!res.ok) {
        status.textContent = message(res);
        status.className = 'doc-status doc-status--error';
        if (res.status === 422) app.showInputProblems(res.problems, { reveal: true, focusSummary: true });
        return null;
      }
      status.textContent = `${d.title} is ready: ${res.filename}.`;
      return res;
    } finally {
      button.disabled = false;
      button.removeAttribute('aria-busy');
    }
  }

  function showPreview(d, res) {
    if (previewURL) URL.revokeObjectURL(previewURL);
    previewURL = URL.createObjectURL(new Blob([res.blob], { type: 'application/pdf' }));
    const heading = h('h2', { class: 'heading-m', id: 'preview-title', tabindex: '-1', text: `Preview: ${d.title}` });
    const dl = h('a', { class: 'button', id: 'preview-download', href: previewURL, download: res.filename, text: `Download ${res.filename}` });
    const close = h('button', { type: 'button', class: 'button button--secondary', text: 'Close the preview',
      onclick: () => { previewBox.hidden = true; previewBox.replaceChildren(); URL.revokeObjectURL(previewURL); previewURL = ''; } });
    const viewer = navigator.pdfViewerEnabled === false
      ? h('p', { class: 'notice', text: 'This browser cannot show a PDF inside the page: download it to look at it.' })
      : h('iframe', { class: 'preview__frame', id: 'preview-frame', src: previewURL, title: `Preview of the ${d.title.toLowerCase()}` });
    previewBox.replaceChildren(heading, h('div', { class: 'button-row' }, dl, close), viewer);
    previewBox.hidden = false;
    heading.focus();
  }

  const rows = docs(app).map((d) => {
    const sel = (c, n) => {
      if (!c) return null;
      const id = `doc-${d.id}-${n}`;
      return h('div', { class: 'field field--inline' },
        h('label', { class: 'label label--small', for: id, text: c.label }),
        h('select', { id, class: 'select' }, c.options.map(([v, l]) => h('option', { value: v, text: l }))));
    };
    const s1 = sel(d.choose, 1);
    const s2 = sel(d.choose2, 2);
    const values = () => [s1 && s1.querySelector('select').value, s2 && s2.querySelector('select').value];
    const disabled = d.choose && d.choose.options.length === 0;
    const preview = h('button', { type: 'button', class: 'button button--secondary', id: `doc-${d.id}-preview`, text: 'Preview',
      'aria-label': `Preview ${docName(d.title)}`, disabled });
    const download = h('button', { type: 'button', class: 'button', id: `doc-${d.id}-download`, text: 'Download',
      'aria-label': `Download ${docName(d.title)}`, disabled });
    preview.addEventListener('click', async () => {
      const res = await fetchDoc(d, values(), preview);
      if (res) showPreview(d, res);
    });
    download.addEventListener('click', async () => {
      const res = await fetchDoc(d, values(), download);
      if (res) saveBlob(res.blob, res.filename);
    });
    return h('li', { class: 'doc' },
      h('h2', { class: 'heading-s doc__title', text: d.title }),
      h('p', { class: 'doc__desc', text: d.desc }),
      disabled ? h('p', { class: 'hint', text: d.needs }) : null,
      h('div', { class: 'doc__controls' }, s1, s2, h('div', { class: 'button-row' }, preview, download)));
  });

  const zipDoc = { id: 'all', title: 'All the documents (zip)', url: () => '/v1/documents' };
  const zip = h('button', { type: 'button', class: 'button', id: 'doc-all-download', text: 'Download all as a zip' });
  zip.addEventListener('click', async () => {
    const res = await fetchDoc(zipDoc, [], zip);
    if (res) saveBlob(res.blob, res.filename || 'documents.zip');
  });

  return h('div', { class: 'documents' },
    h('div', { class: 'documents__all' },
      h('p', {}, 'Every document for this plan in one file, with a list of them: the worker\u2019s copy of the adult plan, the children\u2019s Words and Pictures, and an outcome form for each meeting (or the rationale record). Network members\u2019 own copies are made one at a time, below.'),
      zip),
    status,
    h('ul', { class: 'docs' }, rows),
    previewBox);
}


/** docName is a document's title as it reads after "Preview": "the worker's copy", "a network member's own copy". */
function docName(title) {
  const t = title.charAt(0).toLowerCase() + title.slice(1);
  return /^(a|an|the|all)\s/.test(t) ? t : `the ${t}`;
}
