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
}
for (const name of Object.keys(filter)) {
  $("filter-" + name).addEventListener("change", (event) => { filter[name] = event.target.value; refilter(); });
}
$("filter-clear").addEventListener("click", () => { for (const name of Object.keys(filter)) filter[name] = ""; refilter(); });
