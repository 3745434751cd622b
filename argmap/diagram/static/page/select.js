// Selecting a node: its mark in the drawing, the address, the panel kept in step across saves.
function highlight(id) {
  for (const g of canvas.querySelectorAll("g.node.selected")) g.classList.remove("selected");
  const g = nodeElement(id);
  if (g) g.classList.add("selected");
  return g;
}
function select(id, options) {
  if (!data.nodes[id]) return;
  selected = id;
  if (unhide(id) || focus.on) shape(); // a node asked for is shown; the focus follows the selection
  const g = highlight(id);
  render();
  outline.reveal(id);
  if (g && focus.on) frameNodes(shownIds()); // the focus follows the selection: it and its neighbours in view
  else if (g && options && options.centre) centre(g);
  if (g && options && options.focus) g.focus({preventScroll: true});
  remember();
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
function unselect() {
  // Closing the panel from within it gives the keyboard's focus back to the node it was about.
  const was = selected, inside = panel.contains(root.activeElement);
  selected = null;
  highlight(null);
  render();
  outline.reveal(null);
  if (focus.on) shape();
  remember();
  if (!inside) return;
  const g = nodeElement(was);
  (g && !g.classList.contains("hidden") ? g : viewport).focus({preventScroll: true});
}
