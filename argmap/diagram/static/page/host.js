// Where the view lives (the whole page, or a map embedded in another page) and the state its modules share.
// The whole page, or one map embedded in another page (argmap.diagram.html.fragment): there the script sits
// in its host element and the view lives in that element's shadow root, apart from the page's ids and styles.
const host = document.currentScript && document.currentScript.parentElement.closest(".argmap-embed");
if (host && !host.shadowRoot) host.attachShadow({mode: "open"}).append(host.querySelector("template.argmap-view").content);
const root = host ? host.shadowRoot : document, frame = host ? root.querySelector(".embedded") : document.body;
const $ = (id) => root.getElementById(id);
const viewport = $("viewport"), canvas = $("canvas"), panel = $("panel"), search = $("search");
const results = $("results"), count = $("count"), status = $("status"), picker = $("lang");
const live = frame.dataset.live === "1";
function fromJSON(text) {
  // The map's data with no inherited keys: a statement called "constructor" or "toString" is found as itself, and
  // an id the map lacks is found as nothing (every object the data holds is looked up by the map's own names).
  return JSON.parse(text, (key, value) =>
    value && typeof value === "object" && !Array.isArray(value) ? Object.assign(Object.create(null), value) : value);
}
let data = fromJSON($("argmap-data").textContent);
let lang = data.lang;
const drawings = {}; // lang -> {version (of its layout), template, svg once parsed, patch (newest texts), applied}
const XLINK = "http://www.w3.org/1999/xlink";
let shown = -1, shownLang = null, selected = null, matches = new Set();
const view = {x: 0, y: 0, k: 1};
let fitted = false;

for (const template of root.querySelectorAll(".drawing")) {
  // The language the view opens in comes as a <template> (parsed with the page); the others as text,
  // parsed only when a reader asks for them: a large map's page then parses one drawing, not one per language.
  drawings[template.dataset.lang] = {version: Number(template.dataset.version || 0), template};
}
function pieces() {
  // The drawing shown, when it comes in pieces (a large map: argmapPieces puts in only what is near the view).
  const drawing = shownLang && drawings[shownLang];
  return drawing && drawing.pieces && canvas.contains(drawing.svg) ? drawing.pieces : null;
}
function contentOf(drawing) {
  let template = drawing.template;
  if (!(template instanceof HTMLTemplateElement)) {
    const parsed = document.createElement("template");
    parsed.innerHTML = template.textContent;
    template = drawing.template = parsed;
  }
  return template.content;
}
