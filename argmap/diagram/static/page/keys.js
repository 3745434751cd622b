// The page's own keys and buttons: Escape closes what is open, / searches, the tools fold, zoom buttons.
document.addEventListener("pointerdown", (event) => {
  // A click outside the search and its results closes the results (the matches stay outlined); in an
  // embedded view, a click anywhere on the host page counts as elsewhere. Heard first (capture), so a part of
  // the page that keeps its clicks to itself (the overview) still counts as elsewhere.
  const target = event.composedPath()[0];
  if (!results.hidden && !results.contains(target) && target !== search) results.hidden = true;
  const filters = $("filters");
  if (filters.open && !filters.contains(target)) filters.open = false;
}, true);
for (const [part, inside, close] of [[search, (t) => t === search || results.contains(t), () => { results.hidden = true; }],
  [results, (t) => t === search || results.contains(t), () => { results.hidden = true; }],
  [$("filters"), (t) => $("filters").contains(t), () => { $("filters").open = false; }]]) {
  // The keyboard moving on (Tab) out of the search and its results, or out of the filters, closes them.
  part.addEventListener("focusout", (event) => { if (event.relatedTarget && !inside(event.relatedTarget)) close(); });
}
root.addEventListener("keydown", (event) => {
  if (event.key === "Escape") {
    if (!results.hidden) {
      event.preventDefault(); // the first Escape closes the list; the query stays (a second one clears it)
      if (results.contains(root.activeElement)) search.focus(); // before the list closes (or focus would reopen it)
      results.hidden = true;
    }
    else if ($("filters").open) { $("filters").open = false; $("filters").querySelector("summary").focus(); }
    else if (root.activeElement === search && search.value) { search.value = ""; find(); }
    else if (selected) unselect();
  } else if (event.key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey && root.activeElement !== search && !(event.target instanceof HTMLInputElement)) {
    event.preventDefault();
    search.focus();
  }
});
$("tools-toggle").addEventListener("click", () => {
  // On a phone the tools fold behind one button; it unfolds them, and folds them again.
  const open = $("tools").classList.toggle("open");
  $("tools-toggle").setAttribute("aria-expanded", String(open));
});
function toDrawing() {
  // On a phone the outline is read instead of the drawing: a button about the drawing (zoom, Fit, Focus) brings it.
  if (outline.open && !viewport.clientWidth) outline.show(false);
}
$("zoom-in").addEventListener("click", () => { toDrawing(); zoom(1.25); });
$("zoom-out").addEventListener("click", () => { toDrawing(); zoom(0.8); });
$("fit").addEventListener("click", () => { toDrawing(); fit(); });
