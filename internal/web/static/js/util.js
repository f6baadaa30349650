// Small helpers shared by the page's modules: building elements, JSON paths,
// ids made from names, labels for the plan's fixed values, and UK dates.

/** h builds an element: h('p', {class: 'hint', text: 'Hello'}, child, ...). */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'value' || k === 'checked' || k === 'selected' || k === 'disabled' || k === 'hidden' || k === 'open') el[k] = v;
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.appendChild(c);
    else el.appendChild(document.createTextNode(String(c)));
  }
}

/** parsePath turns "plan.rules[0].who[1]" into ["plan","rules",0,"who",1]. */
export function parsePath(s) {
  const out = [];
  if (s.startsWith('uploads.')) return ['uploads', s.slice('uploads.'.length)];
  s.replace(/([^.[\]]+)|\[(\d+)\]/g, (m, key, idx) => {
    out.push(idx !== undefined ? Number(idx) : key);
    return m;
  });
  return out;
}

/** pathStr is the inverse of parsePath, in the service's spelling. */
export function pathStr(parts) {
  let s = '';
  for (const k of parts) {
    if (typeof k === 'number') s += `[${k}]`;
    else s += (s ? '.' : '') + k;
  }
  return s;
}

/** fieldId is the element id of the control for a path. */
export function fieldId(parts) {
  return 'f-' + pathStr(parts).replace(/[^A-Za-z0-9]/g, '-');
}

export function getAt(obj, parts) {
  let v = obj;
  for (const k of parts) {
    if (v === null || v === undefined) return undefined;
    v = v[k];
  }
  return v;
}

export function setAt(obj, parts, value) {
  let v = obj;
  for (let i = 0; i < parts.length - 1; i++) {
    const k = parts[i];
    if (v[k] === null || v[k] === undefined || typeof v[k] !== 'object') {
      v[k] = typeof parts[i + 1] === 'number' ? [] : {};
    }
    v = v[k];
  }
  v[parts[parts.length - 1]] = value;
}

const special = { 'ł': 'l', 'Ł': 'l', 'ø': 'o', 'Ø': 'o', 'æ': 'ae', 'Æ': 'ae', 'ß': 'ss', 'đ': 'd', 'Đ': 'd', 'þ': 'th', 'ð': 'd', 'œ': 'oe' };

/** slug makes an id from a name: "Siân Prosser" → "sian-prosser". */
export function slug(name, fallback) {
  const s = String(name || '')
    .replace(/[łŁøØæÆßđĐþðœ]/g, (c) => special[c])
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
    .slice(0, 40).replace(/-+$/, '');
  return s || fallback;
}

/** uniqueId returns base, or base-2, base-3…, whichever is not taken. */
export function uniqueId(base, taken) {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }
}

/** allIds lists every id in the plan: ids are unique across the whole plan. */
export function allIds(plan) {
  const ids = new Set();
  const add = (x) => { if (x && x.id) ids.add(x.id); };
  add(plan.case && plan.case.lead_worker);
  for (const list of [plan.children, plan.people, plan.meetings,
    plan.assessment && plan.assessment.worries, plan.assessment && plan.assessment.goals,
    plan.plan && plan.plan.rules]) {
    for (const x of list || []) add(x);
  }
  return ids;
}

/** Readers' words for the plan's fixed values (as the documents print them). */
export const labels = {
  area: 'Area social work', dcs: "Disabled Children's Service", through_care: 'Through Care',
  fif: 'Families in Focus', pathway_decision: 'Pathway Decision',
  early_help: 'Early help', child_in_need: 'Child in need', child_protection: 'Child protection',
  child_in_care: 'Child in care', care_leaver: 'Care leaver', assessment: 'Assessment',
  team_manager: 'Team Manager', practice_lead: 'Practice Lead', consultant_social_worker: 'Consultant Social Worker',
  senior_practitioner: 'Senior Practitioner', social_worker: 'Social Worker', family_support_worker: 'Family Support Worker',
  other: 'Other', parent: 'Parent', carer: 'Carer', network: 'Family or friend (network)', professional: 'Professional',
  initial: 'Initial meeting', review: 'Review meeting',
  held: 'Held', planned: 'Planned (not held yet)', cancelled: 'Cancelled',
  phone_calls: 'Phone calls', visits: 'Visits', monitoring: 'Keeping an eye (monitoring)', contact: 'Family time',
  supervision: 'Supervision', transport: 'Transport', respite: 'Respite (a break)',
  diary: 'Diary', journal: 'Journal', text: 'Texts or group chat', call_log: 'Call log', visit: 'Visit',
  LCS: 'LCS', EHM: 'EHM (Early Help Module)',
};

export const enums = {
  record_system: ['LCS', 'EHM'],
  team: ['area', 'dcs', 'through_care', 'fif', 'pathway_decision'],
  framework: ['early_help', 'child_in_need', 'child_protection', 'child_in_care', 'care_leaver', 'assessment'],
  manager_role: ['team_manager', 'practice_lead', 'consultant_social_worker', 'senior_practitioner', 'social_worker', 'family_support_worker', 'other'],
  person_role: ['parent', 'carer', 'network', 'professional'],
  meeting_type: ['initial', 'review'],
  meeting_status: ['held', 'planned', 'cancelled'],
  support: ['phone_calls', 'visits', 'monitoring', 'contact', 'supervision', 'transport', 'respite', 'other'],
  method: ['diary', 'journal', 'text', 'call_log', 'visit', 'other'],
};

export function options(name) {
  return enums[name].map((v) => [v, labels[v] || v]);
}

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** ukDate writes 2026-10-06 as 6 October 2026. */
export function ukDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
  if (!m) return iso || '';
  return `${Number(m[3])} ${months[Number(m[2]) - 1]} ${m[1]}`;
}

/** todayISO is today's date in this browser, as YYYY-MM-DD. */
export function todayISO() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** plural: plural(2, 'problem') → "2 problems". */
export function plural(n, word, many) {
  return `${n} ${n === 1 ? word : (many || word + 's')}`;
}

/** lowerFirst lowers "Date of birth" to "date of birth" but keeps "LCS". */
export function lowerFirst(s) {
  if (!s) return s;
  if (s.length > 1 && s[1] === s[1].toUpperCase() && /[A-Z]/.test(s[1])) return s;
  return s[0].toLowerCase() + s.slice(1);
}

/** debounce delays fn until ms have passed with no new call. */
export function debounce(fn, ms) {
  let t = 0;
  const d = (...args) => {
    clearTimeout(t);
    t = setTimeout(() => fn(...args), ms);
  };
  d.flush = (...args) => { clearTimeout(t); fn(...args); };
  return d;
}

/** saveBlob makes the browser download blob as a file called name. */
export function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, class: 'visually-hidden' });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}
