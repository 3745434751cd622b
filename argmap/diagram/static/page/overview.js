// The overview: the whole drawing small, where the view is, and a click to move it.
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
    for (const [x, y, bw, bh, colour, name] of boxes) {
      const state = stateOf(name);
      if (state === "hidden") continue; // folded away, or outside the focus
      ctx.fillStyle = state === "dimmed" ? "#eee" : colour;
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
