// argmap's HTML view: pan and zoom, search, a panel per node, languages, deep links, live updates.
// Written for this page alone; every map text reaches the page through textContent, never as markup.
"use strict";
(function () {
  // The whole page, or one map embedded in another page (argmap.diagram.html.fragment): there the script sits
  // in its host element and the view lives in that element's shadow root, apart from the page's ids and styles.
  const host = document.currentScript && document.currentScript.parentElement.closest(".argmap-embed");
  if (host && !host.shadowRoot) host.attachShadow({mode: "open"}).append(host.querySelector("template.argmap-view").content);
  const root = host ? host.shadowRoot : document, frame = host ? root.querySelector(".embedded") : document.body;
  const $ = (id) => root.getElementById(id);
  const viewport = $("viewport"), canvas = $("canvas"), panel = $("panel"), search = $("search");
  const results = $("results"), count = $("count"), status = $("status"), picker = $("lang");
  const live = frame.dataset.live === "1";
  let data = JSON.parse($("argmap-data").textContent);
  let lang = data.lang;
  const drawings = {}; // lang -> {version (of its layout), template, svg once parsed, patch (newest texts), applied}
  const XLINK = "http://www.w3.org/1999/xlink";
  let shown = -1, shownLang = null, selected = null, matches = new Set();
  const view = {x: 0, y: 0, k: 1};
  let fitted = false;

  for (const template of root.querySelectorAll(".drawing")) {
    // The language the view opens in comes as a <template> (parsed with the page); the others as text,
    // parsed only when a reader asks for them: a large map's page then parses one drawing, not one per language.
    drawings[template.dataset.lang] = {version: Number(template.dataset.version || 0), template};
  }
  function pieces() {
    // The drawing shown, when it comes in pieces (a large map: argmapPieces puts in only what is near the view).
    const drawing = shownLang && drawings[shownLang];
    return drawing && drawing.pieces && canvas.contains(drawing.svg) ? drawing.pieces : null;
  }
  function contentOf(drawing) {
    let template = drawing.template;
    if (!(template instanceof HTMLTemplateElement)) {
      const parsed = document.createElement("template");
      parsed.innerHTML = template.textContent;
      template = drawing.template = parsed;
    }
    return template.content;
  }

  // ---- texts -------------------------------------------------------------------------------------
  function textsOf(node) {
    return node.kind === "inference" ? node.label : node.text;
  }
  function inLanguage(texts, language) {
    return texts && (texts[language] || texts[data.languages[0]] || Object.values(texts)[0]);
  }
  function derived(node) {
    return node && node.kind === "inference" && !node.explicit;
  }
  function textOf(id, language) {
    const node = data.nodes[id];
    const own = node && inLanguage(textsOf(node), language);
    if (own) return own;
    if (node && node.kind === "inference") {
      // An inference the map does not name is shown by what it joins: a reader never meets a derived id.
      const from = (node.premises || []).map((p) => textOf(p, language)).join(" + ");
      return (node.relation || "inference") + ": " + from + (node.target ? " → " + textOf(node.target, language) : "");
    }
    return id;
  }
  function fold(text) {
    return String(text).normalize("NFKC").toLowerCase().replace(/\s+/g, "");
  }
  function el(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value !== null && value !== undefined) element.setAttribute(name, value);
    }
    for (const child of children) {
      if (child !== null && child !== undefined) element.append(child instanceof Node ? child : String(child));
    }
    return element;
  }
  function link(id) {
    const shownText = textOf(id, lang);
    const a = el("a", {href: "#" + encodeURIComponent(id), class: "node-link", "data-node": id},
      shownText.length > 80 ? shownText.slice(0, 79) + "…" : shownText);
    if (!isDrawn(id)) a.append(el("span", {class: "outside"}, " (not in this drawing)"));
    return a;
  }

  // ---- the drawing -------------------------------------------------------------------------------
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
      drawing.pieces = argmapPieces.drawing(drawing.cut, (g) => decorate(g, language, drawing));
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
  function show(language) {
    const svg = drawingFor(language);
    if (!svg) return false;
    canvas.replaceChildren(svg);
    const drawing = drawings[language];
    shown = Math.max(drawing.version, drawing.applied === undefined ? -1 : drawing.applied);
    shownLang = language;
    (host ? frame : document.documentElement).lang = language;
    mark();
    highlight(selected);
    if (!fitted && svg.viewBox.baseVal.width) { opening(); fitted = viewport.clientWidth > 0; }
    else apply(); // a new drawing (a language, a save) takes the view where the reader left it
    overview.reset();
    frame.dataset.lang = language;
    stamp();
    return true;
  }
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
    const {w, h} = size(), vw = viewport.clientWidth, vh = viewport.clientHeight;
    view.k = Math.max(least(), Math.min(vw / w, vh / h, 2) * 0.96);
    view.x = (vw - w * view.k) / 2;
    view.y = (vh - h * view.k) / 2;
    apply();
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

  // ---- the overview: the whole drawing small, where the view is, and a click to move it -----------
  const overview = (function () {
    const box = $("overview");
    const COLOURS = {thesis: "#f5d76e", claim: "#a9cce3", evidence: "#a3e4c1", question: "#ddd"};
    let boxes = null, base = null, scale = 1, pending = false, svgShown = null;
    function measure() {
      // Node boxes from the drawing's geometry (getBBox: no CSS layout), in drawing units; once per drawing.
      const svg = canvas.querySelector("svg");
      if (!svg) return;
      if (pieces()) { // a drawing in pieces knows every node's box without putting it in
        boxes = pieces().nodes().map(([id, x, y, w, h]) => {
          const node = data.nodes[id];
          return [x, y, w, h, node ? COLOURS[node.role || node.kind] || "#bbb" : "#bbb"];
        });
        return;
      }
      const graph = svg.querySelector("g.graph");
      const m = graph && graph.transform.baseVal.consolidate() ? graph.transform.baseVal.consolidate().matrix : null;
      boxes = [];
      for (const g of svg.querySelectorAll("g.node[id^='node-']")) {
        const b = g.getBBox(), node = data.nodes[g.id.slice(5)];
        const x = m ? m.a * b.x + m.e : b.x, y = m ? m.d * b.y + m.f : b.y;
        boxes.push([x, y, b.width * (m ? m.a : 1), b.height * (m ? m.d : 1),
          node ? COLOURS[node.role || node.kind] || "#bbb" : "#bbb"]);
      }
    }
    function paint() {
      const {w, h} = size();
      const room = window.innerWidth < 600 ? 110 : 200;
      scale = Math.min(room / w, room / h);
      box.width = Math.max(1, Math.round(w * scale));
      box.height = Math.max(1, Math.round(h * scale));
      base = document.createElement("canvas");
      base.width = box.width; base.height = box.height;
      const ctx = base.getContext("2d");
      ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, base.width, base.height);
      for (const [x, y, bw, bh, colour] of boxes) {
        ctx.fillStyle = colour;
        ctx.fillRect(x * scale, y * scale, Math.max(1, bw * scale), Math.max(1, bh * scale));
      }
    }
    function draw() {
      pending = false;
      if (!base) return;
      const ctx = box.getContext("2d");
      ctx.drawImage(base, 0, 0);
      ctx.strokeStyle = "#D55E00"; ctx.lineWidth = 2;
      ctx.strokeRect(-view.x / view.k * scale, -view.y / view.k * scale,
        viewport.clientWidth / view.k * scale, viewport.clientHeight / view.k * scale);
    }
    function frame() {
      if (!pending && base) { pending = true; requestAnimationFrame(draw); }
    }
    function reset() {
      // Drawn once the page is on screen, so that it never delays the first view.
      const svg = canvas.querySelector("svg");
      if (svg === svgShown) return;
      svgShown = svg; base = null;
      const later = window.requestIdleCallback || ((f) => setTimeout(f, 50));
      requestAnimationFrame(() => later(() => {
        if (canvas.querySelector("svg") !== svg) return;
        measure(); paint(); draw();
        box.hidden = !boxes.length || (box.width >= size().w * view.k && box.height >= size().h * view.k);
      }));
    }
    function move(event) {
      const rect = box.getBoundingClientRect();
      const x = (event.clientX - rect.left) / scale, y = (event.clientY - rect.top) / scale;
      view.x = viewport.clientWidth / 2 - x * view.k;
      view.y = viewport.clientHeight / 2 - y * view.k;
      apply();
    }
    let held = false;
    box.addEventListener("pointerdown", (event) => {
      event.stopPropagation(); held = true; box.setPointerCapture(event.pointerId); move(event);
    });
    box.addEventListener("pointermove", (event) => { if (held) move(event); });
    box.addEventListener("pointerup", (event) => { event.stopPropagation(); held = false; });
    return {frame, reset, repaint: () => { if (boxes) { paint(); draw(); } }};
  })();

  // ---- selection and the panel -------------------------------------------------------------------
  function highlight(id) {
    for (const g of canvas.querySelectorAll("g.node.selected")) g.classList.remove("selected");
    const g = nodeElement(id);
    if (g) g.classList.add("selected");
    return g;
  }
  function select(id, options) {
    if (!data.nodes[id]) return;
    selected = id;
    const g = highlight(id);
    render();
    if (g && options && options.centre) centre(g);
    if (g && options && options.focus) g.focus({preventScroll: true});
    const hash = "#" + encodeURIComponent(id);
    if (!host && location.hash !== hash) history.replaceState(null, "", hash);  // an embedded map leaves the address alone
  }
  function relationList(title, items) {
    if (!items.length) return null;
    return el("section", {}, el("h3", {}, title), el("ul", {}, ...items));
  }
  const VERBS = {support: ["supports", "supported by"], attack: ["attacks", "attacked by"],
                 undercut: ["undercuts", "undercut by"]};
  function refresh() {
    // After an update: a selection whose node is gone is dropped (its panel, its address); a panel whose
    // content did not change is left as it is (a reader's focus and a screen reader's place stay); one that
    // changed is rebuilt with the focus on the same control.
    if (selected && !data.nodes[selected]) { unselect(); return; }
    if (!selected) return;
    const focused = [...panel.querySelectorAll("a, button")].indexOf(root.activeElement);
    if (render(true) && focused >= 0) {
      const again = panel.querySelectorAll("a, button");
      (again[Math.min(focused, again.length - 1)] || panel).focus({preventScroll: true});
    }
  }
  function render(onlyIfChanged) {
    // Builds the panel of the selected node; returns whether the page's panel was replaced.
    const id = selected, node = id && data.nodes[id];
    if (!node) { panel.hidden = true; panel.replaceChildren(); return true; }
    const parts = [];
    const close = el("button", {type: "button", class: "close", "aria-label": "Close"}, "×");
    close.addEventListener("click", unselect);
    const kind = node.kind === "inference" ? node.relation + " inference" : node.kind === "question" ? "question" : node.role;
    parts.push(close, derived(node)
      ? el("h2", {}, el("span", {class: "role"}, kind))
      : el("h2", {}, el("code", {}, id), " ", el("span", {class: "role"}, kind)));
    const reason = why(id);
    if (reason && node.role === "thesis") parts.push(reason); // the thesis's panel leads with its reason
    const texts = textsOf(node);
    const list = el("dl", {class: "texts"});
    for (const language of data.languages) {
      list.append(el("dt", {}, language));
      const text = texts && texts[language];
      list.append(text ? el("dd", {lang: language}, text) : el("dd", {class: "missing"}, "(no text in " + language + ")"));
    }
    if (node.kind !== "inference" || Object.keys(texts || {}).length) parts.push(list);
    parts.push(question(id, node), schemeSection(node));
    const note = inLanguage(node.note, lang);
    if (note) parts.push(el("section", {class: "note"}, el("h3", {}, "Analyst's note"), el("p", {}, note)));
    if (node.quotes && node.quotes.length) {
      const quotes = el("section", {}, el("h3", {}, "Quotes"));
      for (const quote of node.quotes) {
        const source = data.sources[quote.source] || {title: quote.source};
        const cite = el("cite", {}, source.title || quote.source);
        if (source.language) cite.append(" (" + source.language + ")");
        if (source.url && /^https?:\/\//i.test(source.url)) {
          cite.append(" ", el("a", {href: source.url, rel: "noopener noreferrer", target: "_blank"}, source.url));
        }
        quotes.append(el("figure", {}, el("blockquote", {lang: source.language}, quote.text), el("figcaption", {}, cite)));
      }
      parts.push(quotes);
    }
    const facts = el("dl", {class: "facts"});
    if (node.group) {
      const group = data.groups[node.group];
      facts.append(el("dt", {}, "Group"), el("dd", {}, (group && (group.label[lang] || Object.values(group.label)[0])) || node.group));
    }
    if (node.tags.length) facts.append(el("dt", {}, "Tags"), el("dd", {}, node.tags.join(", ")));
    if (node.by === "analyst") {
      facts.append(el("dt", {}, "Added by"), el("dd", {class: "analyst"}, "the analyst, not the author"));
    }
    if (node.base !== null && node.base !== undefined) {
      facts.append(el("dt", {}, "Base score"), el("dd", {class: "base"}, node.base + " (the analyst's confidence before attacks and supports count)"));
    }
    if (data.evaluation && data.evaluation.notes[id] !== undefined) {
      facts.append(el("dt", {}, "Evaluation"), el("dd", {class: "evaluation"}, statusWords(id, data.evaluation.semantics)));
    }
    if (data.evaluation && data.evaluation.verdict && node.role === "thesis") {
      facts.append(el("dt", {}, "Verdict"), el("dd", {class: "verdict"}, data.evaluation.verdict));
    }
    if (facts.childNodes.length) parts.push(facts);
    if (reason && node.role !== "thesis") parts.push(reason);
    const incoming = node.in.map((r) => {
      const item = el("li", {}, VERBS[r.relation][1] + " ");
      r.from.forEach((p, i) => { if (i) item.append(" + "); item.append(link(p)); });
      if (data.nodes[r.via] && data.nodes[r.via].explicit) item.append(" (", link(r.via), ")");
      item.append(badge(r.via));
      return item;
    });
    const outgoing = node.out.map((r) => {
      const item = el("li", {}, VERBS[r.relation][0] + " ");
      if (r.to) item.append(link(r.to));
      if (r.with.length) { item.append(" with "); r.with.forEach((p, i) => { if (i) item.append(", "); item.append(link(p)); }); }
      if (data.nodes[r.via] && data.nodes[r.via].explicit) item.append(" (", link(r.via), ")");
      if (r.to) item.append(badge(r.to, "target"));
      return item;
    });
    if (node.kind === "inference") {
      const item = el("li", {}, "premises: ");
      node.premises.forEach((p, i) => { if (i) item.append(", "); item.append(link(p)); });
      if (node.target) item.append(" → ", link(node.target));
      outgoing.unshift(item);
    }
    parts.push(relationList("Incoming", incoming), relationList("Outgoing", outgoing));
    const granted = (node.concedes || []).map((t) => el("li", {}, "concedes ", link(t)))
      .concat((node.conceded_by || []).map((s) => el("li", {}, "conceded by ", link(s))));
    const concessions = relationList("Concessions", granted);
    if (concessions) {
      concessions.classList.add("concessions");
      concessions.append(el("p", {class: "hint"}, "Granted by the author against their own claim: neither a reason nor an objection."));
      parts.push(concessions);
    }
    if (node.unread && node.unread.length) {
      parts.push(el("p", {class: "unread"}, "Refers to what could not be read (its definition has errors): " + node.unread.join(", ")));
    }
    const own = data.findings.filter((f) => f.node === id);
    if (own.length) parts.push(el("section", {class: "node-findings"}, el("h3", {}, "Findings"), el("ul", {}, ...own.map(finding))));
    if (!isDrawn(id)) parts.push(el("p", {class: "outside"}, "Not in this drawing (an excerpt)."));
    const fresh = parts.filter(Boolean);
    if (onlyIfChanged && !panel.hidden && el("div", {}, ...fresh).innerHTML === panel.innerHTML) return false;
    panel.replaceChildren(...fresh);
    panel.hidden = false;
    return true;
  }
  // ---- verdicts and their reasons ---------------------------------------------------------------
  const WORDS = {IN: "stands", OUT: "defeated", UNDEC: "undecided", ACCEPTED: "accepted", CREDULOUS: "credulously accepted",
                 REJECTED: "rejected", none: "no strength"};
  function noteOf(id) {
    const notes = data.evaluation && data.evaluation.notes;
    return notes && notes[id] !== undefined ? notes[id] : null;
  }
  function statusWords(id, semantics) {
    const note = noteOf(id);
    if (note === null) return "";
    return WORDS[note] ? WORDS[note] + " (" + note + ", " + semantics + ")" : "strength " + note + " (" + semantics + ")";
  }
  function badge(id, what) {
    // The status of a supporter or attacker (the inference that carries it), beside its link.
    const note = noteOf(id);
    if (note === null) return null;
    const words = WORDS[note] ? WORDS[note] : "strength " + note;
    return el("span", {class: "status status-" + (WORDS[note] ? note : "strength"), title: (what || "this relation") + ": " + words},
      " — " + words);
  }
  function names(ids) {
    const span = el("span", {});
    ids.forEach((p, i) => { if (i) span.append(i === ids.length - 1 ? " and " : ", "); span.append(link(p)); });
    return span;
  }
  function why(id) {
    // One line saying why the selected node has its verdict, each statement named by its text and linked.
    const reason = data.evaluation && data.evaluation.why && data.evaluation.why[id];
    if (!reason) return null;
    const line = el("p", {class: "why"}, el("strong", {}, "Why: "));
    const attack = (item) => names(item.from.length ? item.from : [item.id]);
    const semantics = data.evaluation.semantics;
    switch (reason.because) {
      case "unattacked": line.append("nothing attacks it."); break;
      case "defeated":
        line.append("defeated by ");
        reason.by.forEach((item, i) => { if (i) line.append("; "); line.append(attack(item), ", which stands"); });
        line.append(".");
        break;
      case "defended":
        reason.attackers.forEach((item, i) => {
          line.append(i ? "; its attacker " : "every attacker is answered: ", attack(item), " falls to ");
          item.defeated_by.forEach((d, j) => {
            if (j) line.append(" and ");
            line.append(attack(d));
            if (d.on && d.on !== item.id && !item.from.includes(d.on)) line.append(" (against ", link(d.on), ")");
          });
        });
        line.append(".");
        break;
      case "cycle": {
        const cycle = reason.cycle;
        const loop = cycle.length === 1 ? [link(cycle[0]), " attacks itself"]
          : cycle.length === 2 ? [link(cycle[0]), " and ", link(cycle[1]), " attack each other"]
          : ["a cycle of attacks: ", ...cycle.flatMap((c) => [link(c), " → "]), link(cycle[0])];
        if (reason.on_cycle) line.append("undecided: ", ...loop, ", and nothing outside breaks the tie.");
        else line.append("undecided: its attacker ", ...reason.by.map(attack), " is undecided, because ", ...loop, ".");
        break;
      }
      case "everywhere": line.append("every " + semantics + " extension contains it."); break;
      case "nowhere": line.append("no " + semantics + " extension contains it."); break;
      case "no-extension": line.append("there is no " + semantics + " extension."); break;
      case "somewhere": {
        line.append("some " + semantics + " extensions contain it, others do not");
        if (reason.witness && reason.counterexample) {
          const own = reason.witness.filter((w) => !reason.counterexample.includes(w));
          const other = reason.counterexample.filter((c) => !reason.witness.includes(c));
          line.append(": one holds ", names(own.slice(0, 4)), ", another ", other.length ? names(other.slice(0, 4)) : "less");
        }
        line.append(".");
        break;
      }
      default: {
        if (reason.strength === undefined) return null;
        line.append("base " + (reason.base === null || reason.base === undefined ? "–" : reason.base.toFixed(2)));
        for (const [key, verb] of [["supports", "raised by "], ["attacks", "lowered by "]]) {
          if (!reason[key].length) continue;
          line.append("; " + verb);
          reason[key].slice(0, 4).forEach((item, i) => {
            if (i) line.append(", ");
            line.append(attack(item), " (" + (item.strength === null ? "none" : item.strength.toFixed(2)) + ")");
          });
        }
        line.append(".");
      }
    }
    return line;
  }

  function question(id, node) {
    // The map's question: its own panel lists every answer with its verdict; an answer's names the question.
    const asked = data.question;
    if (!asked) return null;
    const verdict = (answer) => {
      const item = el("li", {}, link(answer.id));
      if (answer.verdict) item.append(el("span", {class: "verdict"}, " — " + answer.verdict));
      return item;
    };
    if (node.kind === "question") return relationList("Answers", asked.answers.map(verdict));
    const mine = asked.answers.find((answer) => answer.id === id);
    if (!mine) return null;
    const section = el("section", {class: "answer"}, el("h3", {}, "Answers the question"));
    section.append(el("p", {}, link(asked.id)));
    if (mine.verdict) section.append(el("p", {class: "verdict"}, mine.verdict));
    return section;
  }
  function schemeSection(node) {
    // An inference's scheme: its name, the roles no premise plays, and every critical question with its
    // status (open, answered, raised) and the statements that answer or raise it.
    const scheme = node.scheme;
    if (!scheme) return null;
    const section = el("section", {class: "scheme"}, el("h3", {}, "Scheme"));
    section.append(el("p", {}, inLanguage(scheme.name, lang) || scheme.id, " (", el("code", {}, scheme.id), ")"));
    if (scheme.missing.length) {
      section.append(el("p", {class: "missing-roles"}, "No premise plays: " + scheme.missing.join(", ") + " (unsaid; add it as the analyst's statement)"));
    }
    if (!scheme.questions.length) return section;
    const items = scheme.questions.map((q) => {
      const item = el("li", {class: "cq " + q.status, "data-question": q.id},
                      el("span", {class: "status"}, q.type === "exception" && q.status === "open" ? "not raised" : q.status), " ", el("span", {class: "type"}, q.type), " ",
                      el("span", {class: "text"}, inLanguage(q.text, lang) || q.id));
      if (q.answered_by.length) { item.append(" — answered by "); q.answered_by.forEach((s, i) => { if (i) item.append(", "); item.append(link(s)); }); }
      if (q.raised_by.length) { item.append(" — raised by "); q.raised_by.forEach((s, i) => { if (i) item.append(", "); item.append(link(s)); }); }
      return item;
    });
    section.append(el("h4", {}, "Critical questions"), el("ul", {class: "questions"}, ...items));
    return section;
  }
  function unselect() {
    selected = null;
    highlight(null);
    render();
    if (!host) history.replaceState(null, "", location.pathname + location.search);
  }
  function finding(f) {
    const item = el("li", {class: f.severity},
      el("span", {class: "where"}, f.where), " ", el("span", {class: "severity"}, f.severity), " ",
      el("code", {}, f.code), " ", f.message, f.name ? " [" + f.name + "]" : "");
    if (f.node && data.nodes[f.node]) item.append(" ", link(f.node));
    return item;
  }
  let listed = null; // what the findings list shows, so that a save that changes none of it costs nothing
  function findings() {
    const box = $("findings"), list = box.querySelector("ul");
    const now = JSON.stringify([data.findings, data.findings.map((f) => f.node && textOf(f.node, lang))]);
    if (now !== listed) list.replaceChildren(...data.findings.map(finding));
    listed = now;
    box.hidden = data.findings.length === 0 && !data.stale;
    box.querySelector("h2").textContent = data.stale
      ? "The map cannot be drawn as it is: the last drawing is shown"
      : data.findings.length + (data.findings.length === 1 ? " finding" : " findings");
  }

  // ---- search ------------------------------------------------------------------------------------
  function mark() {
    for (const g of nodeElements()) g.classList.toggle("match", matches.has(g.id.slice(5)));
  }
  let folded = null; // [id, every text folded] of each node, made on the first search after an update
  function find() {
    const query = fold(search.value);
    matches = new Set();
    if (query) {
      if (!folded || folded.data !== data) {
        folded = {data, nodes: Object.entries(data.nodes).filter(([, node]) => !derived(node)).map(([id, node]) => [id,
          [id, ...Object.values(textsOf(node) || {})].map(fold).join("\u0000")])};
      }
      for (const [id, texts] of folded.nodes) if (texts.includes(query)) matches.add(id);
    }
    mark();
    const found = [...matches];
    results.replaceChildren(...found.slice(0, 50).map((id) => el("li", {}, link(id))));
    results.hidden = !query || !found.length;
    count.textContent = query ? (found.length === 1 ? "1 match" : found.length + " matches") : "";
  }

  // ---- events ------------------------------------------------------------------------------------
  function go() {
    // The address is anyone's to write: a broken escape or a name such as "constructor" selects nothing.
    let id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch { return; }
    if (id && Object.hasOwn(data.nodes, id)) select(id, {centre: true, focus: true});
  }
  root.addEventListener("click", (event) => {
    const a = event.target.closest && event.target.closest("a.node-link");
    if (a) {
      event.preventDefault();
      if (results.contains(a)) results.hidden = true; // the matches stay outlined
      select(a.dataset.node, {centre: true, focus: true});
    }
  });
  if (!host) window.addEventListener("hashchange", go);
  viewport.addEventListener("scroll", () => {
    // A scroll of the reader's (scroll bars, a touchpad, focus bringing a node into view) is the view's pan.
    if (applying) return;
    const {w, h} = size();
    if (w * view.k > viewport.clientWidth) view.x = -viewport.scrollLeft;
    if (h * view.k > viewport.clientHeight) view.y = -viewport.scrollTop;
    frame.dataset.view = [view.x, view.y, view.k].map((v) => +v.toFixed(3)).join(" ");
    near();
    overview.frame();
  }, {passive: true});
  let restoring = false;
  viewport.addEventListener("focusin", (event) => {
    // Tab moves from node to node: the one reached is brought into view.
    const g = !drag && !restoring && event.target.closest && event.target.closest("g.node");
    if (!g) return;
    const box = g.getBoundingClientRect(), port = viewport.getBoundingClientRect();
    if (box.left < port.left || box.right > port.right || box.top < port.top || box.bottom > port.bottom) centre(g);
  });
  let drag = null;
  viewport.addEventListener("pointerdown", (event) => {
    if (event.button !== 0) return;
    drag = {x: event.clientX, y: event.clientY, vx: view.x, vy: view.y, moved: false};
  });
  window.addEventListener("pointermove", (event) => {
    if (!drag) return;
    const dx = event.clientX - drag.x, dy = event.clientY - drag.y;
    if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    if (!drag.moved) { drag.moved = true; viewport.classList.add("dragging"); }
    view.x = drag.vx + dx; view.y = drag.vy + dy; apply();
  });
  window.addEventListener("pointerup", (event) => {
    const moved = drag && drag.moved;
    drag = null;
    viewport.classList.remove("dragging");
    if (moved) return;
    const target = event.composedPath()[0]; // inside a shadow root, not the host the window sees
    const g = target.closest && target.closest("g.node[id^='node-']");
    if (g && viewport.contains(g) && data.nodes[g.id.slice(5)]) select(g.id.slice(5), {focus: true});
  });
  viewport.addEventListener("wheel", (event) => {
    event.preventDefault();
    const port = viewport.getBoundingClientRect();
    zoom(Math.exp(-event.deltaY * 0.0015), event.clientX - port.left, event.clientY - port.top);
  }, {passive: false});
  viewport.addEventListener("keydown", (event) => {
    const g = event.target.closest && event.target.closest("g.node[id^='node-']");
    if (g && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      select(g.id.slice(5), {});
      return;
    }
    const step = 60, moves = {ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step]};
    if (moves[event.key]) { view.x += moves[event.key][0]; view.y += moves[event.key][1]; apply(); }
    else if (event.key === "+" || event.key === "=") zoom(1.25);
    else if (event.key === "-" || event.key === "_") zoom(0.8);
    else if (event.key === "0") fit();
    else return;
    event.preventDefault();
  });
  document.addEventListener("pointerdown", (event) => {
    // A click outside the search and its results closes the results (the matches stay outlined); in an
    // embedded view, a click anywhere on the host page counts as elsewhere.
    const target = event.composedPath()[0];
    if (!results.hidden && !results.contains(target) && target !== search) results.hidden = true;
  });
  root.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      if (!results.hidden) {
        event.preventDefault(); // the first Escape closes the list; the query stays (a second one clears it)
        results.hidden = true;
        if (results.contains(root.activeElement)) search.focus();
      }
      else if (root.activeElement === search && search.value) { search.value = ""; find(); }
      else if (selected) unselect();
    } else if (event.key === "/" && root.activeElement !== search && !(event.target instanceof HTMLInputElement)) {
      event.preventDefault();
      search.focus();
    }
  });
  $("tools-toggle").addEventListener("click", () => {
    // On a phone the tools fold behind one button; it unfolds them, and folds them again.
    const open = $("tools").classList.toggle("open");
    $("tools-toggle").setAttribute("aria-expanded", String(open));
  });
  $("zoom-in").addEventListener("click", () => zoom(1.25));
  $("zoom-out").addEventListener("click", () => zoom(0.8));
  $("fit").addEventListener("click", fit);
  search.addEventListener("input", find);
  for (const name of ["focus", "click"]) search.addEventListener(name, () => { if (search.value && results.hidden) find(); });

  // ---- saving the drawing as it is shown -----------------------------------------------------------
  const SVGNS = "http://www.w3.org/2000/svg";
  function exported() {
    // The drawing in the language shown, with what is hidden or dimmed as on screen, and its font named.
    const svg = canvas.querySelector("svg");
    if (!svg) return null;
    if (pieces()) { // the whole drawing, not only the pieces in view
      const whole = pieces().whole(), open = whole.indexOf(">", whole.indexOf("<svg")) + 1;
      const font = "<style>text { font-family: " + getComputedStyle(svg.querySelector("text") || svg).fontFamily + "; }</style>";
      return {text: whole.slice(0, open) + font + whole.slice(open), w: size().w, h: size().h};
    }
    const copy = svg.cloneNode(true);
    for (const name of ["role", "aria-label", "style"]) copy.removeAttribute(name);
    for (const g of copy.querySelectorAll("[tabindex]")) { g.removeAttribute("tabindex"); g.removeAttribute("role"); }
    const style = document.createElementNS(SVGNS, "style");
    style.textContent = "text { font-family: " + getComputedStyle(svg.querySelector("text") || svg).fontFamily + "; }"
      + " .hidden { display: none; } .dimmed { opacity: .15; }";
    copy.insertBefore(style, copy.firstChild);
    copy.setAttribute("xmlns", SVGNS);
    copy.setAttribute("xmlns:xlink", XLINK);
    return {text: new XMLSerializer().serializeToString(copy), w: size().w, h: size().h};
  }
  function download(blob, extension) {
    const a = el("a", {href: URL.createObjectURL(blob), download: data.id + "." + lang + "." + extension});
    frame.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }
  $("save-svg").addEventListener("click", () => {
    const drawn = exported();
    if (drawn) download(new Blob([drawn.text], {type: "image/svg+xml"}), "svg");
  });
  $("save-png").addEventListener("click", () => {
    const drawn = exported();
    if (!drawn) return;
    // Twice the screen's resolution where the browser's canvas allows it (about 16,000 px a side).
    const k = Math.min(2, 16000 / drawn.w, 16000 / drawn.h, Math.sqrt(120e6 / (drawn.w * drawn.h)));
    const image = new Image();
    image.onload = () => {
      const board = el("canvas", {width: Math.round(drawn.w * k), height: Math.round(drawn.h * k)});
      const ctx = board.getContext("2d");
      ctx.fillStyle = "#fff";
      ctx.fillRect(0, 0, board.width, board.height);
      ctx.drawImage(image, 0, 0, board.width, board.height);
      board.toBlob((blob) => { if (blob) download(blob, "png"); }, "image/png");
    };
    image.onerror = () => { status.textContent = "the drawing is too large to save as PNG here: save it as SVG"; };
    image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(drawn.text);
  });
  search.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && matches.size) {
      event.preventDefault();
      const first = [...matches].find((id) => isDrawn(id)) || [...matches][0];
      select(first, {centre: true, focus: true});
    }
  });
  function retitle() {
    // The header and the tab's title are in the language shown.
    const title = data.title[lang] || data.title[data.languages[0]] || Object.values(data.title)[0] || data.id;
    $("title").textContent = title;
    if (!host) document.title = title; // an embedded view leaves its host page's title alone
  }
  picker.addEventListener("change", () => {
    lang = picker.value;
    retitle();
    // A language just added to the map may not be drawn yet: its drawing is shown when it arrives.
    if (drawings[lang]) { show(lang); render(); if (results.childNodes.length) find(); }
    else status.textContent = "drawing " + (data.names[lang] || lang) + "…";
  });
  function languages() {
    // The switch follows the map's languages as they are saved: a new one appears, a removed one goes.
    const now = [...picker.options].map((option) => option.value);
    if (now.join("\n") === data.languages.join("\n")) return;
    for (const code of Object.keys(drawings)) if (!data.languages.includes(code)) delete drawings[code];
    if (!data.languages.includes(lang)) lang = data.lang;
    picker.replaceChildren(...data.languages.map((code) =>
      el("option", {value: code}, (data.names && data.names[code]) || code)));
    picker.value = lang;
    if (shownLang !== lang && drawings[lang]) show(lang);
  }
  window.addEventListener("resize", () => {
    if (!canvas.querySelector("svg")) return;
    if (fitted) apply(); else opening(); // a wider window re-centres a drawing it now holds whole
  });
  // An embedded map in a part of its page hidden at first (a closed <details>, a tab) is framed when it shows.
  if (host && window.ResizeObserver) {
    new ResizeObserver(() => {
      if (!fitted && viewport.clientWidth && canvas.querySelector("svg")) { opening(); fitted = true; }
    }).observe(viewport);
  }

  // ---- live updates (argmap serve) ---------------------------------------------------------------
  function connect() {
    const events = new EventSource("/events");
    events.addEventListener("map", (event) => {
      data = JSON.parse(event.data).data;
      languages();
      findings();
      refresh();
      if (search.value) find();
      status.textContent = data.stale ? "the map has errors that stop it being drawn" : "checked";
      retitle();
    });
    events.addEventListener("svg", (event) => {
      const update = JSON.parse(event.data);
      if (!data.languages.includes(update.lang)) return; // a language removed since
      const held = drawings[update.lang];
      if (held && held.version >= update.version) return; // replayed: this page has it, or a newer one
      if (update.pieces) drawings[update.lang] = {version: update.version, cut: update.pieces};
      else {
        const template = document.createElement("template");
        template.innerHTML = update.svg;
        drawings[update.lang] = {version: update.version, template};
      }
      if (update.lang === lang) {
        const onNode = canvas.contains(root.activeElement);
        show(lang);
        refresh();
        if (onNode && selected && nodeElement(selected)) {
          restoring = true; // the focus comes back to where it was: the view stays as the reader left it
          nodeElement(selected).focus({preventScroll: true});
          restoring = false;
        }
        status.textContent = "updated " + new Date().toLocaleTimeString();
      }
    });
    events.addEventListener("patch", (event) => {
      const update = JSON.parse(event.data);
      const drawing = drawings[update.lang];
      if (!drawing || drawing.version !== update.base) return; // made for another drawing: a new one follows
      if (drawing.patch && drawing.patch.version >= update.version) return;
      drawing.patch = update;
      if (update.lang !== lang || shownLang !== lang) return; // applied when that language is shown
      patchDrawing(drawing, lang);
      shown = update.version;
      stamp();
      if (selected) { highlight(selected); refresh(); }
      status.textContent = "updated " + new Date().toLocaleTimeString();
    });
    events.addEventListener("error", () => { status.textContent = "disconnected: waiting for argmap serve"; });
  }

  findings();
  if (!show(lang)) canvas.replaceChildren(el("p", {class: "empty"}, "Nothing drawn yet."));
  if (!host && location.hash) go();
  if (live) connect();
})();
