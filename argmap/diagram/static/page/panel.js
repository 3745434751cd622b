// The panel of the selected node: texts, quotes, marks, relations with their statuses, question and scheme.
function render(onlyIfChanged) {
  // Builds the panel of the selected node; returns whether the page's panel was replaced.
  const id = selected, node = id && data.nodes[id];
  if (!node) { panel.hidden = true; panel.replaceChildren(); return true; }
  const parts = [];
  const close = el("button", {type: "button", class: "close", "aria-label": "Close"}, "×");
  close.addEventListener("click", unselect);
  const kind = node.kind === "inference" ? node.relation + " inference" : node.kind === "question" ? "question" : node.role;
  parts.push(close, derived(node)
    ? el("h2", {}, el("span", {class: "role"}, kind))
    : el("h2", {}, el("code", {}, id), " ", el("span", {class: "role"}, kind)));
  const reason = why(id);
  if (reason && node.role === "thesis") parts.push(reason); // the thesis's panel leads with its reason
  const texts = textsOf(node);
  const list = el("dl", {class: "texts"});
  for (const language of data.languages) {
    list.append(el("dt", {}, language));
    const text = texts && texts[language];
    list.append(text ? el("dd", {lang: language, dir: "auto"}, text) : el("dd", {class: "missing"}, "(no text in " + language + ")"));
  }
  if (node.kind !== "inference" || Object.keys(texts || {}).length) parts.push(list);
  parts.push(question(id, node), schemeSection(node));
  const note = inLanguage(node.note, lang);
  if (note) parts.push(el("section", {class: "note"}, el("h3", {}, "Analyst's note"), el("p", {dir: "auto"}, note)));
  if (node.quotes && node.quotes.length) {
    const quotes = el("section", {}, el("h3", {}, "Quotes"));
    for (const quote of node.quotes) {
      const source = data.sources[quote.source] || {title: quote.source};
      const cite = el("cite", {}, source.title || quote.source);
      if (source.language) cite.append(" (" + source.language + ")");
      if (source.url && /^https?:\/\//i.test(source.url)) {
        cite.append(" ", el("a", {href: source.url, rel: "noopener noreferrer", target: "_blank"}, source.url));
      }
      quotes.append(el("figure", {}, el("blockquote", {lang: source.language, dir: "auto"}, quote.text), el("figcaption", {}, cite)));
    }
    parts.push(quotes);
  }
  const facts = el("dl", {class: "facts"});
  if (node.group) {
    const group = data.groups[node.group];
    facts.append(el("dt", {}, "Group"), el("dd", {}, (group && (group.label[lang] || Object.values(group.label)[0])) || node.group));
  }
  if (node.tags.length) facts.append(el("dt", {}, "Tags"), el("dd", {}, node.tags.join(", ")));
  if (node.by === "analyst") {
    facts.append(el("dt", {}, "Added by"), el("dd", {class: "analyst"}, "the analyst, not the author"));
  }
  if (node.base !== null && node.base !== undefined) {
    facts.append(el("dt", {}, "Base score"), el("dd", {class: "base"}, node.base + " (the analyst's confidence before attacks and supports count)"));
  }
  if (data.evaluation && data.evaluation.notes[id] !== undefined) {
    facts.append(el("dt", {}, "Evaluation"), el("dd", {class: "evaluation"}, statusWords(id, data.evaluation.semantics)));
  }
  if (data.evaluation && data.evaluation.verdict && node.role === "thesis") {
    facts.append(el("dt", {}, "Verdict"), el("dd", {class: "verdict"}, data.evaluation.verdict));
  }
  if (facts.childNodes.length) parts.push(facts);
  if (reason && node.role !== "thesis") parts.push(reason);
  parts.push(foldButton(id));
  const incoming = node.in.map((r) => {
    const item = el("li", {}, VERBS[r.relation][1] + " ");
    r.from.forEach((p, i) => { if (i) item.append(" + "); item.append(link(p)); });
    if (data.nodes[r.via] && data.nodes[r.via].explicit) item.append(" (", link(r.via), ")");
    item.append(badge(r.via));
    return item;
  });
  const outgoing = node.out.map((r) => {
    const item = el("li", {}, VERBS[r.relation][0] + " ");
    if (r.to) item.append(link(r.to));
    if (r.with.length) { item.append(" with "); r.with.forEach((p, i) => { if (i) item.append(", "); item.append(link(p)); }); }
    if (data.nodes[r.via] && data.nodes[r.via].explicit) item.append(" (", link(r.via), ")");
    if (r.to) item.append(badge(r.to, "target"));
    return item;
  });
  if (node.kind === "inference") {
    const item = el("li", {}, "premises: ");
    node.premises.forEach((p, i) => { if (i) item.append(", "); item.append(link(p)); });
    if (node.target) item.append(" → ", link(node.target));
    outgoing.unshift(item);
  }
  parts.push(relationList("Incoming", incoming), relationList("Outgoing", outgoing));
  const granted = (node.concedes || []).map((t) => el("li", {}, "concedes ", link(t)))
    .concat((node.conceded_by || []).map((s) => el("li", {}, "conceded by ", link(s))));
  const concessions = relationList("Concessions", granted);
  if (concessions) {
    concessions.classList.add("concessions");
    concessions.append(el("p", {class: "hint"}, "Granted by the author against their own claim: neither a reason nor an objection."));
    parts.push(concessions);
  }
  if (node.unread && node.unread.length) {
    parts.push(el("p", {class: "unread"}, "Refers to what could not be read (its definition has errors): " + node.unread.join(", ")));
  }
  const own = data.findings.filter((f) => f.node === id);
  if (own.length) parts.push(el("section", {class: "node-findings"}, el("h3", {}, "Findings"), el("ul", {}, ...own.map(finding))));
  if (!isDrawn(id)) parts.push(el("p", {class: "outside"}, "Not in this drawing (an excerpt)."));
  const fresh = parts.filter(Boolean);
  if (onlyIfChanged && !panel.hidden && el("div", {}, ...fresh).innerHTML === panel.innerHTML) return false;
  panel.replaceChildren(...fresh);
  panel.hidden = false;
  return true;
}
function question(id, node) {
  // The map's question: its own panel lists every answer with its verdict; an answer's names the question.
  const asked = data.question;
  if (!asked) return null;
  const verdict = (answer) => {
    const item = el("li", {}, link(answer.id));
    if (answer.verdict) item.append(el("span", {class: "verdict"}, " — " + answer.verdict));
    return item;
  };
  if (node.kind === "question") return relationList("Answers", asked.answers.map(verdict));
  const mine = asked.answers.find((answer) => answer.id === id);
  if (!mine) return null;
  const section = el("section", {class: "answer"}, el("h3", {}, "Answers the question"));
  section.append(el("p", {}, link(asked.id)));
  if (mine.verdict) section.append(el("p", {class: "verdict"}, mine.verdict));
  return section;
}
function schemeSection(node) {
  // An inference's scheme: its name, the roles no premise plays, and every critical question with its
  // status (open, answered, raised) and the statements that answer or raise it.
  const scheme = node.scheme;
  if (!scheme) return null;
  const section = el("section", {class: "scheme"}, el("h3", {}, "Scheme"));
  section.append(el("p", {}, inLanguage(scheme.name, lang) || scheme.id, " (", el("code", {}, scheme.id), ")"));
  if (scheme.missing.length) {
    section.append(el("p", {class: "missing-roles"}, "No premise plays: " + scheme.missing.join(", ") + " (unsaid; add it as the analyst's statement)"));
  }
  if (!scheme.questions.length) return section;
  const items = scheme.questions.map((q) => {
    const item = el("li", {class: "cq " + q.status, "data-question": q.id},
                    el("span", {class: "status"}, q.type === "exception" && q.status === "open" ? "not raised" : q.status), " ", el("span", {class: "type"}, q.type), " ",
                    el("span", {class: "text"}, inLanguage(q.text, lang) || q.id));
    if (q.answered_by.length) { item.append(" — answered by "); q.answered_by.forEach((s, i) => { if (i) item.append(", "); item.append(link(s)); }); }
    if (q.raised_by.length) { item.append(" — raised by "); q.raised_by.forEach((s, i) => { if (i) item.append(", "); item.append(link(s)); }); }
    return item;
  });
  section.append(el("h4", {}, "Critical questions"), el("ul", {class: "questions"}, ...items));
  return section;
}
function foldedBy(id) {
  // How many statements folding ``id`` hides (or hides now it is folded): as its "+N" mark counts them, not those
  // another way from the top still reaches.
  const had = collapsed.has(id);
  collapsed.add(id);
  const hidden = hiddenIds();
  if (!had) collapsed.delete(id);
  return [...below(id)].filter((u) => hidden.has(u) && data.nodes[u].kind !== "inference").length;
}
function foldButton(id) {
  // Folds (or unfolds) the statements under the node in the drawing: a branch read at a time.
  if (!isDrawn(id) || ![...below(id)].some((u) => data.nodes[u].kind !== "inference")) return null;
  const under = foldedBy(id), shut = collapsed.has(id);
  const what = under === 0 ? "what lies under it (another way reaches each of its statements)"
    : (under === 1 ? "the statement" : "the " + under + " statements") + " under it";
  const button = el("button", {type: "button", class: "fold", "aria-expanded": String(!shut)}, (shut ? "Unfold " : "Fold ") + what);
  button.addEventListener("click", () => {
    foldUnder(id, !shut);
    const again = panel.querySelector("button.fold");
    if (again) again.focus({preventScroll: true});
  });
  return button;
}
