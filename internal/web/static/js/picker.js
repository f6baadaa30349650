// The picture picker: the illustration library (searchable by name and
// tag) beside "upload a photo or drawing", with a preview. It is a native
// <dialog>, so focus stays inside it and Escape closes it.

import { h, plural } from './util.js';

const MAX_SIDE = 1600; // pixels: plenty for a full A4 page
const MAX_KEEP = 1_500_000; // bytes: larger files are made smaller first

/**
 * shrink returns the picture as it will be sent: as chosen when it is
 * small, else redrawn as a JPEG no larger than MAX_SIDE on its longest side,
 * so that the draft fits in the browser and each check stays quick.
 */
async function shrink(file) {
  const bmp = await createImageBitmap(file);
  const scale = Math.min(1, MAX_SIDE / Math.max(bmp.width, bmp.height));
  if (scale === 1 && file.size <= MAX_KEEP) {
    bmp.close();
    return { blob: file, name: file.name };
  }
  const c = document.createElement('canvas');
  c.width = Math.max(1, Math.round(bmp.width * scale));
  c.height = Math.max(1, Math.round(bmp.height * scale));
  const ctx = c.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, c.width, c.height);
  ctx.drawImage(bmp, 0, 0, c.width, c.height);
  bmp.close();
  const blob = await new Promise((resolve) => c.toBlob(resolve, 'image/jpeg', 0.88));
  return { blob, name: file.name.replace(/\.[^.]*$/, '') + '.jpg' };
}

/** createPicker wires the dialog in index.html to the app. */
export function createPicker(app) {
  const $ = (id) => document.getElementById(id);
  const dlg = $('picker');
  const grid = $('picker-grid');
  const search = $('picker-search');
  const count = $('picker-count');
  const file = $('picker-file');
  const fileError = $('picker-file-error');
  const preview = $('picker-preview');
  const previewImg = $('picker-preview-img');
  const previewName = $('picker-preview-name');
  const use = $('picker-use-upload');
  let library = null;
  let onPick = null;
  let current = '';
  let pending = null;

  async function load() {
    if (library) return library;
    try {
      const res = await fetch('/v1/illustrations');
      library = res.ok ? await res.json() : [];
    } catch {
      library = [];
    }
    return library;
  }

  function matches(item, q) {
    if (!q) return true;
    const hay = [item.name, item.description, ...(item.tags || [])].join(' ').toLowerCase();
    return q.toLowerCase().split(/\s+/).filter(Boolean).every((t) => hay.includes(t));
  }

  function renderGrid() {
    const q = search.value.trim();
    const shown = (library || []).filter((x) => matches(x, q));
    grid.replaceChildren(...shown.map((x) => h('li', {},
      h('button', {
        type: 'button', class: 'picker__item', 'aria-pressed': String(current === 'library:' + x.name),
        dataset: { name: x.name }, title: x.description,
        onclick: () => pick('library:' + x.name),
      }, h('img', { src: `/v1/illustrations/${encodeURIComponent(x.name)}.png?size=128`, alt: '', width: 96, height: 96, loading: 'lazy' }),
      h('span', { class: 'picker__name', text: x.name.replace(/-/g, ' ') })))));
    count.textContent = library && library.length === 0 ? 'The picture library could not be loaded.'
      : q ? `${plural(shown.length, 'picture')} ${shown.length === 1 ? 'matches' : 'match'} "${q}"` : `${plural(shown.length, 'picture')}`;
  }

  function pick(ref) {
    const cb = onPick;
    dlg.close();
    if (cb) cb(ref);
  }

  function resetUpload() {
    pending = null;
    file.value = '';
    preview.hidden = true;
    previewImg.removeAttribute('src');
    fileError.hidden = true;
    use.disabled = true;
  }

  search.addEventListener('input', renderGrid);
  $('picker-close').addEventListener('click', () => dlg.close());
  dlg.addEventListener('close', () => { onPick = null; });
  file.addEventListener('change', async () => {
    const f = file.files[0];
    fileError.hidden = true;
    if (!f) return;
    if (!/^image\/(png|jpeg|gif|webp)$/.test(f.type)) {
      fileError.textContent = 'Choose a photo or drawing saved as JPEG, PNG, GIF or WebP.';
      fileError.hidden = false;
      return;
    }
    try {
      pending = await shrink(f);
    } catch {
      fileError.textContent = 'This picture could not be read. Try another file.';
      fileError.hidden = false;
      return;
    }
    if (previewImg.src) URL.revokeObjectURL(previewImg.src);
    previewImg.src = URL.createObjectURL(pending.blob);
    previewImg.alt = `Preview of ${pending.name}`;
    previewName.textContent = pending.name;
    preview.hidden = false;
    use.disabled = false;
  });
  use.addEventListener('click', () => {
    if (!pending) return;
    const name = app.addUpload(pending.name, pending.blob);
    pick('upload:' + name);
  });

  return {
    async open(ref, cb) {
      current = ref || '';
      onPick = cb;
      search.value = '';
      resetUpload();
      dlg.showModal();
      search.focus();
      await load();
      renderGrid();
    },
  };
}
