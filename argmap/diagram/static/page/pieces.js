// argmap's large drawings: a drawing that comes cut in pieces (argmap.diagram.pieces) has in the document only the
// pieces near the view, so that the browser lays out and paints a few hundred elements, not tens of thousands.
const argmapPieces = (function () {
  const CELL = 1024; // the grid the pieces are found by, and the region they are drawn in is snapped to (drawing units)
  const WIDE = 64; // a piece over more cells than this is looked at on its own, not through the grid
  const LONG = 4096; // a line longer than this is drawn only where it passes near the view
  const FLOOR = 0.1; // the smallest zoom: further out, a view would hold the whole drawing (the overview shows it)
  const FAR = 0.3; // below this zoom a dash is too small to see: lines are drawn whole (a long dashed line costs seconds)

  function parsed(markup) {
    const template = document.createElement("template");
    template.innerHTML = "<svg>" + markup + "</svg>";
    return template.content.firstChild;
  }
  function number(text) {
    return text.match(/-?[0-9]*\.?[0-9]+(?:e-?[0-9]+)?/g).map(Number);
  }
  function clip(d, r) {
    // A path of dot's (M, then cubic curves) kept only where it passes through the region r (in the graph's own
    // units): each curve is halved until its parts are short, and the parts outside r are left out.
    if (/[^MC0-9eE.,\s-]/.test(d)) return d;
    const v = number(d);
    if (v.length < 8 || (v.length - 2) % 6) return d;
    let out = "", x = NaN, y = NaN;
    function keep(p, depth) {
      const xs = [p[0], p[2], p[4], p[6]], ys = [p[1], p[3], p[5], p[7]];
      const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
      if (x1 < r.x0 || x0 > r.x1 || y1 < r.y0 || y0 > r.y1) return;
      if (depth > 30 || (x1 - x0 < LONG / 4 && y1 - y0 < LONG / 4)) {
        if (p[0] !== x || p[1] !== y) out += "M" + p[0] + "," + p[1];
        out += "C" + p.slice(2).join(",");
        x = p[6]; y = p[7];
        return;
      }
      const m = (a, b) => (a + b) / 2;
      const ab = [m(p[0], p[2]), m(p[1], p[3])], bc = [m(p[2], p[4]), m(p[3], p[5])], cd = [m(p[4], p[6]), m(p[5], p[7])];
      const abc = [m(ab[0], bc[0]), m(ab[1], bc[1])], bcd = [m(bc[0], cd[0]), m(bc[1], cd[1])];
      const mid = [m(abc[0], bcd[0]), m(abc[1], bcd[1])];
      keep([p[0], p[1], ...ab, ...abc, ...mid], depth + 1);
      keep([...mid, ...bcd, ...cd, p[6], p[7]], depth + 1);
    }
    for (let k = 2; k + 6 <= v.length; k += 6) keep([v[k - 2], v[k - 1], ...v.slice(k, k + 6)], 0);
    return out;
  }

  function drawing(cut, decorate) {
    // The drawing's <svg> with only the pieces near the view in it; decorate(g) is called on each piece put in.
    const skeleton = document.createElement("template");
    skeleton.innerHTML = cut.head + cut.tail;
    const svg = document.adoptNode(skeleton.content.querySelector("svg"));
    const graph = svg.querySelector("g.graph");
    const [sx, sy, tx, ty] = cut.transform;
    const boxes = cut.boxes, count = cut.parts.length;
    const grid = new Map(), wide = [], byId = new Map();
    for (let i = 0; i < count; i++) {
      if (cut.ids[i]) byId.set(cut.ids[i], i);
      const cx0 = Math.floor(boxes[4 * i] / CELL), cx1 = Math.floor((boxes[4 * i] + boxes[4 * i + 2]) / CELL);
      const cy0 = Math.floor(boxes[4 * i + 1] / CELL), cy1 = Math.floor((boxes[4 * i + 1] + boxes[4 * i + 3]) / CELL);
      if ((cx1 - cx0 + 1) * (cy1 - cy0 + 1) > WIDE) { wide.push(i); continue; }
      for (let cx = cx0; cx <= cx1; cx++) {
        for (let cy = cy0; cy <= cy1; cy++) {
          const key = cx * 65536 + cy;
          if (!grid.has(key)) grid.set(key, []);
          grid.get(key).push(i);
        }
      }
    }
    // Lines go under the boxes (a long line drawn over a statement would cross its text): a node's place in the
    // order is after every edge's, and otherwise in dot's order.
    const rank = (i) => (cut.ids[i].startsWith("node-") ? count : 0) + i;
    const present = new Map(); // piece -> its element in the document
    let order = []; // the pieces in the document, in drawing order (see rank; Tab follows it)
    let region = null, pinned = -1;
    const long = (i) => boxes[4 * i + 2] > LONG || boxes[4 * i + 3] > LONG;
    function meets(i, r) {
      return boxes[4 * i] <= r.x1 && boxes[4 * i] + boxes[4 * i + 2] >= r.x0
        && boxes[4 * i + 1] <= r.y1 && boxes[4 * i + 1] + boxes[4 * i + 3] >= r.y0;
    }
    function trim(g, i) {
      // A long line keeps only its course through the region; false when none of it passes there.
      if (!long(i) || !region) return true;
      const own = {x0: region.x0 / sx - tx, x1: region.x1 / sx - tx, y0: region.y0 / sy - ty, y1: region.y1 / sy - ty};
      let any = false;
      for (const path of g.querySelectorAll("path")) {
        if (!path.dataset.d) path.dataset.d = path.getAttribute("d") || "";
        const d = clip(path.dataset.d, own);
        path.setAttribute("d", d);
        any = any || d !== "";
      }
      return any || !g.querySelector("path");
    }
    function put(indices) {
      // Puts these pieces (in drawing order) in the document, each before the next one there.
      if (!indices.length) return;
      const made = parsed(indices.map((i) => cut.parts[i]).join(""));
      const elements = [...made.children];
      const kept = [];
      indices.forEach((i, k) => {
        const g = elements[k];
        if (!trim(g, i)) return;
        present.set(i, g);
        kept.push(i);
      });
      const merged = [];
      let a = 0, b = 0;
      while (a < order.length || b < kept.length) {
        if (b >= kept.length || (a < order.length && rank(order[a]) < rank(kept[b]))) { merged.push(order[a++]); continue; }
        const i = kept[b++], next = a < order.length ? present.get(order[a]) : null;
        const g = document.adoptNode(present.get(i));
        graph.insertBefore(g, next);
        decorate(g);
        merged.push(i);
      }
      order = merged;
    }
    function update(x0, y0, x1, y1, k) {
      // The view is (x0, y0)-(x1, y1) in the drawing's units: the pieces within half a view of it are drawn.
      svg.classList.toggle("far", k < FAR);
      const mx = (x1 - x0) / 2, my = (y1 - y0) / 2;
      const r = {x0: Math.floor((x0 - mx) / CELL) * CELL, y0: Math.floor((y0 - my) / CELL) * CELL,
                 x1: Math.ceil((x1 + mx) / CELL) * CELL, y1: Math.ceil((y1 + my) / CELL) * CELL};
      if (region && r.x0 === region.x0 && r.y0 === region.y0 && r.x1 === region.x1 && r.y1 === region.y1) return;
      region = r;
      const wanted = new Set();
      for (let cx = r.x0 / CELL; cx < r.x1 / CELL; cx++) {
        for (let cy = r.y0 / CELL; cy < r.y1 / CELL; cy++) {
          for (const i of grid.get(cx * 65536 + cy) || []) if (meets(i, r)) wanted.add(i);
        }
      }
      for (const i of wide) if (meets(i, r)) wanted.add(i);
      const kept = [];
      for (const i of order) {
        const g = present.get(i);
        if ((wanted.has(i) && trim(g, i)) || i === pinned || g.matches(":focus-within")) kept.push(i);
        else { g.remove(); present.delete(i); }
      }
      order = kept;
      put([...wanted].filter((i) => !present.has(i)).sort((a, b) => rank(a) - rank(b)));
    }
    function ensure(id) {
      // The element of the piece with this id, put in the document if it is not (and kept there until another is).
      const i = byId.get(id);
      if (i === undefined) return null;
      pinned = i;
      if (!present.has(i)) put([i]);
      return present.get(i) || null;
    }
    function after(id, dir, ok) {
      // The id of the next node (dir 1) or the one before (dir -1) in drawing order that ok(id) accepts, or null;
      // from null, the first (or last) one: Tab walks the whole drawing, not only the pieces in the document.
      let i = id === null ? (dir > 0 ? -1 : count) : byId.get(id);
      if (i === undefined) return null;
      for (i += dir; i >= 0 && i < count; i += dir) if (cut.ids[i].startsWith("node-") && ok(cut.ids[i])) return cut.ids[i];
      return null;
    }
    function box(id) {
      const i = byId.get(id);
      return i === undefined ? null : boxes.slice(4 * i, 4 * i + 4);
    }
    function nodes() {
      // [id, x, y, width, height] of every node, from the pieces' boxes (the overview draws them).
      const all = [];
      cut.ids.forEach((id, i) => { if (id.startsWith("node-")) all.push([id.slice(5), ...boxes.slice(4 * i, 4 * i + 4)]); });
      return all;
    }
    function whole(state, extra) {
      // The whole drawing as SVG text, as dot drew it; state(id) ("hidden", "dimmed" or "") leaves a piece out or
      // marks it by that class; extra(id, box) is markup added at the end of a piece (box in the piece's own units).
      const parts = !state ? cut.parts : cut.parts.flatMap((part, i) => {
        const mark = state(cut.ids[i]);
        if (mark === "hidden") return [];
        let text = mark ? part.replace(/\bclass="/, 'class="' + mark + " ") : part;
        const more = extra && extra(cut.ids[i], {x: boxes[4 * i] / sx - tx, y: boxes[4 * i + 1] / sy - ty,
          width: boxes[4 * i + 2] / sx, height: boxes[4 * i + 3] / sy});
        if (more) text = text.slice(0, text.lastIndexOf("</g>")) + more + text.slice(text.lastIndexOf("</g>"));
        return [text];
      });
      return cut.head + parts.join("") + cut.tail;
    }
    return {svg, update, ensure, after, box, nodes, whole, pieces: () => order.length};
  }
  return {drawing, clip, FLOOR};
})();
