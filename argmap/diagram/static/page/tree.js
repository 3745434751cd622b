// The map as a pro/con tree: what lies under each node (its reasons, objections, premises), and the roots.
let tree = null; // {data, children: id -> [{id, relation}], parents: id -> [id], roots: [id]}, made once per data
function treeOf() {
  if (tree && tree.data === data) return tree;
  const children = new Map(), parents = new Map();
  const add = (parent, id, relation) => {
    if (!data.nodes[id] || id === parent) return;
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push({id, relation});
    if (!parents.has(id)) parents.set(id, []);
    parents.get(id).push(parent);
  };
  // A reason of one premise, which nothing undercuts and the map does not name, is its premise's line; any
  // other inference has a line of its own, its premises (and what undercuts it) under it.
  const plain = (node) => node.kind === "inference" && (node.premises || []).length === 1 && !node.explicit && !node.in.length;
  for (const [id, node] of Object.entries(data.nodes)) {
    if (node.kind === "question") { for (const answer of node.answers || []) add(id, answer, "answer"); continue; }
    if (plain(node)) continue;
    if (node.kind === "inference") for (const premise of node.premises || []) add(id, premise, "premise");
    for (const r of node.in) {
      const via = data.nodes[r.via];
      add(id, via && plain(via) ? r.from[0] : r.via, r.relation);
    }
    for (const conceder of node.conceded_by || []) add(id, conceder, "concede");
  }
  // Under each line, premises first, then reasons, then objections (as Kialo readers expect), else in map order.
  const RANK = {premise: 0, support: 1, answer: 1, attack: 2, undercut: 2, concede: 3};
  for (const list of children.values()) list.sort((a, b) => RANK[a.relation] - RANK[b.relation]);
  const roots = topsOf(Object.keys(data.nodes), (id) => parents.has(id) || plain(data.nodes[id]),
    (id) => (children.get(id) || []).map((child) => child.id));
  tree = {data, children, parents, roots};
  return tree;
}
function topsOf(ids, placed, under) {
  // The lines at the top of a tree over ``ids``: those not ``placed`` under another, the question first, then
  // the thesis; then the first statement of each cycle that nothing leads into. ``under(id)``: the ids below.
  const tops = [], reached = new Set();
  const reach = (id) => {
    const stack = [id];
    while (stack.length) {
      const next = stack.pop();
      if (reached.has(next)) continue;
      reached.add(next);
      stack.push(...under(next));
    }
  };
  const rank = (id) => (data.nodes[id].kind === "question" ? 0 : data.nodes[id].role === "thesis" ? 1 : 2);
  for (const id of ids.filter((id) => !placed(id)).sort((a, b) => rank(a) - rank(b))) { tops.push(id); reach(id); }
  for (const id of ids) if (!reached.has(id) && data.nodes[id].kind !== "inference") { tops.push(id); reach(id); }
  return tops;
}
function childrenOf(id) {
  return treeOf().children.get(id) || [];
}
function below(id) {
  // Every node under ``id`` (its subtree), without ``id`` itself.
  const seen = new Set(), stack = [id];
  while (stack.length) {
    for (const child of childrenOf(stack.pop())) if (!seen.has(child.id) && child.id !== id) { seen.add(child.id); stack.push(child.id); }
  }
  return seen;
}
function pathTo(id, roots = treeOf().roots, allowed = () => true) {
  // The ids from a root down to ``id`` (the shortest way up through its parents, those ``allowed``), or null.
  const {parents} = treeOf();
  const isRoot = new Set(roots), up = new Map([[id, null]]);
  const queue = [id];
  while (queue.length) {
    const next = queue.shift();
    if (isRoot.has(next)) {
      const path = [];
      for (let at = next; at !== null; at = up.get(at)) path.push(at);
      return path;
    }
    for (const parent of parents.get(next) || []) if (!up.has(parent) && allowed(parent)) { up.set(parent, next); queue.push(parent); }
  }
  return null;
}
