// "Show to the child": the Words and Pictures, full screen, one page at a
// time, built from the plan itself. Big pictures and words in Andika;
// next and back by arrow keys, taps and swipes; Escape leaves.
//
// Contact details follow the child's copy of the document: a phone number
// is shown only for a person whose share_contact is true, and none at all
// with "no phone numbers". A number of anyone else that is written into
// the text is hidden too.

import { h } from './util.js';

const HIDDEN = '(number not shared)';
const HIDDEN_EMAIL = '(email not shared)';

function who(p) {
  return p.known_as || p.name || '';
}

/** hiddenFromChild: a person's details are in the child's copy only when
 * they share them and hide them from nobody (children pass things on). */
function hiddenFromChild(p, contacts) {
  return contacts === 'none' || !p.share_contact || (p.contact_hidden_from || []).length > 0;
}

/** secrets are the phone numbers and emails the child's copy must not show. */
export function secrets(plan, contacts) {
  const out = [];
  const add = (person, phone, email) => {
    if (phone && phonePattern(phone)) out.push({ person, kind: 'phone', value: phone });
    if (email) out.push({ person, kind: 'email', value: email });
  };
  for (const p of plan.people || []) {
    if (hiddenFromChild(p, contacts)) add(p, p.phone, p.email);
  }
  const lw = (plan.case && plan.case.lead_worker) || {};
  if (contacts === 'none') add(lw, lw.phone, lw.email);
  return out;
}

// SEP and phonePattern are render.PhonePattern's rules, character for
// character (a test compares the two): every way a number is written.
const SEP = '[\\s.\\-()]*';
const joinDigits = (d) => d.split('').join(SEP);

/** phonePattern is the regular expression source matching every written
 * form of the number (national, +44, 0044, +44 (0), brackets, dots,
 * hyphens), or '' for fewer than five digits. */
export function phonePattern(phone) {
  let d = String(phone).replace(/\D/g, '');
  const t = String(phone).trim();
  let intl = false;
  if (t.startsWith('+')) intl = true;
  else if (d.startsWith('00')) { d = d.slice(2); intl = true; }
  if (d.length < 5) return '';
  if (intl && !d.startsWith('44')) return '(?:\\+|00)' + SEP + joinDigits(d);
  let nsn;
  if (intl) nsn = d.slice(2).replace(/^0/, '');
  else if (d.startsWith('0')) nsn = d.slice(1);
  else return joinDigits(d);
  return '(?:(?:\\+|00)' + SEP + '44' + SEP + '(?:\\(0\\)' + SEP + ')?|\\(?0)' + joinDigits(nsn);
}

/** redact hides, in text, every number and email in secrets. */
export function redact(text, sec) {
  if (!text) return text;
  let t = text;
  for (const s of sec) {
    if (s.kind === 'email') t = t.replace(new RegExp(s.value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), HIDDEN_EMAIL);
  }
  const alts = sec.filter((s) => s.kind === 'phone').map((s) => phonePattern(s.value)).filter(Boolean);
  if (!alts.length) return t;
  const re = new RegExp('(^|[^0-9+(])((?:' + alts.join('|') + '))(?=$|[^0-9])', 'g');
  for (let i = 0; i < 10 && re.test(t); i++) {
    re.lastIndex = 0;
    t = t.replace(re, (m, pre) => pre + HIDDEN);
  }
  return t;
}

/** plain drops Markdown marks, which the child's pages do not need. */
function plain(s) {
  return String(s || '').replace(/\*\*|__|\*|_(?=\S)|(?<=\S)_|`/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
}

/** individuals are everyone a plan can name: the lead worker, the children, the people. */
function individuals(plan) {
  const lw = (plan.case && plan.case.lead_worker) || {};
  return [
    { ...lw, share_contact: true, isLead: true },
    ...(plan.children || []).map((c) => ({ ...c, isChild: true })),
    ...(plan.people || []),
  ].filter((x) => x.id);
}

function lookup(plan, id) {
  return individuals(plan).find((x) => x.id === id);
}

/**
 * helpers are the people on the "people who help me" page, as the
 * Words and Pictures document chooses them: the ones the worker listed, or
 * else everyone with a part in a rule or contingency (a parent who does not
 * share their number too: the number is hidden, not the person), or with no
 * rules everyone, and last the lead worker.
 */
export function helpers(plan) {
  const wp = plan.words_and_pictures || {};
  const rules = (plan.plan && plan.plan.rules) || [];
  let ids = [];
  if ((wp.helpers || []).length) ids = wp.helpers;
  else {
    const named = new Set();
    for (const r of rules) for (const id of [...(r.who || []), ...(r.backup || [])]) named.add(id);
    for (const c of (plan.plan && plan.plan.contingencies) || []) for (const id of c.who || []) named.add(id);
    for (const x of plan.people || []) {
      if (named.has(x.id) || rules.length === 0) ids.push(x.id);
    }
    const lw = (plan.case && plan.case.lead_worker) || {};
    if (lw.id) ids.push(lw.id); // the worker comes last, as in the PDF
  }
  const seen = new Set();
  return ids.map((id) => lookup(plan, id)).filter((x) => x && !seen.has(x.id) && seen.add(x.id));
}

// The portraits the book draws from appearance (internal/illustration's
// Look names, built as render/portraits.go builds them), so that the child
// view shows the same pictures: served by /v1/illustrations/NAME.png.
const SKINS = ['very_light', 'light', 'medium_light', 'medium', 'medium_dark', 'dark', 'very_dark'];
const HAIRS = ['bald', 'shaved', 'short', 'curly', 'afro', 'long', 'braids', 'locs', 'bun', 'ponytail', 'bob'];
const HAIR_COLOURS = ['black', 'dark_brown', 'brown', 'auburn', 'red', 'blonde', 'grey', 'white'];
const AGES = ['baby', 'toddler', 'child', 'teenager', 'adult', 'older_adult'];
const COVERINGS = ['hijab', 'turban', 'headscarf', 'kippah', 'cap'];
const ROLES = ['lanyard', 'stethoscope', 'nurse', 'police'];

function lookWord(v, allowed) {
  return allowed.includes(v) ? v.replace(/_/g, '') : 'x';
}

/** roleWear is what someone wears for their work in their portrait. */
function roleWear(x) {
  const w = `${x.relationship || ''} ${x.role || ''}`.toLowerCase();
  if (x.isLead) return 'lanyard';
  if (w.includes('police')) return 'police';
  if (w.includes('nurse') || w.includes('health visitor')) return 'nurse';
  if (w.includes('doctor') || w.includes(' gp') || w.startsWith('gp')) return 'stethoscope';
  if (w.includes('residential') || w.includes('key worker') || w.includes('support worker')) return 'lanyard';
  return '';
}

/** portraitName is the library name of someone's portrait. */
export function portraitName(appearance, role, top) {
  const a = appearance || {};
  const flags = (a.glasses ? 'g' : '') + (a.beard ? 'b' : '') + (a.wheelchair ? 'w' : '') + (a.hearing_aid ? 'h' : '');
  return ['person', `s${SKINS.indexOf(a.skin) + 1}`, lookWord(a.hair, HAIRS), lookWord(a.hair_colour, HAIR_COLOURS),
    lookWord(a.age, AGES), lookWord(a.presentation, ['feminine', 'masculine']), lookWord(a.head_covering, COVERINGS),
    `f${flags}`, lookWord(role, ROLES), `t${top % 8}`, 'x'].join('-');
}

/**
 * withPortraits gives everyone with an appearance and no picture their
 * portrait, and the lead worker with neither a plain outline: never an
 * empty circle.
 */
function withPortraits(plan) {
  const top = new Map(individuals(plan).map((x, k) => [x.id, [k, roleWear(x)]]));
  const drawn = (x) => {
    if (x.picture || !top.has(x.id)) return x;
    const [k, role] = top.get(x.id);
    return x.appearance || role === 'lanyard' && x === lw ? { ...x, picture: `library:${portraitName(x.appearance, role, k)}` } : x;
  };
  const lw = (plan.case && plan.case.lead_worker) || {};
  return { ...plan, case: { ...plan.case, lead_worker: drawn(lw) },
    children: (plan.children || []).map(drawn), people: (plan.people || []).map(drawn) };
}

/**
 * withWorkerName gives the lead worker the one name the children use, as
 * the printed book does (render/wpnames.go): their known_as; else the
 * short form of their first name the child's pages use ("Dan" for
 * Daniel) when they never use the full one; else their first name.
 */
function withWorkerName(plan) {
  const lw = (plan.case && plan.case.lead_worker) || {};
  if (lw.known_as || !lw.name) return plan;
  const first = firstName(lw.name);
  const wp = plan.words_and_pictures || {};
  const texts = [];
  for (const st of [wp.explanation, wp.safety_plan]) {
    if (!st) continue;
    texts.push(st.title || '');
    for (const p of st.pages || []) texts.push(p.text || '');
  }
  for (const r of (plan.plan && plan.plan.rules) || []) texts.push(r.child_words || '');
  const text = texts.join('\n');
  const count = (w) => (text.match(new RegExp(`(^|[^\\p{L}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=$|[^\\p{L}])`, 'gu')) || []).length;
  let known = first;
  const chars = Array.from(first);
  if (chars.length >= 3 && count(first) === 0) {
    let best = 0;
    for (let n = chars.length - 1; n >= 2; n--) {
      const c = count(chars.slice(0, n).join(''));
      if (c > best) { best = c; known = chars.slice(0, n).join(''); }
    }
  }
  return { ...plan, case: { ...plan.case, lead_worker: { ...lw, known_as: known } } };
}

function firstName(name) {
  return String(name || '').trim().split(' ')[0];
}

/** nameOf is the name a child uses: the worker by their first name. */
function nameOf(x) {
  if (x.isLead) return x.known_as || firstName(x.name);
  return x.known_as || x.name;
}

function roleWords(role) {
  if (!role) return 'worker';
  if (/social worker/i.test(role)) return 'social worker';
  return role.length > 1 && role[1] !== role[1].toUpperCase() ? role.toLowerCase() : role;
}

function joinWith(names, word) {
  if (names.length <= 1) return names[0] || '';
  return names.slice(0, -1).join(', ') + ` ${word} ` + names[names.length - 1];
}

function rulePicture(plan, rule) {
  if (rule.picture) return rule.picture;
  for (const id of rule.who || []) {
    const x = lookup(plan, id);
    if (x && x.picture) return x.picture;
  }
  return 'library:safe';
}

function childNames(plan) {
  return joinWith((plan.children || []).map((c) => c.known_as || firstName(c.name)).filter(Boolean), 'and');
}

/**
 * pages lists the child's pages, in the order of the Words and Pictures
 * document. part is both, explanation or safety-plan; contacts is shared
 * (numbers of people who agreed to share them) or none.
 */
export function pages(plan, { part = 'both', contacts = 'shared' } = {}) {
  plan = withPortraits(withWorkerName(plan));
  const sec = secrets(plan, contacts);
  const r = (s) => redact(plain(s), sec);
  const many = (plan.children || []).length > 1;
  const wp = plan.words_and_pictures || {};
  const kids = (plan.children || []).map((c) => ({ name: r(c.known_as || firstName(c.name)), picture: c.picture }));
  const out = [];
  if (part !== 'safety-plan' && wp.explanation) {
    out.push({ kind: 'title', title: r(wp.explanation.title || `${childNames(plan)}'s story`), kids });
    for (const p of wp.explanation.pages || []) out.push({ kind: 'page', text: r(p.text), picture: p.picture });
  }
  if (part !== 'explanation') {
    const sp = wp.safety_plan || {};
    const ready = ((plan.plan && plan.plan.rules) || []).some((x) => (x.child_words || '').trim()) || (sp.pages || []).length > 0;
    // A cover even before there is a plan, when the explanation has not given one.
    if (ready || !(part !== 'safety-plan' && wp.explanation)) {
      out.push({ kind: 'title', kids,
        title: r(sp.title || (ready ? `${childNames(plan)}'s safety plan` : `The people who help ${childNames(plan)}`)) });
    }
    const hs = helpers(plan);
    const phoneOf = (x) => (!hiddenFromChild(x, contacts) && x.phone ? x.phone : '');
    if (hs.length) {
      out.push({ kind: 'people', title: many ? 'The people who help us' : 'The people who help me',
        people: hs.map((x) => ({ name: r(nameOf(x)), picture: x.picture })) });
    }
    for (const p of sp.pages || []) out.push({ kind: 'page', text: r(p.text), picture: p.picture });
    for (const rule of (plan.plan && plan.plan.rules) || []) {
      if (!(rule.child_words || '').trim()) continue;
      out.push({ kind: 'page', text: r(rule.child_words), picture: rulePicture(plan, rule) });
    }
    const lw = (plan.case && plan.case.lead_worker) || {};
    const lines = [];
    // After a rule page that already says what to do when worried, go on
    // with "We can also…" and leave out the people it named (as the book).
    const said = ((plan.plan && plan.plan.rules) || []).map((x) => x.child_words || '').filter((w) => /worried|scared/i.test(w)).pop() || '';
    const namedIn = (x) => said && [nameOf(x), firstName(x.name)].some((n) => n && new RegExp(`(^|[^\\p{L}])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(said));
    const names = hs.filter((x) => !x.isLead && !namedIn(x)).map((x) => r(nameOf(x))).filter(Boolean);
    const groups = Math.ceil(names.length / 4);
    for (let k = 0; k < groups; k++) lines.push(`tell ${joinWith(names.slice(Math.floor(k * names.length / groups), Math.floor((k + 1) * names.length / groups)), 'or')}`);
    if (lw.name) lines.push(`talk to ${r(lw.known_as || firstName(lw.name))}, ${many ? 'our' : 'my'} ${roleWords(lw.role)}`);
    lines.push('call Childline on 0800 1111');
    const worriedTitle = said ? (many ? 'We can also\u2026' : 'I can also\u2026') : (many ? 'If we feel worried or scared, we can\u2026' : 'If I feel worried or scared, I can\u2026');
    out.push({ kind: 'worried', title: worriedTitle,
      lines, after: 'Telling someone is always the right thing to do.',
      picture: (plan.children || []).length === 1 && plan.children[0].picture ? plan.children[0].picture : 'library:talk' });
    out.push({ kind: 'numbers', title: many ? 'Numbers we can always call' : 'Numbers I can always call', picture: 'library:phone' });
    const phones = hs.filter((x) => !x.isLead && phoneOf(x)).map((x) => ({ name: r(nameOf(x)), phone: phoneOf(x) }));
    if (lw.phone && contacts !== 'none') phones.push({ name: `${r(lw.known_as || firstName(lw.name))}, ${many ? 'our' : 'my'} ${roleWords(lw.role)}`, phone: lw.phone });
    if (phones.length) out.push({ kind: 'phones', title: many ? 'People we can phone' : 'People I can phone', phones, picture: 'library:phone' });
    if (ready) {
      out.push({ kind: 'end', title: many ? 'Our plan' : 'My plan',
        lines: [`We made this plan on ${longDate(planDate(plan))}.`, `Everyone will look at it again by ${longDate(nextReview(plan))}.`] });
    }
  }
  return out;
}

/** planDate is the plan's date: its latest meeting, else the rationale, else the start of involvement. */
function planDate(plan) {
  const dates = (plan.meetings || []).map((m) => m.date).filter(Boolean).sort();
  if (dates.length) return dates[dates.length - 1];
  if (plan.no_meeting_rationale && plan.no_meeting_rationale.recorded_on) return plan.no_meeting_rationale.recorded_on;
  return (plan.case && plan.case.involvement_started) || '';
}

/** nextReview is four weeks after the first meeting until a review is held, then four weeks after the latest meeting. */
function nextReview(plan) {
  const ms = (plan.meetings || []).filter((m) => m.date).sort((a, b) => (a.date < b.date ? -1 : 1));
  const initial = ms.find((m) => m.type === 'initial');
  const reviewed = ms.some((m) => m.type === 'review');
  const from = initial && !reviewed ? initial.date : planDate(plan);
  return addDays(from, 28);
}

function addDays(iso, n) {
  const d = new Date(`${iso}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return '';
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function longDate(iso) {
  const d = new Date(`${iso}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** leaks lists the places where a hidden number or email is written in text a child sees. */
export function leaks(plan) {
  const sec = secrets(plan, 'shared');
  const found = [];
  const check = (text, where) => {
    if (text && redact(text, sec) !== text) {
      const s = sec.find((x) => redact(text, [x]) !== text);
      found.push({ where, who: s && s.person ? s.person.name || s.person.known_as : '' });
    }
  };
  const wp = plan.words_and_pictures || {};
  (wp.explanation && wp.explanation.pages || []).forEach((p, i) => check(p.text, `page ${i + 1} of the explanation`));
  (wp.safety_plan && wp.safety_plan.pages || []).forEach((p, i) => check(p.text, `page ${i + 1} of the safety plan`));
  ((plan.plan && plan.plan.rules) || []).forEach((x, i) => check(x.child_words, `rule ${i + 1}, in the child's words`));
  return found;
}

/** initials is the first letter of the name shown, as the book draws it. */
export function initials(name) {
  const first = [...(name || '').trim()][0];
  return first ? first.toUpperCase() : '?';
}

/** createChildView wires the full-screen view in index.html. */
// Languages written right to left: the book's pages are shown that way.
const RTL = ['ar', 'ur', 'fa', 'ps', 'he', 'yi', 'ckb', 'sd', 'ug', 'dv'];

/** bookLanguage is the language of the child's book: its own, or English. */
export function bookLanguage(plan) {
  const lang = (plan && plan.words_and_pictures && plan.words_and_pictures.language) || '';
  return lang.trim() || 'en-GB';
}

/** primaryTag is a language tag's first subtag, lower case ("ur" for "ur-PK"). */
function primaryTag(lang) {
  return lang.toLowerCase().split(/[-_]/)[0];
}

/** isRTL says whether a language is written right to left. */
export function isRTL(lang) {
  return RTL.includes(primaryTag(lang));
}

/** languageName is a language's name in English ("Urdu" for "ur"). */
function languageName(lang) {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(lang) || lang;
  } catch {
    return lang;
  }
}

/** voiceFor is a speech voice for the language on this device, or null. */
export function voiceFor(lang, voices) {
  const want = primaryTag(lang);
  const exact = voices.find((v) => v.lang.toLowerCase() === lang.toLowerCase());
  return exact || voices.find((v) => primaryTag(v.lang) === want) || null;
}

export function createChildView(app) {
  const root = document.getElementById('child');
  const pageEl = document.getElementById('child-page');
  const count = document.getElementById('child-count');
  const back = document.getElementById('child-back');
  const next = document.getElementById('child-next');
  const speak = document.getElementById('child-speak');
  const speakNone = document.getElementById('child-speak-none');
  const speech = typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null;
  let lang = 'en-GB';
  let rtl = false;
  let list = [];
  let at = 0;
  let opener = null;
  let swipe = null;
  let swiped = false;

  // Someone with no picture is shown by their initial, as in the book.
  function noPicture(name) {
    return h('span', { class: 'child__person-none', 'aria-hidden': 'true', text: initials(name) });
  }

  function img(ref, alt, cls) {
    const url = app.pictureURL(ref, 512);
    return url ? h('img', { class: cls, src: url, alt }) : null;
  }

  function render() {
    const p = list[at];
    let content;
    switch (p.kind) {
      case 'title':
        content = [h('h1', { class: 'child__title', text: p.title }),
          h('ul', { class: 'child__people child__people--kids' }, p.kids.map((k) => h('li', { class: 'child__person' },
            img(k.picture, '', 'child__person-picture') || noPicture(k.name),
            h('span', { class: 'child__person-name', text: k.name }))))];
        break;
      case 'people':
        content = [h('h1', { class: 'child__heading', text: p.title }),
          h('ul', { class: 'child__people' }, p.people.map((x) => h('li', { class: 'child__person' },
            img(x.picture, '', 'child__person-picture') || noPicture(x.name),
            h('span', { class: 'child__person-name', text: x.name }))))];
        break;
      case 'worried':
        content = [img(p.picture, '', 'child__picture child__picture--small'), h('h1', { class: 'child__heading', text: p.title }),
          h('ul', { class: 'child__lines' }, p.lines.map((l) => h('li', { class: 'child__text', text: l }))),
          h('p', { class: 'child__text child__text--strong', text: p.after })];
        break;
      case 'numbers':
        content = [img(p.picture, '', 'child__picture child__picture--small'), h('h1', { class: 'child__heading', text: p.title }),
          h('p', { class: 'child__text' }, 'Childline ', h('strong', { class: 'child__number', text: '0800 1111' })),
          h('p', { class: 'child__text child__text--small', text: 'Free, day or night, or online at childline.org.uk. You can talk about anything.' }),
          h('p', { class: 'child__text' }, 'Emergency ', h('strong', { class: 'child__number', text: '999' })),
          h('p', { class: 'child__text child__text--small', text: 'If someone is hurt or in danger right now.' })];
        break;
      case 'phones':
        content = [img(p.picture, '', 'child__picture child__picture--small'), h('h1', { class: 'child__heading', text: p.title }),
          h('ul', { class: 'child__lines' }, p.phones.map((x) => h('li', { class: 'child__text' }, `${x.name}: `, h('strong', { class: 'child__phone', text: x.phone }))))];
        break;
      case 'end':
        content = [h('h1', { class: 'child__heading', text: p.title }),
          h('ul', { class: 'child__lines' }, p.lines.map((l) => h('li', { class: 'child__text', text: l })))];
        break;
      default:
        content = [img(p.picture, '', 'child__picture'), h('p', { class: 'child__text', text: p.text })];
    }
    const box = h('div', { class: `child__content child__content--${p.kind}` }, ...content);
    if (speech) speech.cancel();
    pageEl.replaceChildren(box);
    fit(box);
    pageEl.dataset.page = String(at + 1);
    count.textContent = `${at + 1} of ${list.length}`;
    back.hidden = at === 0;
    next.hidden = at === list.length - 1;
  }

  // fit makes a page that is too tall for the screen a step smaller at a
  // time (pictures first, then words), so that nothing is cut off.
  function fit(box) {
    const over = () => pageEl.scrollHeight > pageEl.clientHeight + 1;
    for (let n = 1; n <= 4 && over(); n++) {
      box.classList.remove(`child__content--fit${n - 1}`);
      box.classList.add(`child__content--fit${n}`);
    }
    for (const im of box.querySelectorAll('img')) {
      if (!im.complete) im.addEventListener('load', () => { if (box.isConnected && over()) fit(box); }, { once: true });
    }
  }

  // The read-aloud button is offered when the device has a voice for the
  // book's language; otherwise the view says plainly that it has none.
  function offerSpeech() {
    const voices = speech ? speech.getVoices() : [];
    const voice = voiceFor(lang, voices);
    speak.hidden = !voice;
    speakNone.hidden = !!voice;
    speakNone.textContent = voice ? '' : `This device has no voice for ${languageName(lang)}, so the pages cannot be read aloud here.`;
    speak.onclick = voice ? (e) => {
      e.stopPropagation();
      speech.cancel();
      const u = new SpeechSynthesisUtterance(pageEl.innerText);
      u.lang = lang;
      u.voice = voice;
      speech.speak(u);
    } : null;
  }
  if (speech) speech.addEventListener('voiceschanged', () => { if (!root.hidden) offerSpeech(); });

  function go(d) {
    const n = Math.max(0, Math.min(list.length - 1, at + d));
    if (n !== at) {
      at = n;
      render();
    }
  }

  function onKey(e) {
    if (root.hidden) return;
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const backward = rtl ? 'ArrowRight' : 'ArrowLeft';
    if (e.key === forward || e.key === 'PageDown' || (e.key === ' ' && e.target === pageEl)) { e.preventDefault(); go(1); }
    else if (e.key === backward || e.key === 'PageUp') { e.preventDefault(); go(-1); }
    else if (e.key === 'Home') { e.preventDefault(); at = 0; render(); }
    else if (e.key === 'End') { e.preventDefault(); at = list.length - 1; render(); }
    else if (e.key === 'Escape') { e.preventDefault(); close(); }
  }

  function close() {
    if (root.hidden) return;
    root.hidden = true;
    if (speech) speech.cancel();
    pageEl.replaceChildren();
    for (const el of document.body.children) if (el !== root) el.inert = false;
    document.body.classList.remove('child-open');
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    // Back to the button that opened the view, once the page is no longer
    // inert and fullscreen has ended.
    const to = opener;
    if (to && to.isConnected) {
      to.focus();
      requestAnimationFrame(() => { if (to.isConnected && document.activeElement !== to) to.focus(); });
    }
  }

  document.addEventListener('keydown', onKey);
  document.addEventListener('fullscreenchange', () => { if (!document.fullscreenElement && !root.hidden) close(); });
  back.addEventListener('click', (e) => { e.stopPropagation(); go(-1); });
  next.addEventListener('click', (e) => { e.stopPropagation(); go(1); });
  document.getElementById('child-close').addEventListener('click', (e) => { e.stopPropagation(); close(); });
  pageEl.addEventListener('pointerdown', (e) => { swipe = { x: e.clientX, y: e.clientY }; swiped = false; });
  pageEl.addEventListener('pointerup', (e) => {
    if (!swipe) return;
    const dx = e.clientX - swipe.x;
    const dy = e.clientY - swipe.y;
    swipe = null;
    if (Math.abs(dx) > 50 && Math.abs(dx) > Math.abs(dy)) {
      swiped = true;
      go((dx < 0) !== rtl ? 1 : -1);
    }
  });
  // A tap on the right of the page goes on; on the left, back (the other
  // way round in a right-to-left book).
  pageEl.addEventListener('click', (e) => {
    if (swiped) { swiped = false; return; }
    const r = pageEl.getBoundingClientRect();
    const right = e.clientX - r.left > r.width * (rtl ? 0.6 : 0.4);
    go(right !== rtl ? 1 : -1);
  });

  return {
    open(options) {
      list = pages(app.plan, options);
      at = 0;
      lang = bookLanguage(app.plan);
      rtl = isRTL(lang);
      root.lang = lang;
      root.dir = rtl ? 'rtl' : 'ltr';
      offerSpeech();
      opener = options.opener || document.activeElement;
      for (const el of document.body.children) if (el !== root) el.inert = true;
      document.body.classList.add('child-open');
      root.hidden = false;
      render();
      pageEl.focus();
      if (root.requestFullscreen && !options.noFullscreen) root.requestFullscreen().catch(() => {});
    },
    close,
  };
}
