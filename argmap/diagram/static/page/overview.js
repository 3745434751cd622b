// The overview: the whole drawing small, where the view is, and a click to move it.
const overview = (function () {
  const box = $("overview");
  const COLOURS = {thesis: "#f5d76e", claim: "#a9cce3", evidence: "#a3e4c1", question: "#ddd"};
  let boxes = null, base = null, sx = 1, sy = 1, pending = false, svgShown = null, painted = 0;
  function measure() {
    // Node boxes from the drawing's geometry (getBBox: no CSS layout), in drawing units; once per drawing.
    const svg = canvas.querySelector("svg");
    if (!svg) return;
    if (pieces()) { // a drawing in pieces knows every node's box without putting it in
      boxes = pieces().nodes().map(([id, x, y, w, h]) => {
        const node = data.nodes[id];
        return [x, y, w, h, node ? COLOURS[node.role || node.kind] || "#bbb" : "#bbb", "node-" + id];
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
        node ? COLOURS[node.role || node.kind] || "#bbb" : "#bbb", g.id]);
    }
  }
  function roomNow() {
    // At most 200 px (110 on a phone), and never more than a quarter of the view's width or height.
    return Math.round(Math.max(40, Math.min(window.innerWidth < 600 ? 110 : 200, viewport.clientWidth / 4, viewport.clientHeight / 4)));
  }
  function paint() {
    const {w, h} = size();
    const room = painted = roomNow();
    sx = sy = Math.min(room / w, room / h);
    if (h * sy < room / 4) {
      // A drawing far wider than high (a large map in one level) gets a wider overview, its height stretched to
      // a quarter of the usual: drawn to scale it would be a line, where the view's frame could not be seen.
      sx = Math.max(sx, Math.min(room * 2, viewport.clientWidth / 2) / w);
      sy = room / 4 / h;
    }
    box.width = Math.max(1, Math.round(w * sx));
    box.height = Math.max(1, Math.round(h * sy));
    base = document.createElement("canvas");
    base.width = box.width; base.height = box.height;
    const ctx = base.getContext("2d");
    ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, base.width, base.height);
    for (const [x, y, bw, bh, colour, name] of boxes) {
      const state = stateOf(name);
      if (state === "hidden") continue; // folded away, or outside the focus
      ctx.fillStyle = state === "dimmed" ? "#eee" : colour;
      ctx.fillRect(x * sx, y * sy, Math.max(1, bw * sx), Math.max(1, bh * sy));
    }
  }
  function draw() {
    pending = false;
    if (!base) return;
    // Shown only while part of the drawing is out of view: over a drawing wholly in view it would hide nodes.
    const {w, h} = size();
    box.hidden = !boxes.length || (w * view.k <= viewport.clientWidth + 1 && h * view.k <= viewport.clientHeight + 1);
    if (box.hidden) return;
    if (roomNow() !== painted) paint();
    const ctx = box.getContext("2d");
    ctx.drawImage(base, 0, 0);
    ctx.strokeStyle = "#D55E00"; ctx.lineWidth = 2;
    // The view's frame, at least 4 px wide so that it shows on the overview of a very large map.
    const fw = viewport.clientWidth / view.k * sx, fh = viewport.clientHeight / view.k * sy;
    ctx.strokeRect(-view.x / view.k * sx - Math.max(0, 4 - fw) / 2, -view.y / view.k * sy, Math.max(4, fw), fh);
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
    }));
  }
  function move(event) {
    const rect = box.getBoundingClientRect();
    const x = (event.clientX - rect.left) / sx, y = (event.clientY - rect.top) / sy;
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
