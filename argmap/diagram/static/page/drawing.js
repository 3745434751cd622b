// Each language's SVG: parsed once when first shown (a large one in pieces, put in near the view), made reachable
// by keyboard, patched in place by a save.
function nodeElements() {
  return canvas.querySelectorAll("g.node[id^='node-']");
}
function nodeElement(id) {
  // The drawing shown is in the document, whose id index answers at once (a selector would walk it).
  const g = id ? root.getElementById("node-" + id) : null;
  if (g && canvas.contains(g)) return g;
  return id && pieces() ? pieces().ensure("node-" + id) : null;
}
let drawnSet = null;
function isDrawn(id) {
  if (!drawnSet || drawnSet.data !== data) drawnSet = {data, ids: new Set(data.drawn)};
  return drawnSet.ids.has(id);
}
function drawingFor(language) {
  // Each language's SVG is parsed once and kept while another is shown (never cloned: a large
  // drawing costs a browser more to copy than to swap).
  const drawing = drawings[language];
  if (!drawing) return null;
  if (!drawing.svg && (drawing.cut || drawing.template.dataset.pieces)) {
    drawing.cut = drawing.cut || JSON.parse(drawing.template.textContent);
    drawing.pieces = argmapPieces.drawing(drawing.cut, (g) => {
      decorate(g, language, drawing);
      if (shaping) reshape(g); // folded away, out of focus or filtered out, as the rest of the drawing
    });
    dress(drawing.svg = drawing.pieces.svg, language);
  } else if (!drawing.svg) {
    const svg = contentOf(drawing).querySelector("svg");
    if (!svg) return null;
    drawing.svg = document.adoptNode(svg);
    dress(svg, language);
    for (const g of svg.querySelectorAll("g.node[id^='node-'], g.edge[id^='edge-']")) decorate(g, language, drawing);
  }
  patchDrawing(drawing, language);
  return drawing.svg;
}
function dress(svg, language) {
  const box = svg.viewBox.baseVal;
  // One SVG unit is one CSS pixel at zoom 1 (apply() sizes the drawing for the zoom).
  svg.setAttribute("width", String(box.width));
  svg.setAttribute("height", String(box.height));
  svg.setAttribute("role", "group");
  svg.setAttribute("aria-label", (data.title[language] || data.id) + ": argument map");
  for (const title of svg.querySelectorAll("title")) title.remove();
}
function decorate(g, language, drawing) {
  // A node made a button named by its text, an edge of an unnamed inference titled by what it joins (never a
  // derived id); a piece put in later also takes the selection, the matches and the texts patched since.
  const id = g.id.slice(5);
  if (g.classList.contains("edge")) {
    if (!derived(data.nodes[id])) return;
    const a = g.querySelector("a");
    if (a) a.setAttributeNS(XLINK, "xlink:title", textOf(id, language));
    return;
  }
  if (!data.nodes[id]) return;
  g.setAttribute("tabindex", "0");
  g.setAttribute("role", "button");
  g.setAttribute("aria-label", textOf(id, language));
  if (derived(data.nodes[id])) {
    const a = g.querySelector("a");
    if (a) a.setAttributeNS(XLINK, "xlink:title", textOf(id, language));
  }
  if (data.problems[id]) g.classList.add("problem");
  if (!drawing.pieces) return;
  g.classList.toggle("selected", id === selected);
  g.classList.toggle("match", matches.has(id));
  const change = drawing.patch && drawing.applied === drawing.patch.version && drawing.patch.nodes[id];
  if (change) patchNode(g, change);
}
function patchDrawing(drawing, language) {
  // A save that changed only texts comes as a patch: the texts and tooltips of the boxes changed since this
  // drawing was made, set in place (the layout is the same: the server checks it with dot afterwards).
  const patch = drawing.patch;
  if (!patch || !drawing.svg || drawing.applied === patch.version) return;
  for (const [id, change] of Object.entries(patch.nodes)) {
    const g = drawing.svg.querySelector("#" + CSS.escape("node-" + id));
    if (g) patchNode(g, change); // a drawing in pieces patches the others as they are put in
  }
  drawing.applied = patch.version;
}
function patchNode(g, change) {
  const texts = g.querySelectorAll("text");
  change.lines.forEach((line, i) => { if (texts[i]) texts[i].textContent = line; });
  const a = g.querySelector("a");
  if (a) a.setAttributeNS(XLINK, "xlink:title", change.title);
  g.setAttribute("aria-label", change.label); // the patch comes before the data with the same texts
}
function stamp() {
  frame.dataset.version = String(shown);
  canvas.getBoundingClientRect(); // laid out: the moment the drawing is on screen, for benchmarks/bench_serve.py
  frame.dataset.shownAt = String(Date.now());
}
function placeOf(id) {
  // Where a node's centre is in the viewport, and whether that is in view (null when it is not drawn).
  const g = id && canvas.firstChild ? nodeElement(id) : null;
  if (!g || g.classList.contains("hidden")) return null;
  const box = g.getBoundingClientRect(), port = viewport.getBoundingClientRect();
  const x = box.left + box.width / 2 - port.left, y = box.top + box.height / 2 - port.top;
  return box.width ? {x, y, seen: x >= 0 && y >= 0 && x <= port.width && y <= port.height} : null;
}
function show(language) {
  const svg = drawingFor(language);
  if (!svg) return false;
  const place = fitted ? placeOf(selected) : null; // the selected node in view stays in it
  canvas.replaceChildren(svg);
  const drawing = drawings[language];
  shown = Math.max(drawing.version, drawing.applied === undefined ? -1 : drawing.applied);
  shownLang = language;
  (host ? frame : document.documentElement).lang = spoken(language);
  mark();
  shape();
  highlight(selected);
  if (!fitted && svg.viewBox.baseVal.width) { opening(); fitted = viewport.clientWidth > 0; }
  else apply(); // a new drawing (a language, a save) takes the view where the reader left it
  const now = place && place.seen && placeOf(selected); // (a new layout, another language's, may move it out)
  if (now && !now.seen) { view.x += place.x - now.x; view.y += place.y - now.y; apply(); }
  overview.reset();
  frame.dataset.lang = language;
  stamp();
  return true;
}
