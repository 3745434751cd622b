// Search: every text in every language, folded; the matches outlined and listed.
function mark() {
  for (const g of nodeElements()) g.classList.toggle("match", matches.has(g.id.slice(5)));
}
let folded = null; // [id, every text folded] of each node, made on the first search after an update
function find() {
  const query = fold(search.value);
  matches = new Set();
  if (query) {
    if (!folded || folded.data !== data) {
      folded = {data, nodes: Object.entries(data.nodes).filter(([, node]) => !derived(node)).map(([id, node]) => [id,
        [id, ...Object.values(textsOf(node) || {})].map(fold).join("\u0000")])};
    }
    for (const [id, texts] of folded.nodes) if (texts.includes(query)) matches.add(id);
  }
  mark();
  const found = [...matches];
  results.replaceChildren(...found.slice(0, 50).map((id) => el("li", {}, link(id))));
  if (found.length > 50) results.append(el("li", {class: "hint"}, "and " + (found.length - 50) + " more: add words to narrow the search"));
  results.hidden = !query || !found.length;
  count.textContent = query ? (found.length === 1 ? "1 match" : found.length + " matches") : "";
}

search.addEventListener("input", find);
for (const name of ["focus", "click"]) search.addEventListener(name, () => { if (search.value && results.hidden) find(); });
search.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && matches.size) {
    event.preventDefault();
    const first = [...matches].find((id) => isDrawn(id)) || [...matches][0];
    select(first, {centre: true, focus: true});
  } else if (event.key === "ArrowDown" && search.value) { // down into the results, the list opened again if closed
    event.preventDefault();
    if (results.hidden) find();
    const first = results.querySelector("a");
    if (first && !results.hidden) first.focus();
  }
});
results.addEventListener("keydown", (event) => {
  // Up and down the results; up from the first goes back to the search box.
  if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
  const links = [...results.querySelectorAll("a")], at = links.indexOf(root.activeElement);
  event.preventDefault();
  if (event.key === "ArrowUp" && at <= 0) search.focus();
  else links[Math.max(0, Math.min(links.length - 1, at + (event.key === "ArrowDown" ? 1 : -1)))].focus();
});
