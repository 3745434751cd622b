// The diagram under the pointer and the keyboard: pan by drag or scroll, zoom by wheel, keys on nodes.
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
  if (g && target.closest(".fold-count")) { foldUnder(g.id.slice(5), false); return; } // its "+N" unfolds it
  if (g && viewport.contains(g) && data.nodes[g.id.slice(5)]) select(g.id.slice(5), {focus: true});
});
viewport.addEventListener("wheel", (event) => {
  event.preventDefault();
  const port = viewport.getBoundingClientRect();
  zoom(Math.exp(-event.deltaY * 0.0015), event.clientX - port.left, event.clientY - port.top);
}, {passive: false});
viewport.addEventListener("keydown", (event) => {
  // A chord with Ctrl, Cmd or Alt is the browser's (copy, its zoom, its history), never a shortcut of the page.
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const g = event.target.closest && event.target.closest("g.node[id^='node-']");
  if (event.key === "Tab" && tabAcrossPieces(g, event.shiftKey ? -1 : 1)) { event.preventDefault(); return; }
  if (g && (event.key === "Enter" || event.key === " ")) {
    event.preventDefault();
    select(g.id.slice(5), {});
    return;
  }
  if (g && (event.key === "c" || event.key === "C")) { // folds or unfolds what lies under the node
    event.preventDefault();
    foldUnder(g.id.slice(5), !collapsed.has(g.id.slice(5)));
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
function tabAcrossPieces(g, dir) {
  // In a drawing in pieces, Tab goes to the next statement in drawing order (Shift+Tab to the one before), its
  // piece put in if it is not in the document; past the last (or first) one it leaves the drawing as usual.
  if (!pieces() || (!g && (dir < 0 || root.activeElement !== viewport))) return false;
  const next = pieces().after(g ? g.id : null, dir, (name) => data.nodes[name.slice(5)] && stateOf(name) !== "hidden");
  const target = next && pieces().ensure(next);
  if (!target) return false;
  target.focus();
  return true;
}
