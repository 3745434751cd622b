// Deep links: the address's fragment selects a node, and links in the panel and results select theirs.
function go() {
  // The address is anyone's to write: a broken escape or a name such as "constructor" selects nothing.
  let id;
  try { id = decodeURIComponent(location.hash.slice(1)); } catch { return; }
  if (id && Object.hasOwn(data.nodes, id)) select(id, {centre: true, focus: true});
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
