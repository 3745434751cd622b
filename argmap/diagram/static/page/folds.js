// Reading a large map a part at a time: subtrees folded and unfolded, a focus on a node's neighbours N steps away.
const collapsed = new Set(); // the nodes whose subtrees are folded away
const focus = {on: false, steps: 2};
let adjacency = null; // {data, next: id -> [id]}: the argument's relations both ways (premise, inference, conclusion)
function neighbours(id) {
  if (!adjacency || adjacency.data !== data) {
    const next = new Map();
    const add = (a, b) => {
      if (!data.nodes[a] || !data.nodes[b]) return;
      for (const [x, y] of [[a, b], [b, a]]) { if (!next.has(x)) next.set(x, []); next.get(x).push(y); }
    };
    for (const [id, node] of Object.entries(data.nodes)) {
      if (node.kind !== "inference") continue;
      for (const premise of node.premises || []) add(premise, id);
      if (node.target) add(id, node.target);
    }
    adjacency = {data, next};
  }
  return adjacency.next.get(id) || [];
}
function around(id, steps) {
  // The nodes within ``steps`` relations of ``id``; a junction is no step (statement, junction, statement is one),
  // and a concession or an answer to the question is no relation of the argument (as with render --focus).
  const distance = new Map([[id, 0]]), queue = [id];
  while (queue.length) {
    const next = queue.shift(), at = distance.get(next);
    for (const other of neighbours(next)) {
      const step = data.nodes[other] && data.nodes[other].kind === "inference" ? 0 : 1;
      if (at + step > steps || (distance.has(other) && distance.get(other) <= at + step)) continue;
      distance.set(other, at + step);
      if (step) queue.push(other); else queue.unshift(other);
    }
  }
  return distance;
}
function hiddenIds() {
  // What folds and the focus leave out: a node under a folded one is hidden unless another way from a root
  // reaches it unfolded; with the focus on, whatever is farther from the selected node than its steps.
  const hidden = new Set();
  if (collapsed.size) {
    const open = new Set(), stack = [...treeOf().roots];
    while (stack.length) {
      const id = stack.pop();
      if (open.has(id)) continue;
      open.add(id);
      if (!collapsed.has(id)) for (const child of childrenOf(id)) stack.push(child.id);
    }
    for (const id of collapsed) for (const under of below(id)) if (!open.has(under)) hidden.add(under);
  }
  if (focus.on && selected && data.nodes[selected]) {
    const near = around(selected, focus.steps);
    // A junction is shown only with its conclusion and at least one premise (as with render --focus).
    const whole = (node) => near.has(node.target) && node.premises.some((p) => near.has(p));
    for (const [id, node] of Object.entries(data.nodes)) {
      if (!near.has(id) || (node.kind === "inference" && !whole(node))) hidden.add(id);
    }
  }
  return hidden;
}
const SVG = "http://www.w3.org/2000/svg";
let shaping = null; // what shape() last found: {hidden, dim, groups}, or null when nothing is hidden or dimmed
function shape() {
  // Marks the drawing shown: hidden nodes, the edges and groups left without them, dimmed ones (the filters),
  // and on each folded node the count of statements folded under it. A drawing in pieces marks only those in
  // its document; the pieces put in later are marked as they come (reshape).
  const svg = canvas.querySelector("svg");
  if (!svg) return;
  const active = collapsed.size || focus.on || filtering();
  $("unfold").hidden = !collapsed.size;
  if (!active && !svg.dataset.shaped) { shaping = null; return; }
  shaping = null;
  if (active) {
    const hidden = hiddenIds(), groups = new Set();
    for (const [id, node] of Object.entries(data.nodes)) if (node.group && !hidden.has(id)) groups.add(node.group);
    shaping = {hidden, dim: filtering() ? passing() : null, groups};
  }
  for (const g of svg.querySelectorAll("g.node[id^='node-'], g.edge[id^='edge-'], g.cluster[id^='group-']")) reshape(g);
  if (active) svg.dataset.shaped = "1"; else delete svg.dataset.shaped;
  overview.repaint();
}
function stateOf(name) {
  // "hidden", "dimmed" or "" for a drawing's element by its id (node-, edge-, group-), as shape() last found.
  if (!shaping) return "";
  const {hidden, dim, groups} = shaping;
  const off = (id) => hidden.has(id), faint = (id) => dim !== null && !dim.has(id);
  if (name.startsWith("node-")) {
    const id = name.slice(5);
    return off(id) ? "hidden" : faint(id) ? "dimmed" : "";
  }
  if (name.startsWith("edge-")) {
    const ends = (data.edges || {})[name];
    if (!ends) return "";
    return off(ends[0]) || off(ends[1]) ? "hidden" : faint(ends[0]) || faint(ends[1]) ? "dimmed" : "";
  }
  if (name.startsWith("group-")) return groups.has(name.slice(6)) ? "" : "hidden";
  return "";
}
function reshape(g) {
  // One element marked as stateOf says; a folded node shown says how many statements it holds folded.
  const state = stateOf(g.id);
  g.classList.toggle("hidden", state === "hidden");
  g.classList.toggle("dimmed", state === "dimmed");
  if (!g.id.startsWith("node-")) return;
  const id = g.id.slice(5);
  for (const mark of g.querySelectorAll(".fold-count")) mark.remove();
  if (!data.nodes[id] || g.getAttribute("role") !== "button") return;
  const shut = collapsed.has(id) && state !== "hidden";
  const folded = shut ? foldedUnder(id) : 0;
  g.setAttribute("aria-label", textOf(id, shownLang) + (shut ? " (folded: " + folded + " statements hidden under it)" : ""));
  if (shut) { g.setAttribute("aria-expanded", "false"); countMark(g, folded); } else g.removeAttribute("aria-expanded");
}
function foldedUnder(id) {
  // How many statements the fold on ``id`` hides.
  return shaping ? [...below(id)].filter((u) => shaping.hidden.has(u) && data.nodes[u].kind !== "inference").length : 0;
}
function markOf(box, folded) {
  // "+N" on a folded node's corner (box in the node's own units), as [tag, attributes, text]: its colours are its
  // own, so that a saved drawing shows it as the page does.
  const label = "+" + folded, width = 10 + 7 * label.length;
  return [["rect", {x: box.x + box.width - width / 2, y: box.y - 9, width, height: 18, rx: 9, fill: "#222"}, ""],
    ["text", {x: box.x + box.width, y: box.y + 4, "text-anchor": "middle", "font-size": 12, "font-weight": "bold",
      fill: "#fff"}, label]];
}
function countMark(g, folded) {
  // "+N" on the folded node's corner: a click on it unfolds.
  const mark = document.createElementNS(SVG, "g");
  mark.setAttribute("class", "fold-count");
  for (const [tag, attributes, text] of markOf(g.getBBox(), folded)) {
    const part = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attributes)) part.setAttribute(k, String(v));
    part.textContent = text;
    mark.append(part);
  }
  g.append(mark);
}
function foldMarkup(name, box) {
  // The "+N" of a folded node shown, as SVG text, for a drawing in pieces saved whole ("" for any other piece).
  const id = name.slice(5);
  if (!name.startsWith("node-") || !collapsed.has(id) || !data.nodes[id] || stateOf(name) === "hidden") return "";
  const part = ([tag, attributes, text]) => "<" + tag + Object.entries(attributes).map(([k, v]) => " " + k + '="' + v + '"')
    .join("") + ">" + text + "</" + tag + ">";
  return '<g class="fold-count">' + markOf(box, foldedUnder(id)).map(part).join("") + "</g>";
}
function foldUnder(id, shut) {
  // Folds (or unfolds) what lies under ``id``; the view stays on it.
  if (!data.nodes[id] || !childrenOf(id).length) return;
  if (shut) collapsed.add(id); else collapsed.delete(id);
  outline.fold(id, shut);
  shape();
  outline.sync();
  remember();
  if (selected) render();
}
function unhide(id) {
  // A node the reader asks for (a link, a search, the outline) is shown: the folds over it open.
  let changed = false;
  while (collapsed.size && hiddenIds().has(id)) {
    const over = [...collapsed].find((c) => below(c).has(id));
    if (!over) break;
    collapsed.delete(over);
    changed = true;
  }
  return changed;
}
function shownIds() {
  // The statements and junctions drawn and not hidden (with the focus on: the selected node's neighbourhood).
  const hidden = hiddenIds();
  return data.drawn.filter((id) => data.nodes[id] && !hidden.has(id));
}
function focusOn(on, steps) {
  focus.on = on;
  if (steps) focus.steps = Math.max(1, Math.min(9, steps));
  $("focus").setAttribute("aria-pressed", String(on));
  $("focus-steps").value = String(focus.steps);
  if (on && !selected) {
    const first = treeOf().roots.find((id) => data.nodes[id].role === "thesis") || treeOf().roots[0];
    if (first) { select(first, {centre: true}); return; }
  }
  shape();
  remember();
  if (on && frameNodes(shownIds())) return; // the statement and its neighbours, however far apart they are drawn
  if (!on && status.dataset.framing) { status.textContent = ""; delete status.dataset.framing; }
  const g = nodeElement(selected);
  if (g) centre(g);
}
$("unfold").addEventListener("click", () => {
  for (const id of collapsed) outline.fold(id, false);
  collapsed.clear(); shape(); outline.sync(); remember(); if (selected) render();
});
$("focus").addEventListener("click", () => { toDrawing(); focusOn(!focus.on); });
$("focus-steps").addEventListener("change", () => focusOn(focus.on, Number($("focus-steps").value) || focus.steps));
