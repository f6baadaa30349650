// The draft, kept in this browser's localStorage only (never on the
// server), and the plan file the worker saves.

import { usedUploads, clean } from './api.js';

const KEY = 'safetyplan.draft.v1';
const dataURLs = new WeakMap(); // Blob → data: URL, so a photo is encoded once

/** blobToDataURL reads a blob as a data: URL. */
export function blobToDataURL(blob) {
  if (dataURLs.has(blob)) return Promise.resolve(dataURLs.get(blob));
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => { dataURLs.set(blob, r.result); resolve(r.result); };
    r.onerror = () => reject(r.error);
    r.readAsDataURL(blob);
  });
}

/** dataURLToBlob turns a data: URL (or plain base64) into a Blob. */
export function dataURLToBlob(s, type = 'application/octet-stream') {
  let b64 = s;
  const m = /^data:([^;,]+)?(;base64)?,(.*)$/s.exec(s);
  if (m) {
    type = m[1] || type;
    b64 = m[3];
  }
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  if (!type.startsWith('image/')) type = sniff(bytes) || type;
  return new Blob([bytes], { type });
}

/** sniff names the image type of bytes, from their first bytes. */
export function sniff(b) {
  const at = (i, ...xs) => xs.every((x, j) => b[i + j] === x);
  if (at(0, 0x89, 0x50, 0x4e, 0x47)) return 'image/png';
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (at(0, 0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp';
  return '';
}

/**
 * saveDraft keeps the plan, the uploads it uses and meta (what the page
 * knows of the stored plan it came from, or null). It throws when full.
 */
export async function saveDraft(plan, uploads, meta = null) {
  for (const n of usedUploads(plan)) {
    if (uploads.has(n)) await blobToDataURL(uploads.get(n));
  }
  return saveDraftNow(plan, uploads, meta);
}

/**
 * saveDraftNow keeps the draft at once, without waiting (for pagehide):
 * photos not yet encoded keep the form they had in the last draft.
 */
export function saveDraftNow(plan, uploads, meta = null) {
  let old = {};
  try { old = (JSON.parse(localStorage.getItem(KEY) || '{}') || {}).uploads || {}; } catch { old = {}; }
  const up = {};
  for (const n of usedUploads(plan)) {
    const b = uploads.get(n);
    if (b && dataURLs.has(b)) up[n] = dataURLs.get(b);
    else if (old[n]) up[n] = old[n];
  }
  const savedAt = new Date().toISOString();
  localStorage.setItem(KEY, JSON.stringify({ saved_at: savedAt, plan, uploads: up, stored: meta }));
  return savedAt;
}

/** loadDraft returns {plan, uploads: Map, savedAt}, or null. */
export function loadDraft() {
  let raw;
  try {
    raw = localStorage.getItem(KEY);
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const d = JSON.parse(raw);
    const uploads = new Map();
    for (const [n, u] of Object.entries(d.uploads || {})) uploads.set(n, dataURLToBlob(u));
    return { plan: d.plan, uploads, savedAt: d.saved_at, meta: d.stored || null };
  } catch {
    return null;
  }
}

/** clearDraft forgets the draft in this browser. */
export function clearDraft() {
  try {
    localStorage.removeItem(KEY);
  } catch { /* nothing kept */ }
}

/** hasDraft says whether a draft is kept in this browser. */
export function hasDraft() {
  try {
    return !!localStorage.getItem(KEY);
  } catch {
    return false;
  }
}

/**
 * planFile is the plan as the saved file holds it: the plan format, with
 * each uploaded photo or drawing written into it as a data: picture, so that
 * one file carries everything.
 */
export async function planFile(plan, uploads) {
  const p = clean(plan) || {};
  const cache = new Map();
  for (const n of usedUploads(p)) {
    if (uploads.has(n)) cache.set(n, await blobToDataURL(uploads.get(n)));
  }
  const walk = (v) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'picture' && typeof x === 'string' && x.startsWith('upload:') && cache.has(x.slice(7))) v[k] = cache.get(x.slice(7));
        else walk(x);
      }
    }
  };
  walk(p);
  return JSON.stringify(p, null, 2) + '\n';
}
