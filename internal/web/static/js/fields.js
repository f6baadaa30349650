// Form controls built from a small description of each part of the plan
// (see sections.js). Every control is bound to a JSON path of the plan: its
// element id is fieldId(path) and its wrapper carries data-path, so that a
// problem the service reports at a path can be shown next to it.

import { h, pathStr, fieldId, getAt, lowerFirst } from './util.js';
import { confirmRemove } from './sections.js';

/** renderSpec builds the controls for the fields of the object at base. */
export function renderSpec(app, base, spec) {
  const out = [];
  for (const s of spec) {
    if (s.when && !s.when(app, base)) continue;
    const key = s.key === undefined ? [] : Array.isArray(s.key) ? s.key : [s.key];
    out.push(control(app, [...base, ...key], s));
  }
  return out;
}

function control(app, parts, s) {
  switch (s.type) {
    case 'textarea': case 'text': case 'date': case 'time': case 'number': case 'email': case 'tel':
      return textField(app, parts, s);
    case 'select': return selectField(app, parts, s);
    case 'checkbox': return checkboxField(app, parts, s);
    case 'ref': return refField(app, parts, s);
    case 'refs': return refsField(app, parts, s);
    case 'checks': return checksField(app, parts, s);
    case 'picture': return pictureField(app, parts, s);
    case 'strings': return stringsField(app, parts, s);
    case 'group': return groupField(app, parts, s);
    case 'list': return listField(app, parts, s);
    case 'custom': return s.render(app, parts);
    default: throw new Error('unknown field type ' + s.type);
  }
}

function labelText(s) {
  return [s.label, s.req ? null : h('span', { class: 'optional', text: ' (optional)' })];
}

function wrapper(parts, s, { group = false, extraClass = '' } = {}, ...content) {
  const id = fieldId(parts);
  const hint = s.hint ? h('p', { class: 'hint', id: id + '-hint', text: s.hint }) : null;
  const head = group
    ? h('legend', { class: 'label' }, labelText(s))
    : h('label', { class: 'label', for: id }, labelText(s));
  return h(group ? 'fieldset' : 'div', {
    class: `field field--${s.type} ${extraClass}`.trim(),
    dataset: { path: pathStr(parts), label: s.label, kind: s.type },
  }, head, hint, h('div', { class: 'field__errors' }), ...content);
}

function describedBy(s, id) {
  return s.hint ? id + '-hint' : null;
}

function textField(app, parts, s) {
  const id = fieldId(parts);
  const v = app.get(parts);
  const common = {
    id, name: pathStr(parts), autocomplete: s.autocomplete || 'off',
    'aria-describedby': describedBy(s, id), spellcheck: s.type === 'textarea' || s.type === 'text' ? 'true' : null,
  };
  let el;
  if (s.type === 'textarea') {
    el = h('textarea', { ...common, class: 'textarea', rows: s.rows || 3, value: v ?? '' });
  } else {
    el = h('input', {
      ...common, type: s.type, class: `input input--${s.width || (s.type === 'text' || s.type === 'email' ? 'full' : 'short')}`,
      value: v ?? '', min: s.min, max: s.max, inputmode: s.type === 'number' ? 'numeric' : null,
    });
  }
  el.addEventListener('input', () => {
    let val = el.value;
    if (s.type === 'number') val = val === '' ? '' : Number.parseInt(val, 10);
    app.set(parts, val);
    if (s.onInput) s.onInput(app, parts, val);
    app.changed();
  });
  el.addEventListener('change', () => {
    app.touch(pathStr(parts));
    if (s.onCommit) s.onCommit(app, parts, el.value);
    if (s.refresh) app.refresh({ others: true });
  });
  el.addEventListener('blur', () => app.touch(pathStr(parts)));
  return wrapper(parts, s, {}, el);
}

function selectField(app, parts, s) {
  const id = fieldId(parts);
  const cur = app.get(parts) ?? '';
  const opts = typeof s.options === 'function' ? s.options(app, parts) : s.options;
  const known = new Set(opts.map((o) => o[0]));
  const el = h('select', { id, class: 'select', name: pathStr(parts), 'aria-describedby': describedBy(s, id) },
    h('option', { value: '', text: s.placeholder || 'Choose…' }),
    opts.map(([v, l]) => h('option', { value: v, text: l, selected: v === cur })),
    cur && !known.has(cur) ? h('option', { value: cur, text: `${cur} (not in this plan)`, selected: true }) : null);
  el.addEventListener('change', () => {
    app.set(parts, el.value);
    app.touch(pathStr(parts));
    if (s.onCommit) s.onCommit(app, parts, el.value);
    app.changed();
    if (s.refresh) app.refresh(s.refresh === 'all' ? { focus: id } : { others: true });
  });
  return wrapper(parts, s, {}, el);
}

function checkboxField(app, parts, s) {
  const id = fieldId(parts);
  const el = h('input', { type: 'checkbox', id, class: 'checkbox__input', checked: !!app.get(parts), 'aria-describedby': describedBy(s, id) });
  el.addEventListener('change', () => {
    app.set(parts, el.checked);
    app.touch(pathStr(parts));
    app.changed();
    if (s.refresh) app.refresh(s.refresh === 'all' ? { focus: id } : { others: true });
  });
  const hint = s.hint ? h('p', { class: 'hint checkbox__hint', id: id + '-hint', text: s.hint }) : null;
  return h('div', { class: 'field field--checkbox', dataset: { path: pathStr(parts), label: s.label, kind: 'checkbox' } },
    h('div', { class: 'field__errors' }),
    h('div', { class: 'checkbox' }, el, h('label', { class: 'checkbox__label', for: id, text: s.label })), hint);
}

function refField(app, parts, s) {
  const sel = { ...s, type: 'select', options: () => app.refOptions(s.kinds).map((o) => [o.value, o.label]) };
  const el = selectField(app, parts, sel);
  el.dataset.kind = 'ref';
  return el;
}

/** A group of checkboxes: people chosen from a list, never typed. */
function refsField(app, parts, s) {
  const opts = app.refOptions(s.kinds);
  return checkGroup(app, parts, s, opts, opts.length === 0 ? h('p', { class: 'hint' },
    'Nobody to choose yet: add the people in ', app.sectionLink('people', 'Family and network'), ' first.') : null);
}

function checksField(app, parts, s) {
  return checkGroup(app, parts, s, s.options.map(([value, label]) => ({ value, label })), null);
}

function checkGroup(app, parts, s, opts, empty) {
  const id = fieldId(parts);
  const cur = Array.isArray(app.get(parts)) ? app.get(parts) : [];
  const all = [...opts];
  for (const v of cur) {
    if (!opts.some((o) => o.value === v)) all.push({ value: v, label: `"${v}" (not in this plan)` });
  }
  const boxes = all.map((o, i) => {
    const bid = i === 0 ? id : `${id}-${String(o.value).replace(/[^A-Za-z0-9]/g, '-')}`;
    const el = h('input', { type: 'checkbox', id: bid, class: 'checkbox__input', value: o.value, checked: cur.includes(o.value) });
    el.addEventListener('change', () => {
      const now = Array.isArray(app.get(parts)) ? [...app.get(parts)] : [];
      const next = el.checked ? [...now.filter((x) => x !== o.value), o.value] : now.filter((x) => x !== o.value);
      // Keep the order of the list on the page.
      const order = all.map((x) => x.value);
      next.sort((a, b) => order.indexOf(a) - order.indexOf(b));
      app.set(parts, next);
      app.touch(pathStr(parts));
      app.changed();
      if (s.refresh) app.refresh(s.refresh === 'all' ? { focus: bid } : { others: true });
    });
    return h('div', { class: 'checkbox' }, el, h('label', { class: 'checkbox__label', for: bid, text: o.label }));
  });
  return wrapper(parts, s, { group: true }, h('div', { class: `checkboxes${all.length > 4 ? ' checkboxes--columns' : ''}` }, boxes), empty);
}

function pictureField(app, parts, s) {
  const id = fieldId(parts);
  const ref = app.get(parts) || '';
  const url = app.pictureURL(ref, 128);
  const describe = app.describePicture(ref);
  const preview = url
    ? h('img', { class: 'picture__img', src: url, alt: describe, width: 96, height: 96 })
    : h('div', { class: 'picture__none', text: 'No picture' });
  const choose = h('button', {
    type: 'button', class: 'button button--secondary button--small', id,
    'aria-describedby': `${id}-now`,
    text: ref ? 'Change picture' : 'Choose a picture',
    onclick: () => app.openPicker(ref, (picked) => {
      app.set(parts, picked);
      app.touch(pathStr(parts));
      app.changed();
      app.refresh({ focus: id });
    }),
  });
  const remove = ref ? h('button', {
    type: 'button', class: 'button button--link', text: 'Remove picture', 'aria-describedby': `${id}-now`,
    onclick: () => { app.set(parts, ''); app.changed(); app.refresh({ focus: id }); },
  }) : null;
  const now = h('p', { class: 'picture__now', id: `${id}-now`, text: ref ? describe : 'No picture chosen' });
  const wrap = wrapper(parts, { ...s, label: s.label }, { group: true },
    h('div', { class: 'picture' }, preview, h('div', { class: 'picture__actions' }, now, h('div', { class: 'button-row' }, choose, remove))));
  wrap.dataset.kind = 'picture';
  wrap.dataset.value = ref;
  return wrap;
}

function itemButtons(idBase, i, count, noun, onMove, onRemove) {
  const b = (text, suffix, fn, cls) => h('button', { type: 'button', id: `${idBase}-${suffix}`, class: `button button--small ${cls}`, text, onclick: fn });
  const el = h('div', { class: 'item__actions' },
    i > 0 ? b('Move up', 'up', () => onMove(-1), 'button--secondary') : null,
    i < count - 1 ? b('Move down', 'down', () => onMove(1), 'button--secondary') : null,
    b('Remove', 'remove', onRemove, 'button--warning'));
  const relabel = (n) => {
    for (const x of el.children) {
      const what = x.id.slice(idBase.length + 1);
      // The name starts with the words on the button (WCAG 2.5.3, label in name).
      x.setAttribute('aria-label', what === 'remove' ? `Remove ${n}` : `Move ${what}: ${n}`);
    }
  };
  relabel(noun);
  return { el, relabel };
}

/** A list of sentences (bottom lines, red flags…): add, reorder, remove. */
function stringsField(app, parts, s) {
  const id = fieldId(parts);
  const items = Array.isArray(app.get(parts)) ? app.get(parts) : [];
  const rows = items.map((text, i) => {
    const ip = [...parts, i];
    const tid = fieldId(ip);
    const noun = `${s.itemLabel.toLowerCase()} ${i + 1}`;
    const ta = h('textarea', { id: tid, class: 'textarea', rows: s.rows || 2, value: text ?? '', spellcheck: 'true' });
    ta.addEventListener('input', () => { app.set(ip, ta.value); app.changed(); });
    ta.addEventListener('change', () => app.touch(pathStr(ip)));
    const move = (d) => {
      const list = [...app.get(parts)];
      [list[i], list[i + d]] = [list[i + d], list[i]];
      app.set(parts, list);
      app.changed();
      app.refresh({ focus: `${fieldId([...parts, i + d])}-${d < 0 ? 'up' : 'down'}`, fallback: `${fieldId([...parts, i + d])}-${d < 0 ? 'down' : 'up'}` });
    };
    const remove = () => {
      if (String(app.get(ip) || '').trim() && !window.confirm(`Remove ${noun}? What was written in it is deleted.`)) return;
      const list = [...app.get(parts)];
      list.splice(i, 1);
      app.set(parts, list);
      app.changed();
      app.refresh({ focus: `${id}-add` });
    };
    const buttons = itemButtons(tid, i, items.length, noun, move, remove).el;
    return h('li', { class: 'strings__item', dataset: { path: pathStr(ip), label: `${s.itemLabel} ${i + 1}`, kind: 'textarea' } },
      h('label', { class: 'label label--small', for: tid, text: `${s.itemLabel} ${i + 1}` }),
      h('div', { class: 'field__errors' }), ta, buttons);
  });
  const add = h('button', {
    type: 'button', class: 'button button--secondary', id: `${id}-add`,
    text: items.length ? `Add another ${s.itemLabel.toLowerCase()}` : `Add ${s.addArticle || 'a'} ${s.itemLabel.toLowerCase()}`,
    onclick: () => {
      const list = [...(Array.isArray(app.get(parts)) ? app.get(parts) : []), ''];
      app.set(parts, list);
      app.refresh({ focus: fieldId([...parts, list.length - 1]) });
    },
  });
  const w = wrapper(parts, s, { group: true }, rows.length ? h('ol', { class: 'strings' }, rows) : h('p', { class: 'hint', text: s.empty || 'None yet.' }), add);
  return w;
}

function groupField(app, parts, s) {
  const id = fieldId(parts);
  return h('fieldset', { class: 'group', id, dataset: { path: pathStr(parts), label: s.label, kind: 'group' } },
    h('legend', { class: 'group__legend', text: s.label }),
    s.hint ? h('p', { class: 'hint', text: s.hint }) : null,
    h('div', { class: 'field__errors' }),
    renderSpec(app, parts, typeof s.spec === 'function' ? s.spec(app, parts) : s.spec));
}

/** A list of things (people, rules, meetings…): add, reorder, remove. */
export function listField(app, parts, s) {
  const id = fieldId(parts);
  const items = Array.isArray(app.get(parts)) ? app.get(parts) : [];
  const cards = items.map((item, i) => {
    const ip = [...parts, i];
    const title = () => s.title(getAt(app.plan, ip) || {}, i, app);
    const legendText = h('span', { text: title() });
    const noun = () => `${s.noun} ${i + 1}${s.name && s.name(getAt(app.plan, ip) || {}) ? ` (${s.name(getAt(app.plan, ip))})` : ''}`;
    const move = (d) => {
      const list = [...app.get(parts)];
      [list[i], list[i + d]] = [list[i + d], list[i]];
      app.set(parts, list);
      if (s.onReorder) s.onReorder(app);
      app.changed();
      app.refresh({ focus: `${fieldId([...parts, i + d])}-${d < 0 ? 'up' : 'down'}`, fallback: `${fieldId([...parts, i + d])}-${d < 0 ? 'down' : 'up'}` });
    };
    const remove = () => {
      const cur = getAt(app.plan, ip);
      const ok = s.onRemove ? s.onRemove(app, cur) : confirmRemove(app, cur, lowerFirst(noun()));
      if (ok === false) return;
      const list = [...app.get(parts)];
      list.splice(i, 1);
      app.set(parts, list);
      app.changed();
      app.refresh({ focus: `${id}-add` });
    };
    const buttons = itemButtons(fieldId(ip), i, items.length, noun(), move, remove);
    const spec = typeof s.spec === 'function' ? s.spec(app, ip) : s.spec;
    const card = h('fieldset', { class: 'item', id: fieldId(ip), dataset: { path: pathStr(ip), label: title(), kind: 'item' } },
      h('legend', { class: 'item__title' }, legendText),
      h('div', { class: 'field__errors' }),
      renderSpec(app, ip, spec),
      buttons.el);
    card.addEventListener('input', () => {
      legendText.textContent = title();
      card.dataset.label = title();
      buttons.relabel(noun());
    });
    return card;
  });
  const add = h('button', {
    type: 'button', class: 'button button--secondary', id: `${id}-add`,
    text: items.length ? `Add another ${s.noun.toLowerCase()}` : `Add ${s.article || 'a'} ${s.noun.toLowerCase()}`,
    onclick: () => {
      const list = [...(Array.isArray(app.get(parts)) ? app.get(parts) : [])];
      list.push(s.newItem(app));
      app.set(parts, list);
      app.changed();
      const spec = typeof s.spec === 'function' ? s.spec(app, [...parts, list.length - 1]) : s.spec;
      const first = spec.find((x) => x.key !== undefined && !(x.when && !x.when(app, [...parts, list.length - 1])));
      app.refresh({ focus: fieldId([...parts, list.length - 1, first.key]) });
    },
  });
  return h('div', { class: 'list', id, dataset: { path: pathStr(parts), label: s.label || s.noun, kind: 'list' } },
    s.label ? h('h2', { class: 'heading-m', text: s.label }) : null,
    s.hint ? h('p', { class: 'hint', text: s.hint }) : null,
    h('div', { class: 'field__errors' }),
    cards.length ? cards : h('p', { class: 'hint', text: s.empty || 'None yet.' }),
    add);
}
