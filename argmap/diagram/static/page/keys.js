// The page's own keys and buttons: Escape closes what is open, / searches, the tools fold, zoom buttons.
document.addEventListener("pointerdown", (event) => {
  // A click outside the search and its results closes the results (the matches stay outlined); in an
  // embedded view, a click anywhere on the host page counts as elsewhere.
  const target = event.composedPath()[0];
  if (!results.hidden && !results.contains(target) && target !== search) results.hidden = true;
  const filters = $("filters");
  if (filters.open && !filters.contains(target)) filters.open = false;
});
root.addEventListener("keydown", (event) => {
  if (event.key === "Escape") {
    if (!results.hidden) {
      event.preventDefault(); // the first Escape closes the list; the query stays (a second one clears it)
      results.hidden = true;
      if (results.contains(root.activeElement)) search.focus();
    }
    else if ($("filters").open) { $("filters").open = false; $("filters").querySelector("summary").focus(); }
    else if (root.activeElement === search && search.value) { search.value = ""; find(); }
    else if (selected) unselect();
  } else if (event.key === "/" && root.activeElement !== search && !(event.target instanceof HTMLInputElement)) {
    event.preventDefault();
    search.focus();
  }
});
$("tools-toggle").addEventListener("click", () => {
  // On a phone the tools fold behind one button; it unfolds them, and folds them again.
  const open = $("tools").classList.toggle("open");
  $("tools-toggle").setAttribute("aria-expanded", String(open));
});
$("zoom-in").addEventListener("click", () => zoom(1.25));
$("zoom-out").addEventListener("click", () => zoom(0.8));
$("fit").addEventListener("click", fit);
