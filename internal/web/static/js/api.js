// Talking to the service. Plans go as JSON, or as multipart/form-data when
// they use uploaded photos or drawings (one file part per upload:NAME that
// the plan refers to, and only those: the service refuses unused files).

// Objects that are optional in the plan: left out when nothing is filled in.
const optionalObjects = new Set(['manager', 'further_meetings', 'decided_by', 'no_meeting_rationale', 'handover',
  'words_and_pictures', 'explanation', 'safety_plan', 'safety_scale', 'views', 'network_answers']);

function isEmptyObject(o) {
  return Object.values(o).every((v) => Array.isArray(v) && v.length === 0);
}

/**
 * clean returns the plan as it is sent: empty text and unset values left
 * out, blank lines dropped from lists of sentences, and optional parts that
 * nothing was filled in for left out. Items of lists of objects are kept,
 * even empty, so that a problem's path points at the item on the page.
 */
export function clean(v, key) {
  if (v === null || v === undefined) return undefined;
  if (Array.isArray(v)) {
    const out = [];
    for (const x of v) {
      if (typeof x === 'string') {
        if (x.trim() !== '') out.push(x);
        continue;
      }
      const c = clean(x);
      out.push(c === undefined ? {} : c);
    }
    return out;
  }
  if (typeof v === 'object') {
    const out = {};
    for (const [k, x] of Object.entries(v)) {
      const c = clean(x, k);
      if (c !== undefined) out[k] = c;
    }
    if (optionalObjects.has(key) && isEmptyObject(out)) return undefined;
    return out;
  }
  if (typeof v === 'string' && v === '') return undefined;
  if (typeof v === 'number' && !Number.isFinite(v)) return undefined;
  return v;
}

/** pictureRefs lists every picture value in a plan, with its path. */
export function pictureRefs(plan) {
  const out = [];
  const walk = (v, path) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'picture' && typeof x === 'string' && x) out.push({ ref: x, path: [...path, k] });
        else walk(x, [...path, k]);
      }
    }
  };
  walk(plan, []);
  return out;
}

/** usedUploads lists the NAMEs of the upload:NAME pictures a plan uses. */
export function usedUploads(plan) {
  const names = new Set();
  for (const { ref } of pictureRefs(plan)) {
    if (ref.startsWith('upload:')) names.add(ref.slice('upload:'.length));
  }
  return [...names];
}

/** body makes the request body (and headers) for a plan and its uploads. */
export function body(plan, uploads) {
  const p = clean(plan) || {};
  const names = usedUploads(p);
  if (names.length === 0) {
    return { body: JSON.stringify(p), headers: { 'Content-Type': 'application/json' } };
  }
  const fd = new FormData();
  fd.append('plan', JSON.stringify(p));
  for (const n of names) {
    const b = uploads.get(n);
    if (b) fd.append('upload', b, n);
  }
  return { body: fd, headers: {} };
}

/**
 * post sends the plan to a service address. The answer is
 * {ok, status, json, blob, filename, problems, detail}: problems are the
 * service's list of {path, code, message} for a 422.
 */
export async function post(url, plan, uploads, { signal, expect = 'json' } = {}) {
  const b = body(plan, uploads);
  let res;
  try {
    res = await fetch(url, { method: 'POST', body: b.body, headers: b.headers, signal, credentials: 'same-origin' });
  } catch (err) {
    if (err.name === 'AbortError') throw err;
    return { ok: false, status: 0, problems: [], detail: 'The service could not be reached. Check the connection and try again.' };
  }
  return answer(res, expect);
}

/** answer reads a response as JSON, a file, or a problem. */
export async function answer(res, expect = 'json') {
  const ct = res.headers.get('Content-Type') || '';
  if (!res.ok) {
    let j = {};
    if (ct.includes('json')) {
      try { j = await res.json(); } catch { j = {}; }
    }
    return { ok: false, status: res.status, problems: j.errors || j.problems || [], detail: j.detail || res.statusText, title: j.title };
  }
  if (expect === 'blob') {
    const cd = res.headers.get('Content-Disposition') || '';
    const m = /filename="([^"]+)"/.exec(cd);
    return { ok: true, status: res.status, blob: await res.blob(), filename: m ? m[1] : '', type: ct };
  }
  return { ok: true, status: res.status, json: await res.json() };
}
