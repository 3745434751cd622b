// A node's texts in a language, never a derived id; building elements and links from map texts as text.
function textsOf(node) {
  return node.kind === "inference" ? node.label : node.text;
}
function inLanguage(texts, language) {
  return texts && (texts[language] || texts[data.languages[0]] || Object.values(texts)[0]);
}
function spoken(language) {
  // The language the map's texts are shown in: ``language``, unless the map has no text in it yet (a language
  // just added), when they are in the language they fall back to.
  if (language === data.languages[0] || data.title[language]) return language;
  if (Object.values(data.nodes).some((node) => (textsOf(node) || {})[language])) return language;
  return data.title[data.languages[0]] ? data.languages[0] : Object.keys(data.title)[0] || language;
}
function derived(node) {
  return node && node.kind === "inference" && !node.explicit;
}
function textOf(id, language) {
  const node = data.nodes[id];
  const own = node && inLanguage(textsOf(node), language);
  if (own) return own;
  if (node && node.kind === "inference") {
    // An inference the map does not name is shown by what it joins: a reader never meets a derived id.
    const from = (node.premises || []).map((p) => textOf(p, language)).join(" + ");
    return (node.relation || "inference") + ": " + from + (node.target ? " → " + textOf(node.target, language) : "");
  }
  return id;
}
function fold(text) {
  return String(text).normalize("NFKC").toLowerCase().replace(/\s+/g, "");
}
function el(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value !== null && value !== undefined) element.setAttribute(name, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) element.append(child instanceof Node ? child : String(child));
  }
  return element;
}
function link(id) {
  const shownText = textOf(id, lang);
  const a = el("a", {href: "#" + encodeURIComponent(id), class: "node-link", "data-node": id, dir: "auto"},
    shownText.length > 80 ? shownText.slice(0, 79) + "…" : shownText);
  if (!isDrawn(id)) a.append(el("span", {class: "outside"}, " (not in this drawing)"));
  return a;
}
