// Each language's SVG: parsed once when first shown, made reachable by keyboard, patched in place by a save.
function nodeElements() {
  return canvas.querySelectorAll("g.node[id^='node-']");
}
function nodeElement(id) {
  // The drawing shown is in the document, whose id index answers at once (a selector would walk it).
  const g = id ? root.getElementById("node-" + id) : null;
  return g && canvas.contains(g) ? g : null;
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
  if (!drawing.svg) {
    const svg = contentOf(drawing).querySelector("svg");
    if (!svg) return null;
    drawing.svg = document.adoptNode(svg);
    const box = svg.viewBox.baseVal;
    // One SVG unit is one CSS pixel at zoom 1 (apply() sizes the drawing for the zoom).
    svg.setAttribute("width", String(box.width));
    svg.setAttribute("height", String(box.height));
    svg.setAttribute("role", "group");
    svg.setAttribute("aria-label", (data.title[language] || data.id) + ": argument map");
    for (const title of svg.querySelectorAll("title")) title.remove();
    for (const g of svg.querySelectorAll("g.node[id^='node-']")) {
      const id = g.id.slice(5);
      if (!data.nodes[id]) continue;
      g.setAttribute("tabindex", "0");
      g.setAttribute("role", "button");
      g.setAttribute("aria-label", textOf(id, language));
      if (derived(data.nodes[id])) {
        const a = g.querySelector("a");
        if (a) a.setAttributeNS(XLINK, "xlink:title", textOf(id, language));
      }
      if (data.problems[id]) g.classList.add("problem");
    }
    for (const g of svg.querySelectorAll("g.edge[id^='edge-']")) {
      // An edge drawn for an inference the map does not name says what it joins, not a derived id.
      const node = data.nodes[g.id.slice(5)];
      if (!derived(node)) continue;
      const a = g.querySelector("a");
      if (a) a.setAttributeNS(XLINK, "xlink:title", textOf(g.id.slice(5), language));
    }
  }
  patchDrawing(drawing, language);
  return drawing.svg;
}
function patchDrawing(drawing, language) {
  // A save that changed only texts comes as a patch: the texts and tooltips of the boxes changed since this
  // drawing was made, set in place (the layout is the same: the server checks it with dot afterwards).
  const patch = drawing.patch;
  if (!patch || !drawing.svg || drawing.applied === patch.version) return;
  for (const [id, change] of Object.entries(patch.nodes)) {
    const g = drawing.svg.querySelector("#" + CSS.escape("node-" + id));
    if (!g) continue;
    const texts = g.querySelectorAll("text");
    change.lines.forEach((line, i) => { if (texts[i]) texts[i].textContent = line; });
    const a = g.querySelector("a");
    if (a) a.setAttributeNS(XLINK, "xlink:title", change.title);
    g.setAttribute("aria-label", change.label); // the patch comes before the data with the same texts
  }
  drawing.applied = patch.version;
}
function stamp() {
  frame.dataset.version = String(shown);
  canvas.getBoundingClientRect(); // laid out: the moment the drawing is on screen, for benchmarks/bench_serve.py
  frame.dataset.shownAt = String(Date.now());
}
function show(language) {
  const svg = drawingFor(language);
  if (!svg) return false;
  canvas.replaceChildren(svg);
  const drawing = drawings[language];
  shown = Math.max(drawing.version, drawing.applied === undefined ? -1 : drawing.applied);
  shownLang = language;
  (host ? frame : document.documentElement).lang = language;
  mark();
  shape();
  highlight(selected);
  if (!fitted && svg.viewBox.baseVal.width) { opening(); fitted = viewport.clientWidth > 0; }
  else apply(); // a new drawing (a language, a save) takes the view where the reader left it
  overview.reset();
  frame.dataset.lang = language;
  stamp();
  return true;
}
