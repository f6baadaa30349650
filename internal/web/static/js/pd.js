// The Practice Direction panel: each deadline (due date, days left, met,
// missed, overdue) and every finding of the service's check, from the
// answer to POST /v1/plans/validate.

import { h, ukDate, plural } from './util.js';

const statusText = { met: 'Met', missed: 'Missed', due: 'Due', overdue: 'Overdue' };
const severityText = { error: 'Must fix', warning: 'Warning', info: 'Note' };

function days(d) {
  const unit = d.kind === 'outcome' ? 'working day' : 'day';
  if (d.status === 'due') {
    return d.days_left ? `${plural(d.days_left, unit)} left` : 'due today';
  }
  if (d.status === 'overdue') return d.days_late ? `${plural(d.days_late, unit)} overdue` : 'overdue';
  if (d.status === 'missed') return d.days_late ? `${plural(d.days_late, unit)} late` : 'late';
  return '';
}

/**
 * renderPD fills the panel. result is the last good answer (or null);
 * stale is true while the plan has problems, so that the panel says the
 * deadlines are from the last complete check.
 */
export function renderPD(el, result, stale, goTo) {
  if (!result) {
    el.replaceChildren(h('p', { class: 'hint', text: 'The deadlines appear here once the date involvement started or a meeting is filled in.' }));
    return;
  }
  const counts = { overdue: 0, missed: 0, due: 0 };
  for (const d of result.deadlines || []) if (d.status in counts) counts[d.status]++;
  const headline = [];
  if (counts.overdue) headline.push(`${counts.overdue} overdue`);
  if (counts.missed) headline.push(`${counts.missed} missed`);
  if (counts.due) headline.push(`${counts.due} due`);
  const errors = (result.findings || []).filter((f) => f.severity === 'error').length;
  const partial = !!result.partial;
  el.replaceChildren(...[
    partial ? h('p', { class: 'notice notice--stale', text: 'From the dates filled in so far. What the check finds appears here once the rest of the plan is filled in.' })
      : stale ? h('p', { class: 'notice notice--stale', text: 'From the last complete check: fix the problems in the plan to bring this up to date.' }) : null,
    h('p', { class: 'pd__meta' },
      result.plan_date ? `Plan date ${ukDate(result.plan_date)}, version ${result.version}. ` : '',
      `Checked on ${ukDate(result.today)}.`),
    errors ? h('p', { class: 'pd__alert', role: 'status', text: `${plural(errors, 'compliance failure')}: see below.` }) : null,
    h('h3', { class: 'heading-s', text: 'Deadlines' }),
    (result.deadlines || []).length === 0 ? h('p', { class: 'hint', text: 'No deadlines yet.' }) : h('ul', { class: 'deadlines' },
      result.deadlines.map((d) => h('li', { class: `deadline deadline--${d.status}` },
        h('span', { class: `tag tag--${d.status}`, text: statusText[d.status] || d.status }),
        h('span', { class: 'deadline__label', text: d.label }),
        h('span', { class: 'deadline__when' },
          `Due ${ukDate(d.due)}`, d.done_on ? `; done ${ukDate(d.done_on)}` : '',
          !d.done_on && d.planned_for ? `; planned for ${ukDate(d.planned_for)}` : '',
          days(d) ? h('strong', { text: ` (${days(d)})` }) : null)))),
    partial ? null : h('p', { class: 'hint pd__duty', text: result.emergency_duty_phone
      ? `Out of hours: Emergency Duty Team, ${result.emergency_duty_phone}. It ends \u201cWho to call\u201d in every family and network copy, then 999 and 101.`
      : 'No out-of-hours number is set for this service (--emergency-duty-phone): family and network copies list 999 and 101 only.' }),
    partial ? null : h('h3', { class: 'heading-s', text: 'What the check found' }),
    partial ? null : (result.findings || []).length === 0 ? h('p', { class: 'hint', text: 'Nothing to report.' }) : h('ul', { class: 'findings' },
      result.findings.map((f) => h('li', { class: `finding finding--${f.severity}` },
        h('span', { class: `tag tag--${f.severity}`, text: severityText[f.severity] || f.severity }),
        ' ', f.message, ' ',
        f.path && goTo ? h('button', { type: 'button', class: 'button button--link', text: 'Go to it', 'aria-label': `Go to it: ${f.message}`, onclick: () => goTo(f.path) }) : null))),
  ].filter(Boolean));
  el.dataset.summary = headline.join(', ');
}
