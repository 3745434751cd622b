// The outline: the thesis, its reasons and objections as an indented pro/con tree (an ARIA tree) linked to the nodes.
const outline = (function () {
  const box = $("outline"), list = $("outline-tree"), toggle = $("outline-toggle");
  const KINDS = {support: ["pro", "Pro"], attack: ["con", "Con"], undercut: ["con", "Undercut"],
                 premise: ["premise", "Premise"], answer: ["answer", "Answer"], concede: ["concede", "Concedes"]};
  const DEEP = 5; // past this level a line indents no further and shows its level (page.css)
  const opened = new Set(); // the nodes whose lines are open (a node open anywhere in the tree is open everywhere)
  let made = null; // the data, language and filters the tree was built for
  let current = null; // the line that takes Tab (roving tabindex)
  function label(id) {
    const node = data.nodes[id];
    // An argument the map gives no label: its premises, under the line it stands on (named or not, its
    // conclusion is the line above it).
    if (node && node.kind === "inference" && !inLanguage(node.label, lang)) {
      return node.premises.length > 1 ? "together: " + node.premises.map((p) => textOf(p, lang)).join(" + ") : textOf(id, lang);
    }
    return textOf(id, lang);
  }
  function line(id, relation, level, path) {
    // One line: its pro/con mark, its text, its evaluation; its children made when it is first opened.
    const kind = KINDS[relation] || ["root", data.nodes[id].kind === "question" ? "Question" : (data.nodes[id].role || "")];
    const loop = path.includes(id);
    const kids = loop ? [] : childrenOf(id).filter((c) => keep(c.id));
    const note = noteOf(id), words = note === null ? "" : WORDS[note] || "strength " + note;
    const item = el("li", {role: "treeitem", "aria-level": String(level), "aria-selected": String(id === selected),
      tabindex: "-1", "data-node": id, class: "line " + kind[0] + (filtering() && !passes(id) ? " context" : "")});
    const text = label(id);
    item.setAttribute("aria-label", (kind[1] ? kind[1] + ": " : "") + text + (words ? " — " + words : "")
      + (loop ? " (above: a cycle)" : ""));
    const row = el("div", {class: "row"}, el("span", {class: kids.length ? "twisty" : "twisty none", "aria-hidden": "true"}));
    if (level > DEEP) row.append(el("span", {class: "depth", "aria-hidden": "true", title: "level " + level}, String(level)));
    if (kind[1]) row.append(el("span", {class: "kind", "aria-hidden": "true"}, kind[1]));
    row.append(el("span", {class: "text", lang: textLanguage(id), dir: "auto"}, text));
    if (words) row.append(el("span", {class: "status status-" + (WORDS[note] ? note : "strength"), "aria-hidden": "true"}, words));
    if (loop) row.append(el("span", {class: "hint", "aria-hidden": "true"}, " (see above: a cycle)"));
    item.append(row);
    if (kids.length) {
      item.setAttribute("aria-expanded", String(opened.has(id)));
      item.trail = [...path, id];
      if (opened.has(id)) grow(item);
    }
    return item;
  }
  function textLanguage(id) {
    const texts = textsOf(data.nodes[id]) || {};
    return texts[lang] ? lang : Object.keys(texts)[0] || lang;
  }
  function grow(item) {
    if (item.querySelector(":scope > ul")) return;
    const id = item.dataset.node, level = Number(item.getAttribute("aria-level")) + 1;
    const group = el("ul", {role: "group"});
    for (const child of childrenOf(id)) if (keep(child.id)) group.append(line(child.id, child.relation, level, item.trail));
    item.append(group);
  }
  function keep(id) {
    // An excerpt's outline has the lines of what it draws; under filters, a line stays when it passes or
    // something under it does (shown as context).
    if (data.excerpt && !isDrawn(id)) return false;
    if (!filtering()) return true;
    if (!kept || kept.data !== data || kept.key !== JSON.stringify(filter)) {
      const ids = new Set(), queue = [...passing()];
      while (queue.length) {
        const next = queue.pop();
        if (ids.has(next)) continue;
        ids.add(next);
        for (const parent of treeOf().parents.get(next) || []) queue.push(parent);
      }
      kept = {data, key: JSON.stringify(filter), ids};
    }
    return kept.ids.has(id);
  }
  let kept = null;
  let tops = null; // {data, ids}: the lines at the top of the tree, made once per data
  function roots() {
    // The map's roots; an excerpt's are the statements it draws that nothing it draws lies above (a cycle
    // among them starts at its first statement), the question first, then the thesis.
    if (!data.excerpt) return treeOf().roots;
    if (tops && tops.data === data) return tops.ids;
    const {parents} = treeOf(), top = new Set(treeOf().roots);
    const inTree = (id) => data.nodes[id] && (parents.has(id) || childrenOf(id).length || top.has(id));
    const ids = topsOf(data.drawn.filter(inTree), (id) => (parents.get(id) || []).some(isDrawn),
      (id) => childrenOf(id).map((child) => child.id).filter(isDrawn));
    tops = {data, ids};
    return ids;
  }
  function build() {
    // The whole tree anew (a save, a language, a filter), the same lines open and the focus on the same node.
    const focused = list.contains(root.activeElement) ? root.activeElement.dataset.node : null;
    if (made === null) {
      // At first, the lines open level by level while the outline stays short enough to read through.
      let level = roots(), shownCount = level.length;
      while (level.length) {
        const next = level.flatMap((id) => childrenOf(id).map((c) => c.id).filter(keep));
        if (shownCount + next.length > 120) break;
        level.forEach((id) => opened.add(id));
        shownCount += next.length;
        level = next;
      }
    }
    const passed = filtering() && (!made || made.key !== JSON.stringify(filter)) ? openPassing() : null;
    made = {data, lang, key: JSON.stringify(filter)};
    list.replaceChildren(...roots().filter(keep).map((id) => line(id, null, 1, [])));
    current = null;
    reveal(selected, false);
    const target = (focused && find(focused)) || current || list.querySelector("[role=treeitem]");
    if (target) rove(target);
    if (focused && target) target.focus({preventScroll: true});
    const first = passed && find(passed);
    if (first && !box.hidden) first.scrollIntoView({block: "nearest"});
  }
  function openPassing() {
    // A filter just set opens the lines down to what passes (the first 300 lines' worth on a large map).
    let count = 0, first = null;
    for (const id of passing()) {
      first = first || id;
      const path = (data.excerpt ? pathTo(id, roots(), isDrawn) : pathTo(id)) || [];
      for (const step of path.slice(0, -1)) if (!opened.has(step)) { opened.add(step); count += childrenOf(step).length; }
      if (count > 300) break;
    }
    return first;
  }
  function find(id) {
    return [...list.querySelectorAll("[role=treeitem]")].find((item) => item.dataset.node === id) || null;
  }
  function rove(item) {
    if (current && current !== item) current.setAttribute("tabindex", "-1");
    current = item;
    item.setAttribute("tabindex", "0");
  }
  function visible() {
    return [...list.querySelectorAll("[role=treeitem]")].filter((item) => !item.parentElement.closest("[aria-expanded=false]"));
  }
  function open(item, yes) {
    if (!item.hasAttribute("aria-expanded")) return;
    item.setAttribute("aria-expanded", String(yes));
    if (yes) { opened.add(item.dataset.node); grow(item); } else opened.delete(item.dataset.node);
  }
  function reveal(id, scroll) {
    // The line of ``id`` marked selected, the lines above it opened; scrolled into view if asked.
    for (const item of list.querySelectorAll("[aria-selected=true]")) item.setAttribute("aria-selected", "false");
    if (!id || !data.nodes[id]) return null;
    let item = find(id);
    if (!item) {
      const path = (data.excerpt ? pathTo(id, roots(), isDrawn) : pathTo(id)) || [];
      let at = path.length ? [...list.children].find((li) => li.dataset.node === path[0]) : null;
      for (const step of path.slice(1)) {
        if (!at) break;
        open(at, true);
        at = [...at.querySelector(":scope > ul").children].find((li) => li.dataset.node === step) || null;
      }
      item = at;
    } else {
      for (let up = item.parentElement.closest("[role=treeitem]"); up; up = up.parentElement.closest("[role=treeitem]")) open(up, true);
    }
    if (!item) return null;
    item.setAttribute("aria-selected", "true");
    rove(item);
    if (scroll && !box.hidden) item.scrollIntoView({block: "nearest"});
    return item;
  }
  function choose(item) {
    const id = item.dataset.node;
    if (unhide(id)) shape();
    select(id, {centre: true, from: "outline"});
    item.focus({preventScroll: true});
  }
  list.addEventListener("click", (event) => {
    const item = event.target.closest("[role=treeitem]");
    if (!item) return;
    rove(item);
    if (event.target.closest(".twisty")) { open(item, item.getAttribute("aria-expanded") !== "true"); item.focus(); return; }
    choose(item);
  });
  list.addEventListener("keydown", (event) => {
    const item = event.target.closest("[role=treeitem]");
    if (!item) return;
    const lines = visible(), at = lines.indexOf(item);
    let next = null;
    switch (event.key) {
      case "ArrowDown": next = lines[at + 1]; break;
      case "ArrowUp": next = lines[at - 1]; break;
      case "Home": next = lines[0]; break;
      case "End": next = lines[lines.length - 1]; break;
      case "ArrowRight":
        if (item.getAttribute("aria-expanded") === "false") open(item, true);
        else if (item.getAttribute("aria-expanded") === "true") next = item.querySelector(":scope > ul > li");
        break;
      case "ArrowLeft":
        if (item.getAttribute("aria-expanded") === "true") open(item, false);
        else next = item.parentElement.closest("[role=treeitem]");
        break;
      case "Enter": case " ": choose(item); break;
      default: return;
    }
    event.preventDefault();
    event.stopPropagation();
    if (next) { rove(next); next.focus(); }
  });
  function show(on) {
    // Beside the drawing on a wide screen; on a phone, instead of it (the drawing comes back with the button).
    box.hidden = !on;
    toggle.setAttribute("aria-pressed", String(on));
    frame.classList.toggle("outline-open", on);
    if (on) sync(true);
    if (!fitted && viewport.clientWidth && canvas.querySelector("svg")) { opening(); fitted = true; }
    else if (canvas.querySelector("svg")) apply();
    const g = !on && nodeElement(selected);
    if (g && viewport.clientWidth) centre(g); // the drawing comes back on the node selected in the outline
  }
  function sync(force) {
    // Kept in step with the map, the language and the filters; built only while it is open.
    if (box.hidden) return;
    if (force === true || !made || made.data !== data || made.lang !== lang || made.key !== JSON.stringify(filter)) build();
  }
  function fold(id, shut) {
    // A node folded in the drawing closes its lines here too, and unfolded opens them (the reader may still
    // open or close a line of the outline alone).
    if (shut) opened.delete(id); else opened.add(id);
    for (const item of list.querySelectorAll("[role=treeitem][aria-expanded]")) if (item.dataset.node === id) open(item, !shut);
  }
  toggle.addEventListener("click", () => show(box.hidden));
  return {show, sync, fold, reveal: (id) => { if (!box.hidden) reveal(id, true); }, get open() { return !box.hidden; }};
})();
