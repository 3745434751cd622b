// Live updates from argmap serve: new data, new drawings, and patches of texts.
function connect() {
  const events = new EventSource("/events");
  events.addEventListener("map", (event) => {
    data = fromJSON(event.data).data;
    languages();
    findings();
    filterBox();
    refresh();
    shape();
    outline.sync();
    if (search.value) find();
    status.textContent = data.stale ? "the map has errors that stop it being drawn" : "checked";
    retitle();
  });
  events.addEventListener("svg", (event) => {
    const update = fromJSON(event.data);
    if (!data.languages.includes(update.lang)) return; // a language removed since
    const held = drawings[update.lang];
    if (held && held.version >= update.version) return; // replayed: this page has it, or a newer one
    if (update.pieces) drawings[update.lang] = {version: update.version, cut: update.pieces};
    else {
      const template = document.createElement("template");
      template.innerHTML = update.svg;
      drawings[update.lang] = {version: update.version, template};
    }
    if (update.lang === lang) {
      const onNode = canvas.contains(root.activeElement);
      show(lang);
      refresh();
      if (onNode && selected && nodeElement(selected)) {
        restoring = true; // the focus comes back to where it was: the view stays as the reader left it
        nodeElement(selected).focus({preventScroll: true});
        restoring = false;
      }
      status.textContent = "updated " + new Date().toLocaleTimeString();
    }
  });
  events.addEventListener("patch", (event) => {
    const update = fromJSON(event.data);
    const drawing = drawings[update.lang];
    if (!drawing || drawing.version !== update.base) return; // made for another drawing: a new one follows
    if (drawing.patch && drawing.patch.version >= update.version) return;
    drawing.patch = update;
    if (update.lang !== lang || shownLang !== lang) return; // applied when that language is shown
    patchDrawing(drawing, lang);
    shown = update.version;
    stamp();
    if (selected) { highlight(selected); refresh(); }
    status.textContent = "updated " + new Date().toLocaleTimeString();
  });
  events.addEventListener("error", () => { status.textContent = "disconnected: waiting for argmap serve"; });
}
