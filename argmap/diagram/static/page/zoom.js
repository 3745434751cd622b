// Where the view is: the drawing at its size, panned by scrolling, zoomed, fitted, opened readable on the thesis.
let applying = false;
function apply() {
  // The drawing is drawn at its size (k × dot's), and moved by scrolling the viewport: the browser then
  // lays out and paints only what is in view, as it does an SVG file opened alone (a transformed layer of a
  // large map would be painted whole). It never leaves an empty band: a drawing wider (or taller) than the
  // window keeps its edges to the window's, a smaller one is centred.
  const svg = canvas.querySelector("svg");
  const {w, h} = size(), vw = viewport.clientWidth, vh = viewport.clientHeight;
  const width = w * view.k, height = h * view.k;
  view.x = width > vw ? Math.min(0, Math.max(vw - width, view.x)) : (vw - width) / 2;
  view.y = height > vh ? Math.min(0, Math.max(vh - height, view.y)) : (vh - height) / 2;
  if (svg) {
    svg.setAttribute("width", String(width));
    svg.setAttribute("height", String(height));
  }
  canvas.style.marginLeft = Math.max(0, view.x) + "px";
  canvas.style.marginTop = Math.max(0, view.y) + "px";
  applying = true;
  viewport.scrollLeft = Math.max(0, -view.x);
  viewport.scrollTop = Math.max(0, -view.y);
  applying = false;
  frame.dataset.view = [view.x, view.y, view.k].map((v) => +v.toFixed(3)).join(" ");
  near();
  overview.frame();
}
function near() {
  // A drawing in pieces gets the pieces near the view (in its own units) put in, and those far from it taken out.
  const drawn = pieces();
  if (!drawn) return;
  const vw = viewport.clientWidth, vh = viewport.clientHeight;
  drawn.update(-view.x / view.k, -view.y / view.k, (vw - view.x) / view.k, (vh - view.y) / view.k, view.k);
}
function least() {
  return pieces() ? argmapPieces.FLOOR : 0.02;
}
const READABLE = 1; // one SVG unit per CSS pixel: dot's 11-point texts show at 11 px
function opening() {
  // A map that fits the window readably is shown whole; a larger one opens at a readable size on its
  // thesis, the drawing's edges kept to the window's (so the thesis sits at the top of a bottom-up map).
  const {w, h} = size(), vw = viewport.clientWidth, vh = viewport.clientHeight;
  if (Math.min(vw / w, vh / h) * 0.96 >= READABLE) { fit(); return; }
  const thesis = data.drawn.find((id) => data.nodes[id] && data.nodes[id].role === "thesis") || data.drawn[0];
  const box = pieces() && pieces().box("node-" + thesis);
  view.k = READABLE; view.x = (vw - w) / 2; view.y = 0;
  if (box) { // centred from its box: the pieces near the left edge are never put in
    view.x = vw / 2 - (box[0] + box[2] / 2) * view.k; view.y = vh / 2 - (box[1] + box[3] / 2) * view.k;
    apply();
    return;
  }
  const g = nodeElement(thesis);
  apply();
  if (g) centre(g);
}
function size() {
  const svg = canvas.querySelector("svg");
  return svg ? {w: svg.viewBox.baseVal.width, h: svg.viewBox.baseVal.height} : {w: 1, h: 1};
}
function fit() {
  // The whole drawing in the window; with the focus on, the statements it shows (they may lie far apart).
  if (focus.on && selected && frameNodes(shownIds())) return;
  const {w, h} = size(), vw = viewport.clientWidth, vh = viewport.clientHeight;
  view.k = Math.max(least(), Math.min(vw / w, vh / h, 2) * 0.96);
  view.x = (vw - w * view.k) / 2;
  view.y = (vh - h * view.k) / 2;
  apply();
}
function boxOf(id) {
  // [x, y, width, height] of a node in the drawing's units (a drawing in pieces knows it without putting it in).
  if (pieces()) return pieces().box("node-" + id);
  const g = nodeElement(id), svg = canvas.querySelector("svg");
  if (!g || !svg || g.classList.contains("hidden")) return null;
  const box = g.getBoundingClientRect(), at = svg.getBoundingClientRect();
  return [(box.left - at.left) / view.k, (box.top - at.top) / view.k, box.width / view.k, box.height / view.k];
}
function frameNodes(ids) {
  // The view on these nodes, as large as fits them (readable at most twice over); when they cannot all be in it
  // (the smallest zoom), it is centred on the node selected. False when none of them is drawn.
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const id of ids) {
    const box = boxOf(id);
    if (!box) continue;
    x0 = Math.min(x0, box[0]); y0 = Math.min(y0, box[1]);
    x1 = Math.max(x1, box[0] + box[2]); y1 = Math.max(y1, box[1] + box[3]);
  }
  if (x0 === Infinity) return false;
  const vw = viewport.clientWidth, vh = viewport.clientHeight;
  const k = Math.min(vw / (x1 - x0), vh / (y1 - y0), 2) * 0.9;
  view.k = Math.max(least(), k);
  let cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  const own = k < least() && selected && boxOf(selected);
  if (own) { cx = own[0] + own[2] / 2; cy = own[1] + own[3] / 2; }
  view.x = vw / 2 - cx * view.k;
  view.y = vh / 2 - cy * view.k;
  apply();
  // What the view cannot hold is said, with the ways to it (a drawing in pieces is never shown further out).
  const statements = ids.filter((id) => data.nodes[id] && data.nodes[id].kind !== "inference");
  const out = own ? statements.filter((id) => { const b = boxOf(id); return b && (b[0] * view.k + view.x < 0
    || (b[0] + b[2]) * view.k + view.x > vw || b[1] * view.k + view.y < 0 || (b[1] + b[3]) * view.k + view.y > vh); }) : [];
  if (out.length || status.dataset.framing) status.textContent = out.length ? out.length + " of the " + statements.length
    + " statements shown lie outside the view: Tab goes to each, the overview shows where they are" : "";
  if (out.length) status.dataset.framing = "1"; else delete status.dataset.framing;
  return true;
}
function zoom(factor, cx, cy) {
  const k = Math.max(least(), Math.min(view.k * factor, 8));
  if (cx === undefined) { cx = viewport.clientWidth / 2; cy = viewport.clientHeight / 2; }
  view.x = cx - (cx - view.x) * k / view.k;
  view.y = cy - (cy - view.y) * k / view.k;
  view.k = k;
  apply();
}
function centre(g) {
  const box = g.getBoundingClientRect(), port = viewport.getBoundingClientRect();
  view.x += port.left + port.width / 2 - (box.left + box.width / 2);
  view.y += port.top + port.height / 2 - (box.top + box.height / 2);
  apply();
}
