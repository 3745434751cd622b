// Filters by group, tag, role and evaluation label: what passes is drawn as usual, the rest faint.
const filter = {group: "", tag: "", role: "", label: ""};
const ROLES = {thesis: "thesis", claim: "claim", evidence: "evidence"};
function filtering() {
  return Boolean(filter.group || filter.tag || filter.role || filter.label);
}
function passes(id) {
  const node = data.nodes[id];
  if (!node || node.kind === "question") return false;
  if (filter.group && node.group !== filter.group) return false;
  if (filter.tag && !(node.tags || []).includes(filter.tag)) return false;
  if (filter.role && node.role !== filter.role) return false;
  if (filter.label && noteOf(id) !== filter.label) return false;
  return true;
}
let passed = null; // {data, key, ids}: the nodes that pass, made once per data and filters
function passing() {
  const key = JSON.stringify(filter);
  if (!passed || passed.data !== data || passed.key !== key) {
    passed = {data, key, ids: new Set(Object.keys(data.nodes).filter(passes))};
  }
  return passed.ids;
}
function choices() {
  // Each filter's options, from the map as it is now: its groups, tags, roles and the evaluation's words.
  const tags = new Set(), roles = new Set(), labels = new Set();
  for (const [id, node] of Object.entries(data.nodes)) {
    for (const tag of node.tags || []) tags.add(tag);
    if (node.role && ROLES[node.role]) roles.add(node.role);
    const note = noteOf(id);
    if (note !== null && WORDS[note]) labels.add(note);
  }
  const groupName = (gid) => inLanguage(data.groups[gid].label, lang) || gid;
  return {
    group: Object.keys(data.groups).map((gid) => [gid, groupName(gid)]),
    tag: [...tags].sort().map((tag) => [tag, tag]),
    role: [...roles].map((role) => [role, role]),
    label: Object.keys(WORDS).filter((w) => labels.has(w)).map((w) => [w, WORDS[w] + " (" + w + ")"]),
  };
}
function filterBox() {
  // The filters' selects follow the map (a save may add a tag, a language switch renames the groups).
  const options = choices();
  for (const [name, items] of Object.entries(options)) {
    const pick = $("filter-" + name);
    if (filter[name] && !items.some(([value]) => value === filter[name])) filter[name] = "";
    const now = JSON.stringify(items);
    if (pick.dataset.items !== now) {
      pick.replaceChildren(el("option", {value: ""}, "any"), ...items.map(([value, label]) => el("option", {value}, label)));
      pick.dataset.items = now;
    }
    pick.value = filter[name];
    pick.closest("label").hidden = !items.length;
  }
  const shown = Object.values(data.nodes).filter((node) => node.kind === "statement").length;
  const kept = [...passing()].filter((id) => data.nodes[id].kind === "statement").length;
  $("filter-count").textContent = filtering() ? kept + " of " + shown + " statements pass" : "";
}
function refilter() {
  filterBox();
  shape();
  outline.sync();
  remember();
  if (filtering()) bringPassing();
}
function bringPassing() {
  // When none of the statements that pass is in view, the view moves to them: to all of them if they fit in it
  // at this zoom, else to the one nearest the top of the drawing.
  const hidden = shaping ? shaping.hidden : new Set();
  const ids = [...passing()].filter((id) => isDrawn(id) && !hidden.has(id) && data.nodes[id].kind === "statement");
  const boxes = ids.map(drawnBox).filter(Boolean);
  if (!boxes.length) return;
  const vw = viewport.clientWidth, vh = viewport.clientHeight, k = view.k;
  const left = -view.x / k, top = -view.y / k, right = left + vw / k, bottom = top + vh / k;
  if (boxes.some(([x, y, w, h]) => x < right && x + w > left && y < bottom && y + h > top)) return;
  const x0 = Math.min(...boxes.map((b) => b[0])), y0 = Math.min(...boxes.map((b) => b[1]));
  const x1 = Math.max(...boxes.map((b) => b[0] + b[2])), y1 = Math.max(...boxes.map((b) => b[1] + b[3]));
  let [x, y, w, h] = [x0, y0, x1 - x0, y1 - y0];
  if (w * k > vw || h * k > vh) [x, y, w, h] = boxes.reduce((a, b) => (b[1] < a[1] ? b : a));
  view.x = vw / 2 - (x + w / 2) * k;
  view.y = vh / 2 - (y + h / 2) * k;
  apply();
}
function drawnBox(id) {
  // A node's box in the drawing's units: from the pieces' index for a drawing in pieces, else from the page.
  if (pieces()) return pieces().box("node-" + id);
  const g = root.getElementById("node-" + id);
  if (!g || !canvas.contains(g)) return null;
  const box = g.getBoundingClientRect(), port = viewport.getBoundingClientRect();
  return [(box.left - port.left - viewport.clientLeft - view.x) / view.k, (box.top - port.top - viewport.clientTop - view.y) / view.k,
    box.width / view.k, box.height / view.k];
}
for (const name of Object.keys(filter)) {
  $("filter-" + name).addEventListener("change", (event) => { filter[name] = event.target.value; refilter(); });
}
$("filter-clear").addEventListener("click", () => { for (const name of Object.keys(filter)) filter[name] = ""; refilter(); });
