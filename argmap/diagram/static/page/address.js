// Deep links: the address keeps the selection, folds, focus and filters (#id&fold=a,b&focus=2&tag=t); links select.
function addressOf() {
  const parts = selected ? [encodeURIComponent(selected)] : [];
  if (collapsed.size) parts.push("fold=" + [...collapsed].map(encodeURIComponent).join(","));
  if (focus.on) parts.push("focus=" + focus.steps);
  for (const [name, value] of Object.entries(filter)) if (value) parts.push(name + "=" + encodeURIComponent(value));
  return parts.length ? "#" + parts.join("&") : "";
}
function remember() {
  // The address follows what the reader did (an embedded map leaves its host page's address alone).
  if (host) return;
  const hash = addressOf();
  if (location.hash !== hash && (hash || location.hash)) history.replaceState(null, "", hash || location.pathname + location.search);
}
function go() {
  // The address is anyone's to write: a broken escape, an unknown name or one such as "constructor" is ignored.
  let id = null;
  const state = new Map();
  for (const field of location.hash.slice(1).split("&")) {
    const at = field.indexOf("=");
    try {
      if (at < 0) id = decodeURIComponent(field);
      else state.set(decodeURIComponent(field.slice(0, at)), decodeURIComponent(field.slice(at + 1)));
    } catch { continue; }
  }
  const known = (name) => Object.hasOwn(data.nodes, name);
  const before = new Set(collapsed);
  collapsed.clear();
  for (const name of (state.get("fold") || "").split(",")) if (known(name) && childrenOf(name).length) collapsed.add(name);
  for (const name of before) if (!collapsed.has(name)) outline.fold(name, false);
  for (const name of collapsed) if (!before.has(name)) outline.fold(name, true);
  for (const name of Object.keys(filter)) filter[name] = state.get(name) || "";
  const steps = Number(state.get("focus"));
  focus.on = steps >= 1;
  if (focus.on) focus.steps = Math.min(9, Math.floor(steps));
  $("focus").setAttribute("aria-pressed", String(focus.on));
  $("focus-steps").value = String(focus.steps);
  filterBox();
  shape();
  outline.sync();
  if (id && known(id)) select(id, {centre: true, focus: true});
  else if (selected) unselect(); // an address naming no statement selects none
  else remember();
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
