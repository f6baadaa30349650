// The sections of the page, in the order of a family network meeting, and
// the fields of each part of the plan. Field keys are the plan's JSON keys
// (internal/plan/types.go); labels are a worker's words.

import { h, options, slug, uniqueId, allIds, getAt, ukDate, fieldId } from './util.js';
import { renderSpec } from './fields.js';

const PEOPLE = ['people', 'lead', 'children'];
// Grown-ups only: a child does not run a meeting or carry out a rule.
const ADULTS = ['people', 'lead'];

// Ids made from a name while nobody refers to them yet follow the name as it
// is typed; once chosen anywhere (or loaded from a file) they never change.
const fluid = new Set();

function isReferenced(plan, id) {
  let found = false;
  const walk = (v, key) => {
    if (found) return;
    if (Array.isArray(v)) v.forEach((x) => (typeof x === 'string' ? (refKeys.has(key) && x === id && (found = true)) : walk(x)));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (typeof x === 'string' ? (refKeys.has(k) && x === id && (found = true)) : walk(x, k));
  };
  walk(plan);
  return found;
}

/** refKeys are the plan's keys whose values are ids of other things. */
export const refKeys = new Set(['who', 'backup', 'attendees', 'apologies', 'disputed_by', 'co_created_with', 'by', 'facilitator', 'worry', 'goal', 'meeting']);

/** countRefs counts the places in the plan that refer to id. */
export function countRefs(plan, id) {
  let n = 0;
  const walk = (v, key) => {
    if (Array.isArray(v)) v.forEach((x) => (typeof x === 'string' ? (refKeys.has(key) && x === id && n++) : walk(x)));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (typeof x === 'string' ? (refKeys.has(k) && x === id && n++) : walk(x, k));
  };
  walk(plan);
  return n;
}

/** stripRefs takes id out of every list and reference in the plan. */
export function stripRefs(plan, id) {
  const walk = (v) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (refKeys.has(k) && Array.isArray(x)) v[k] = x.filter((y) => y !== id);
        else if (refKeys.has(k) && x === id) v[k] = '';
        else walk(x);
      }
    }
  };
  walk(plan);
}

/** nameId is onInput for a name: it gives the thing an id made from its name. */
function nameId(fallback) {
  return (app, parts, value) => {
    const itemPath = parts.slice(0, -1);
    const item = getAt(app.plan, itemPath);
    if (!item || !value.trim()) return;
    if (item.id && !(fluid.has(item.id) && !isReferenced(app.plan, item.id))) return;
    const taken = allIds(app.plan);
    if (item.id) taken.delete(item.id);
    fluid.delete(item.id);
    item.id = uniqueId(slug(value, fallback), taken);
    fluid.add(item.id);
  };
}

function newId(app, base) {
  const taken = allIds(app.plan);
  for (let n = 1; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** hasContent says whether anything was written in an item (its id aside). */
export function hasContent(v, key) {
  if (key === 'id') return false;
  if (typeof v === 'string') return v.trim() !== '';
  if (Array.isArray(v)) return v.some((x) => hasContent(x));
  if (v && typeof v === 'object') return Object.entries(v).some(([k, x]) => hasContent(x, k));
  return typeof v === 'number';
}

/**
 * confirmRemove asks before something is removed: when it is named
 * elsewhere in the plan (and then takes it out of those places too), or
 * when anything was written in it. It returns false to keep it.
 */
export function confirmRemove(app, item, what) {
  const n = item && item.id ? countRefs(app.plan, item.id) : 0;
  if (n > 0) {
    const name = item.name || item.statement || what;
    if (!window.confirm(`${name} is named in ${n} ${n === 1 ? 'place' : 'places'} elsewhere in the plan. Remove ${what} and take them out of those places too?`)) return false;
    stripRefs(app.plan, item.id);
    return true;
  }
  if (hasContent(item)) return window.confirm(`Remove ${what}? What was written in it is deleted.`);
  return true;
}

const short = (s, n = 60) => (s && s.length > n ? s.slice(0, n - 1) + '…' : s || '');

const hasChildInCare = (app) => (app.plan.children || []).some((c) => c.in_care);

// ---------------------------------------------------------------- the parts

// How someone looks, so that the children's book draws them as they are.
// Every choice may be left empty: the book then uses a plain outline.
const lookOptions = (pairs) => () => pairs;
const appearanceSpec = [
  { key: 'skin', label: 'Skin tone', type: 'select', placeholder: 'Not chosen', options: lookOptions([['very_light', 'Very light'], ['light', 'Light'], ['medium_light', 'Medium light'], ['medium', 'Medium'], ['medium_dark', 'Medium dark'], ['dark', 'Dark'], ['very_dark', 'Very dark']]) },
  { key: 'hair', label: 'Hair', type: 'select', placeholder: 'Not chosen', options: lookOptions([['bald', 'Bald'], ['shaved', 'Shaved'], ['short', 'Short'], ['curly', 'Curly'], ['afro', 'Afro'], ['long', 'Long'], ['braids', 'Braids'], ['locs', 'Locs'], ['bun', 'Bun'], ['ponytail', 'Ponytail'], ['bob', 'Bob']]) },
  { key: 'hair_colour', label: 'Hair colour', type: 'select', placeholder: 'Not chosen', options: lookOptions([['black', 'Black'], ['dark_brown', 'Dark brown'], ['brown', 'Brown'], ['auburn', 'Auburn'], ['red', 'Red'], ['blonde', 'Blonde'], ['grey', 'Grey'], ['white', 'White']]) },
  { key: 'age', label: 'Age', type: 'select', placeholder: 'Not chosen', options: lookOptions([['baby', 'Baby'], ['toddler', 'Toddler'], ['child', 'Child'], ['teenager', 'Teenager'], ['adult', 'Adult'], ['older_adult', 'Older adult']]) },
  { key: 'presentation', label: 'Drawn as', type: 'select', placeholder: 'Not chosen', options: lookOptions([['feminine', 'Feminine'], ['masculine', 'Masculine'], ['none', 'Neither']]) },
  { key: 'head_covering', label: 'Head covering', type: 'select', placeholder: 'Not chosen', options: lookOptions([['none', 'None'], ['hijab', 'Hijab'], ['turban', 'Turban'], ['headscarf', 'Headscarf'], ['kippah', 'Kippah'], ['cap', 'Cap']]) },
  { key: 'glasses', label: 'Wears glasses', type: 'checkbox' },
  { key: 'beard', label: 'Has a beard', type: 'checkbox' },
  { key: 'wheelchair', label: 'Uses a wheelchair', type: 'checkbox' },
  { key: 'hearing_aid', label: 'Wears a hearing aid', type: 'checkbox' },
];
const appearance = (path) => ({ key: 'appearance', type: 'group', label: 'How they look, for the children\u2019s pictures',
  hint: 'The Words and Pictures draws them this way on every page, unless a photo or picture is given.', spec: appearanceSpec,
  when: (app) => app.schemaHas(path) });

const leadWorker = [
  { key: 'name', label: 'Name', type: 'text', req: true, autocomplete: 'name', onInput: nameId('worker'), refresh: true },
  { key: 'role', label: 'Job title', type: 'text', hint: 'For example Social Worker, Family Support Worker' },
  { key: 'phone', label: 'Work phone', type: 'tel', width: 'medium' },
  { key: 'email', label: 'Work email', type: 'email' },
  { key: 'known_as', label: 'What the children call you', type: 'text', width: 'medium', hint: 'For the Words and Pictures, for example Priya',
    when: (app) => app.schemaHas(['case', 'lead_worker', 'known_as']) },
  { key: 'picture', label: 'Your picture', type: 'picture', hint: 'Shown when you are one of the people who help the children',
    when: (app) => app.schemaHas(['case', 'lead_worker', 'picture']) },
  appearance(['case', 'lead_worker', 'appearance']),
];

const manager = [
  { key: 'name', label: 'Name', type: 'text', req: true },
  { key: 'role', label: 'Role', type: 'select', req: true, options: options('manager_role'),
    hint: 'Only a team manager, practice lead or consultant social worker can make Practice Direction decisions' },
];

const caseSpec = [
  { key: 'reference', label: 'Case reference', type: 'text', req: true, width: 'medium', hint: 'As on LCS or EHM, for example LCS-2041187' },
  { key: 'team', label: 'Team', type: 'select', req: true, options: options('team'), refresh: 'all',
    onCommit: (app, parts, v) => {
      const c = app.plan.case;
      if (!c.record_system) c.record_system = v === 'fif' ? 'EHM' : 'LCS';
    } },
  { key: 'team_name', label: 'Team name', type: 'text', hint: 'For example North Area Social Work Team 2' },
  { key: 'record_system', label: 'Record system', type: 'select', req: true, options: options('record_system'),
    hint: 'Families in Focus teams record on EHM; every other team on LCS' },
  { key: 'framework', label: 'Framework', type: 'select', options: options('framework') },
  { key: 'involvement_started', label: 'Date our involvement started', type: 'date', req: true,
    hint: 'The first family network meeting is due within 12 weeks of this date' },
  { key: 'family_language', label: "Family's language", type: 'select', placeholder: 'Choose the language',
    options: (app, parts) => languageOptions(getAt(app.plan, parts)),
    hint: 'The language the family speaks at home: the documents can be written in it with an interpreter' },
  { key: 'lead_worker', type: 'group', label: 'Lead worker', spec: leadWorker },
  { key: 'manager', type: 'group', label: 'Manager', hint: 'The team manager, practice lead or consultant social worker overseeing the case (optional)', spec: manager },
  { key: 'family_meeting_considered_on', label: 'Date a family meeting was considered', type: 'date',
    when: (app) => app.plan.case.team === 'pathway_decision', hint: 'The Pathway Decision team considers a family meeting at the start of the assessment' },
  { key: 'family_meeting_consideration', label: 'How a family meeting was considered', type: 'textarea',
    when: (app) => app.plan.case.team === 'pathway_decision' },
];

const childSpec = [
  { key: 'name', label: 'Full name', type: 'text', req: true, onInput: nameId('child'), refresh: true },
  { key: 'known_as', label: 'Known as', type: 'text', width: 'medium', hint: 'The name the child likes to be called; used in the Words and Pictures' },
  { key: 'date_of_birth', label: 'Date of birth', type: 'date', req: true },
  { key: 'in_care', label: 'This child is in care', type: 'checkbox', refresh: true,
    hint: 'Lifelong connections are then considered at every meeting' },
  { key: 'picture', label: 'Picture', type: 'picture', hint: 'Shown in the Words and Pictures' },
  appearance(['children', 0, 'appearance']),
  { key: 'views', type: 'group', label: 'In their own words (the Three Houses)', hint: "Write what the child said, in the child's words", spec: [
    { key: 'worries', label: 'House of worries', type: 'textarea' },
    { key: 'good_things', label: 'House of good things', type: 'textarea' },
    { key: 'wishes', label: 'House of dreams and wishes', type: 'textarea' },
  ] },
];

const personSpec = [
  { key: 'name', label: 'Full name', type: 'text', req: true, onInput: nameId('person'), refresh: true },
  { key: 'known_as', label: 'What the children call them', type: 'text', width: 'medium', hint: 'For example Nana Jean, Auntie Siân' },
  { key: 'relationship', label: 'Relationship to the children', type: 'text', hint: 'For example Maternal grandmother, Neighbour, Class teacher' },
  { key: 'role', label: 'Role in the plan', type: 'select', req: true, options: options('person_role'), refresh: true },
  { key: 'phone', label: 'Phone', type: 'tel', width: 'medium' },
  { key: 'email', label: 'Email', type: 'email' },
  { key: 'share_contact', label: 'They agree their phone and email can be in the network\u2019s and the children\u2019s copies', type: 'checkbox',
    hint: 'Leave unticked and their contact details appear only in the worker\u2019s copy and the outcome form. In domestic abuse cases this is a safety matter.' },
  { key: 'contact_hidden_from', label: 'Never show their phone or email to', type: 'refs', kinds: ['people', 'lead'],
    hint: 'Even when they share it: these people\u2019s own copies, the network copy and the children\u2019s book leave it out (for example, a mother\u2019s number kept from the father named as the risk).' },
  { key: 'picture', label: 'Photo or picture', type: 'picture', hint: 'A photo the child will recognise, or a picture from the library' },
  appearance(['people', 0, 'appearance']),
];

const furtherMeetings = [
  { key: 'decision', label: 'Decision on further meetings', type: 'textarea', req: true },
  { key: 'decided_by', type: 'group', label: 'Decided by', spec: manager },
];

// heldMeeting: a planned or cancelled meeting needs only its type and date;
// heldOr(key) still shows a field already filled in, so that a problem with
// it (an outcome recorded for a planned meeting) is shown where it is.
const heldMeeting = (app, base) => !['planned', 'cancelled'].includes((getAt(app.plan, base) || {}).status);
const filled = (v) => v !== undefined && v !== null && v !== '' && v !== false && !(Array.isArray(v) && v.length === 0);
const heldOr = (key) => (app, base) => heldMeeting(app, base) || filled(getAt(app.plan, [...base, key]));

// A held review meeting leads straight to what it found: the worker enters
// the review once, from its meeting, and the findings open in Reviews
// against it (made there if there are none yet).
const isHeldReview = (app, base) => { const m = app.get(base); return !!m && m.type === 'review' && (m.status || 'held') === 'held'; };
function reviewFindings(app, parts) {
  const m = app.get(parts) || {};
  const reviews = app.plan.reviews || [];
  const at = reviews.findIndex((r) => r.meeting && r.meeting === m.id);
  const found = at >= 0 ? reviews[at] : null;
  const n = found ? ['working_well', 'worries', 'changes'].reduce((k, key) => k + (found[key] || []).length, 0) : 0;
  return h('div', { class: 'field' },
    h('p', { class: 'hint', text: found ? `What this review found: ${n} point${n === 1 ? '' : 's'} recorded.` : 'Nothing recorded yet of what this review found.' }),
    h('button', { type: 'button', class: 'button button--secondary', id: `${fieldId(parts)}-findings`,
      text: found ? 'Open what the review found' : 'Record what the review found',
      onclick: () => {
        let i = at;
        if (i < 0) {
          app.plan.reviews = [...reviews, { meeting: m.id, working_well: [], worries: [], changes: [] }];
          i = app.plan.reviews.length - 1;
          app.changed();
        }
        app.refresh();
        app.goToPath(`reviews[${i}].working_well`);
      } }));
}

// newReview starts a review against the latest held review meeting that
// has none yet, so its meeting is not chosen again.
function newReview(app) {
  const done = new Set((app.plan.reviews || []).map((r) => r.meeting));
  const m = [...(app.plan.meetings || [])].reverse().find((x) => x.type === 'review' && (x.status || 'held') === 'held' && x.id && !done.has(x.id));
  return { meeting: m ? m.id : '', working_well: [], worries: [], changes: [] };
}

const meetingSpec = [
  { key: 'type', label: 'Type of meeting', type: 'select', req: true, options: options('meeting_type') },
  { key: 'status', label: 'Has it taken place?', type: 'select', options: options('meeting_status'), refresh: 'all', placeholder: 'Held (the default)',
    hint: 'A planned meeting is the next date: it never counts as held and never dates the plan' },
  { key: 'date', label: 'Date', type: 'date', req: true },
  { key: 'start_time', label: 'Start time', type: 'time' },
  { key: 'duration_minutes', label: 'How long it lasted, in minutes', type: 'number', min: 0, max: 1440 },
  { key: 'venue', label: 'Where', type: 'text' },
  { key: 'attendees_chosen_by_family', when: heldOr('attendees_chosen_by_family'), label: 'The child and family chose who came', type: 'checkbox' },
  { key: 'attendees', when: heldOr('attendees'), label: 'Who came', type: 'refs', kinds: PEOPLE },
  { key: 'apologies', when: heldOr('apologies'), label: 'Sent apologies', type: 'refs', kinds: PEOPLE },
  { key: 'facilitator', when: heldOr('facilitator'), label: 'Facilitator', type: 'ref', kinds: ADULTS },
  { key: 'interpreter', when: heldOr('interpreter'), label: 'Interpreter', type: 'text', width: 'medium', hint: 'The language interpreted, if there was an interpreter' },
  { key: 'summary', when: heldOr('summary'), label: 'Summary of the meeting', type: 'textarea', rows: 5 },
  { key: 'outcome_recorded_on', when: heldOr('outcome_recorded_on'), label: 'Date the outcome was recorded on LCS or EHM', type: 'date',
    hint: 'Due within five working days of the meeting' },
  { key: 'lifelong_connections', label: 'Lifelong connections considered', type: 'textarea', when: (app, base) => hasChildInCare(app) && heldOr('lifelong_connections')(app, base),
    hint: 'For children in care: who will be in their life for good' },
  { key: 'further_meetings', when: heldOr('further_meetings'), type: 'group', label: 'Further meetings', spec: furtherMeetings },
  { type: 'custom', when: isHeldReview, render: reviewFindings },
];

// Languages spoken by families in UK councils, by name, each with the
// language code the plan keeps. Sorted by name, English first.
const languages = [['en-GB', 'English'], ...[
  ['sq', 'Albanian'], ['am', 'Amharic'], ['ar', 'Arabic'], ['bn', 'Bengali'], ['bg', 'Bulgarian'], ['yue', 'Cantonese'],
  ['cs', 'Czech'], ['prs', 'Dari'], ['fa', 'Farsi (Persian)'], ['fr', 'French'], ['de', 'German'], ['el', 'Greek'], ['gu', 'Gujarati'],
  ['hi', 'Hindi'], ['hu', 'Hungarian'], ['ga', 'Irish'], ['it', 'Italian'], ['ku', 'Kurdish'], ['lv', 'Latvian'], ['lt', 'Lithuanian'],
  ['zh', 'Mandarin Chinese'], ['ne', 'Nepali'], ['ps', 'Pashto'], ['pl', 'Polish'], ['pt', 'Portuguese'], ['pa', 'Punjabi'],
  ['rom', 'Romani'], ['ro', 'Romanian'], ['ru', 'Russian'], ['gd', 'Scottish Gaelic'], ['sk', 'Slovak'], ['so', 'Somali'],
  ['es', 'Spanish'], ['ta', 'Tamil'], ['ti', 'Tigrinya'], ['tr', 'Turkish'], ['tw', 'Twi'], ['uk', 'Ukrainian'], ['ur', 'Urdu'],
  ['vi', 'Vietnamese'], ['cy', 'Welsh'], ['yo', 'Yoruba'],
]];

/** languageOptions lists the languages by name, and a code not among them as it is. */
function languageOptions(cur) {
  if (!cur || languages.some(([v]) => v === cur)) return languages;
  return [...languages, [cur, `The language with code ${cur}`]];
}

const rationaleSpec = [
  { key: 'recorded_by', type: 'group', label: 'Recorded by', spec: manager },
  { key: 'recorded_on', label: 'Date recorded', type: 'date', req: true },
  { key: 'rationale', label: 'Why no meeting was held', type: 'textarea', req: true, rows: 5 },
];

/**
 * meetingAnswer is the answer to "Was a meeting held within 12 weeks?":
 * as the worker gave it, else as the plan tells (a reason recorded: no;
 * an initial meeting: yes), else not answered.
 */
function meetingAnswer(app) {
  if (app.ui && app.ui.within12) return app.ui.within12;
  if (hasContent(app.plan.no_meeting_rationale)) return 'no';
  if ((app.plan.meetings || []).some((m) => m.type === 'initial' && m.date)) return 'yes';
  return '';
}

/**
 * meetingWithin12Weeks asks whether a meeting was held within 12 weeks,
 * and only when the answer is no reveals the reason a manager records (a
 * GOV.UK conditional reveal). Answering yes takes the reason out of the
 * plan, kept aside on the page in case the answer changes back.
 */
function meetingWithin12Weeks(app) {
  app.ui = app.ui || {};
  const answer = meetingAnswer(app);
  const choose = (v) => {
    app.ui.within12 = v;
    if (v === 'yes' && app.plan.no_meeting_rationale) {
      app.ui.rationale = app.plan.no_meeting_rationale;
      delete app.plan.no_meeting_rationale;
    } else if (v === 'no' && !app.plan.no_meeting_rationale) {
      app.plan.no_meeting_rationale = app.ui.rationale || { recorded_by: { name: '', role: '' }, recorded_on: '', rationale: '' };
    }
    app.changed();
    app.refresh({ focus: `within12-${v}` });
  };
  const radio = (v, label) => h('div', { class: 'checkbox' },
    h('input', { class: 'checkbox__input', type: 'radio', name: 'within12', id: `within12-${v}`, value: v, checked: answer === v,
      'aria-controls': v === 'no' ? 'within12-reveal' : null, onchange: () => choose(v) }),
    h('label', { class: 'checkbox__label', for: `within12-${v}`, text: label }));
  return h('div', { class: 'field within12' },
    h('fieldset', { class: 'fieldset', 'aria-describedby': 'within12-hint' },
      h('legend', { class: 'label', text: 'Was a meeting held within 12 weeks of involvement starting?' }),
      h('p', { class: 'hint', id: 'within12-hint', text: 'If not, a team manager, practice lead or consultant social worker records why.' }),
      radio('yes', 'Yes'), radio('no', 'No')),
    h('div', { class: 'conditional', id: 'within12-reveal', hidden: answer !== 'no' },
      answer === 'no' ? renderSpec(app, [], [{ key: 'no_meeting_rationale', type: 'group', label: 'No meeting within 12 weeks',
        hint: 'The reason, recorded by a team manager, practice lead or consultant social worker', spec: rationaleSpec }]) : null));
}

const worrySpec = [
  { key: 'statement', label: 'Worry statement', type: 'textarea', req: true, rows: 4,
    hint: 'Who is worried, about what (what they saw or heard), and what could happen to the children if nothing changes' },
  { key: 'child_words', label: "In the child's words", type: 'textarea' },
  { key: 'disputed_by', label: 'Who disagrees with this worry', type: 'refs', kinds: PEOPLE, refresh: 'all', hint: 'Disagreement is recorded beside the worry, never left out' },
  { key: 'dispute', label: 'What they say, in their words', type: 'textarea', when: (app, p) => (getAt(app.plan, [...p, 'disputed_by']) || []).length > 0 || !!getAt(app.plan, [...p, 'dispute']) },
];

const goalSpec = [
  { key: 'statement', label: 'Safety goal', type: 'textarea', req: true, rows: 3,
    hint: 'What everyone will see instead of the worry, and for how long' },
  { key: 'child_words', label: "In the child's words", type: 'textarea' },
];

const worryOptions = (app) => (app.plan.assessment.worries || []).filter((w) => w.id).map((w, i) => [w.id, `Worry ${i + 1}: ${short(w.statement)}`]);
const goalOptions = (app) => (app.plan.assessment.goals || []).filter((g) => g.id).map((g, i) => [g.id, `Goal ${i + 1}: ${short(g.statement)}`]);

const ruleSpec = [
  { key: 'when', label: 'When', type: 'text', req: true, hint: 'For example Every school morning, Every Saturday 10am to 1pm' },
  { key: 'then', label: 'What happens', type: 'textarea', req: true, rows: 4 },
  { key: 'who', label: 'Who does it', type: 'refs', kinds: ADULTS, req: true },
  { key: 'backup', label: 'Who backs them up', type: 'refs', kinds: ADULTS },
  { key: 'support', label: 'Kind of help', type: 'checks', options: options('support') },
  { key: 'monitoring', label: 'How we will know it happened', type: 'textarea', hint: 'The diary, the group chat, the call log, what school tells us' },
  { key: 'worry', label: 'The worry it answers', type: 'select', options: worryOptions },
  { key: 'goal', label: 'The goal it works towards', type: 'select', options: goalOptions },
  { key: 'child_words', label: "The rule in the child's words", type: 'textarea',
    hint: 'One page of the Words and Pictures safety plan. Short sentences, the names the child uses.' },
  { key: 'picture', label: 'Picture for this page', type: 'picture', hint: 'If none is chosen, the picture of the first person who does it is used' },
];

const contingencySpec = [
  { key: 'what_if', label: 'What if…', type: 'text', req: true, hint: 'For example Nana Jean is away, or ill' },
  { key: 'then', label: 'Then', type: 'textarea', req: true },
  { key: 'who', label: 'Who', type: 'refs', kinds: PEOPLE },
];

const monitoringSpec = [
  { key: 'method', label: 'How', type: 'select', req: true, options: options('method') },
  { key: 'by', label: 'Kept by', type: 'refs', kinds: PEOPLE },
  { key: 'description', label: 'What is recorded', type: 'textarea' },
];

const evidenceSpec = [
  { key: 'date', label: 'Date', type: 'date', req: true },
  { key: 'by', label: 'Shown by', type: 'ref', kinds: PEOPLE, req: true },
  { key: 'method', label: 'What it is', type: 'select', req: true, options: options('method') },
  { key: 'summary', label: 'What it shows', type: 'textarea', req: true },
];

const testSpec = [
  { key: 'date', label: 'Date', type: 'date', req: true },
  { key: 'what', label: 'What will be tried', type: 'textarea', req: true },
  { key: 'who', label: 'Who is involved', type: 'refs', kinds: PEOPLE },
  { key: 'outcome', label: 'How it went', type: 'textarea', hint: 'Fill in afterwards' },
];

const ratingSpec = [
  { key: 'by', label: 'Who', type: 'ref', kinds: PEOPLE, req: true },
  { key: 'score', label: 'Score (0 to 10)', type: 'number', min: 0, max: 10, req: true },
  { key: 'date', label: 'Date asked', type: 'date', req: true },
];

const meetingOptions = (app) => (app.plan.meetings || []).filter((m) => m.id)
  .map((m, i) => [m.id, `Meeting ${i + 1}: ${m.type === 'review' ? 'review' : m.type === 'initial' ? 'initial meeting' : 'meeting'}${m.date ? ', ' + ukDate(m.date) : ''}`]);

const reviewSpec = [
  { key: 'meeting', label: 'Review meeting', type: 'select', req: true, options: meetingOptions, hint: 'Add the meeting in Meetings first' },
  { key: 'working_well', label: 'What is working well', type: 'strings', itemLabel: 'Point' },
  { key: 'worries', label: 'What we are still worried about', type: 'strings', itemLabel: 'Worry' },
  { key: 'changes', label: 'Changes to the plan', type: 'strings', itemLabel: 'Change' },
  { key: 'network_answers', type: 'group', label: "The network's answers", spec: [
    { key: 'what_we_do_when_problems', label: 'What do we do when there are problems?', type: 'textarea' },
    { key: 'how_it_has_been_managed', label: 'How has it been managed?', type: 'textarea' },
    { key: 'how_we_know_it_works', label: 'How do we know the plan is working?', type: 'textarea' },
  ] },
  { key: 'lifelong_connections', label: 'Lifelong connections considered', type: 'textarea', when: hasChildInCare },
];

const handoverSpec = [
  { key: 'facilitator', label: 'Network member who will facilitate the reviews', type: 'ref', kinds: ['people'], req: true },
  { key: 'planned_for', label: 'Planned for', type: 'date' },
  { key: 'completed_on', label: 'Completed on', type: 'date' },
];

const pageSpec = [
  { key: 'text', label: 'Words', type: 'textarea', req: true, hint: 'One idea per page, in words the child knows' },
  { key: 'picture', label: 'Picture', type: 'picture' },
];

function storySpec(which) {
  return [
    { key: 'title', label: 'Title', type: 'text', req: true, hint: which === 'explanation' ? "For example Kayden and Mia's story" : "For example Kayden and Mia's Safety Plan" },
    { key: 'co_created_with', label: 'Written with', type: 'refs', kinds: PEOPLE, hint: 'Usually the parents, before the children see it' },
    { key: 'shared_with_children_on', label: 'Shared with the children on', type: 'date' },
    { key: 'pages', type: 'list', noun: 'Page', label: 'Pages', spec: pageSpec, title: (p, i) => `Page ${i + 1}`,
      newItem: () => ({ text: '', picture: '' }),
      hint: which === 'explanation' ? 'Who is worried, what about, what happened, and what we are doing about the worries'
        : 'Pages of your own. The people who help, the rules (from their "in the child\u2019s words"), what to do when worried and the numbers to call are added for you.' },
  ];
}

const wpSpec = [
  { key: 'language', label: 'Language', type: 'text', width: 'short', hint: 'As a language code, for example en-GB' },
  { key: 'helpers', label: 'The people who help me', type: 'refs', kinds: ADULTS, when: (app) => app.schemaHas(['words_and_pictures', 'helpers']),
    hint: 'Who is on the children\u2019s \u201cpeople who help me\u201d page. Leave them all unticked to show everyone with a part in the rules (a parent only if they agreed to share their contact details).' },
  { key: 'explanation', type: 'group', label: 'Part one: the explanation', hint: 'Shared with the children before the picture safety plan', spec: storySpec('explanation') },
  { key: 'safety_plan', type: 'group', label: 'Part two: the picture safety plan', spec: storySpec('safety_plan') },
];

// ---------------------------------------------------------------- sections

function list(noun, spec, extra) {
  return { type: 'list', noun, spec, ...extra };
}

const named = (noun) => (x, i) => `${noun} ${i + 1}${x.name ? `: ${x.name}` : ''}`;
const stated = (noun) => (x, i) => `${noun} ${i + 1}${x.statement ? `: ${short(x.statement, 50)}` : ''}`;

/**
 * sections lists the page's sections. Each has an id, a title, an intro,
 * the plan paths whose problems belong to it, and what it shows.
 */
export const sections = [
  { id: 'case', title: 'The case', paths: ['case', 'schema_version'],
    intro: 'Who holds the case and when the work with the family began.',
    spec: [{ key: 'case', type: 'custom', render: (app) => h('div', {}, renderSpec(app, ['case'], caseSpec)) }] },
  { id: 'children', title: 'The children', paths: ['children'],
    intro: 'The children the plan is for.',
    spec: [list('Child', childSpec, { key: 'children', title: named('Child'), name: (x) => x.name,
      newItem: () => ({ name: '', known_as: '', date_of_birth: '', in_care: false, picture: '' }),
      onRemove: (app, item) => confirmRemove(app, item, 'this child'), empty: 'No children yet.' })] },
  { id: 'people', title: 'Family and network', paths: ['people'],
    intro: 'Everyone in the plan: family, friends and neighbours in the network, and professionals. You choose them from lists everywhere else.',
    spec: [list('Person', personSpec, { key: 'people', title: named('Person'), name: (x) => x.name,
      newItem: () => ({ name: '', known_as: '', relationship: '', role: '', phone: '', share_contact: false, picture: '' }),
      onRemove: (app, item) => confirmRemove(app, item, 'this person'), empty: 'Nobody yet.' })] },
  { id: 'meetings', title: 'Meetings', paths: ['meetings', 'no_meeting_rationale'],
    intro: 'Each family network meeting held: the first within 12 weeks of involvement starting, the first review within 4 weeks of it.',
    spec: [
      list('Meeting', meetingSpec, { key: 'meetings', title: (m, i) => `Meeting ${i + 1}${m.type ? `: ${m.type === 'review' ? 'review' : 'initial'}` : ''}${m.date ? `, ${ukDate(m.date)}` : ''}${m.status === 'planned' ? ' (planned)' : m.status === 'cancelled' ? ' (cancelled)' : ''}`,
        newItem: (app) => ({ id: newId(app, 'meeting'), type: (app.plan.meetings || []).length ? 'review' : 'initial', date: '', attendees_chosen_by_family: false, attendees: [], apologies: [] }),
        onRemove: (app, item) => confirmRemove(app, item, 'this meeting'), empty: 'No meetings recorded yet.' }),
      { type: 'custom', render: (app) => meetingWithin12Weeks(app) },
    ] },
  { id: 'worries', title: 'Worries and goals', paths: ['assessment.worries', 'assessment.goals', 'assessment.complicating_factors'],
    intro: 'What everyone is worried about, and what they want to see instead.',
    spec: [
      list('Worry', worrySpec, { key: ['assessment', 'worries'], label: 'Worries', title: stated('Worry'),
        newItem: (app) => ({ id: newId(app, 'worry'), statement: '', disputed_by: [] }),
        onRemove: (app, item) => confirmRemove(app, item, 'this worry'), empty: 'No worries written yet.' }),
      list('Goal', goalSpec, { key: ['assessment', 'goals'], label: 'Safety goals', title: stated('Goal'),
        newItem: (app) => ({ id: newId(app, 'goal'), statement: '' }),
        onRemove: (app, item) => confirmRemove(app, item, 'this goal'), empty: 'No goals written yet.' }),
      { key: ['assessment', 'complicating_factors'], label: 'Complicating factors', type: 'strings', itemLabel: 'Factor',
        hint: 'Things that make the worries harder to deal with' },
    ] },
  { id: 'bottom-lines', title: 'Bottom lines', paths: ['assessment.bottom_lines'],
    intro: "What children's services require, whatever else the plan says.",
    spec: [{ key: ['assessment', 'bottom_lines'], label: 'Bottom lines', type: 'strings', itemLabel: 'Bottom line', empty: 'No bottom lines yet.' }] },
  { id: 'working-well', title: 'Working well', paths: ['assessment.working_well', 'assessment.safety_scale'],
    intro: 'What is already going well, and where everyone puts things on the safety scale.',
    spec: [
      { key: ['assessment', 'working_well'], label: 'What is working well', type: 'strings', itemLabel: 'Point', empty: 'Nothing written yet.' },
      { key: ['assessment', 'safety_scale'], type: 'group', label: 'Safety scale', spec: [
        { key: 'question', label: 'The question asked', type: 'textarea',
          hint: 'For example: on a scale of 0 to 10, where 10 means everyone is confident the children are safe enough for us to close…' },
        list('Score', ratingSpec, { key: 'ratings', label: 'Scores', title: (r, i, app) => `Score ${i + 1}${r.by ? `: ${app.personName(r.by)}` : ''}`,
          newItem: () => ({ by: '', score: '', date: '' }), empty: 'No scores yet.' }),
      ] },
    ] },
  { id: 'rules', title: 'Rules of the plan', paths: ['plan.rules'],
    intro: 'Who does what, when; who backs them up; how everyone will know it happened. Each rule in the child\u2019s words becomes a page of their picture safety plan.',
    spec: [list('Rule', ruleSpec, { key: ['plan', 'rules'], title: (r, i) => `Rule ${i + 1}${r.when ? `: ${short(r.when, 50)}` : ''}`,
      newItem: (app) => ({ id: newId(app, 'rule'), when: '', then: '', who: [], backup: [], support: [], picture: '' }), empty: 'No rules yet.' })] },
  { id: 'contingencies', title: 'Contingencies', paths: ['plan.contingencies'],
    intro: 'The backup when someone in the plan cannot do their part.',
    spec: [list('Contingency', contingencySpec, { key: ['plan', 'contingencies'], title: (c, i) => `Contingency ${i + 1}${c.what_if ? `: ${short(c.what_if, 50)}` : ''}`,
      newItem: () => ({ what_if: '', then: '', who: [] }), empty: 'No contingencies yet.' })] },
  { id: 'red-flags', title: 'Red flags', paths: ['plan.red_flags'],
    intro: 'Signs that tell the network the plan is not working and they must act.',
    spec: [{ key: ['plan', 'red_flags'], label: 'Red flags', type: 'strings', itemLabel: 'Red flag', empty: 'No red flags yet.' }] },
  { id: 'monitoring', title: 'Monitoring and evidence', paths: ['plan.monitoring', 'evidence', 'plan.tests'],
    intro: 'How the network keeps a record, what they have shown so far, and the planned tests of the plan.',
    spec: [
      list('Record', monitoringSpec, { key: ['plan', 'monitoring'], label: 'How the network keeps a record', title: (m, i) => `Record ${i + 1}`,
        newItem: () => ({ method: '', by: [], description: '' }), empty: 'None yet.' }),
      list('Piece of evidence', evidenceSpec, { key: 'evidence', label: 'Evidence shown', title: (e, i) => `Evidence ${i + 1}${e.date ? `: ${ukDate(e.date)}` : ''}`,
        newItem: () => ({ date: '', by: '', method: '', summary: '' }), empty: 'None yet.' }),
      list('Test of the plan', testSpec, { key: ['plan', 'tests'], label: 'Testing the plan', title: (x, i) => `Test ${i + 1}${x.date ? `: ${ukDate(x.date)}` : ''}`,
        newItem: () => ({ date: '', what: '', who: [] }), empty: 'None planned yet.' }),
    ] },
  { id: 'reviews', title: 'Reviews', paths: ['reviews'],
    intro: 'What each review meeting found.',
    spec: [list('Review', reviewSpec, { key: 'reviews', title: (r, i, app) => `Review ${i + 1}${r.meeting ? `: ${app.meetingName(r.meeting)}` : ''}`,
      newItem: newReview, empty: 'No reviews yet.' })] },
  { id: 'handover', title: 'Handover', paths: ['handover'],
    intro: 'When facilitating the reviews passes from the worker to someone in the network.',
    spec: [{ key: 'handover', type: 'group', label: 'Handover of facilitation', hint: 'Leave empty if no handover is planned', spec: handoverSpec }] },
  { id: 'words-pictures', title: 'Words and Pictures', paths: ['words_and_pictures'],
    intro: 'The children\u2019s own explanation and picture safety plan. Use "Show to the child" to go through it on a tablet.',
    spec: [{ key: 'words_and_pictures', type: 'custom', render: (app) => h('div', {}, renderSpec(app, ['words_and_pictures'], wpSpec), app.childViewControls()) }] },
  { id: 'documents', title: 'Documents', paths: [],
    intro: 'Preview and download the documents. They are made from the plan on this page each time.',
    spec: [{ type: 'custom', render: (app) => app.documentsPanel() }] },
];

/** sectionFor names the section that shows a problem at path. */
export function sectionFor(path) {
  let best = null;
  let len = -1;
  for (const s of sections) {
    for (const p of s.paths) {
      if ((path === p || path.startsWith(p + '.') || path.startsWith(p + '[')) && p.length > len) {
        best = s;
        len = p.length;
      }
    }
  }
  return best;
}
