// The language switch: titles, drawings and the switch's own options follow the map's languages.
function retitle() {
  // The header and the tab's title are in the language shown.
  const title = data.title[lang] || data.title[data.languages[0]] || Object.values(data.title)[0] || data.id;
  $("title").textContent = title;
  if (!host) document.title = title; // an embedded view leaves its host page's title alone
}
picker.addEventListener("change", () => {
  lang = picker.value;
  retitle();
  // A language just added to the map may not be drawn yet: its drawing is shown when it arrives.
  if (drawings[lang]) { show(lang); render(); if (results.childNodes.length) find(); }
  else status.textContent = "drawing " + (data.names[lang] || lang) + "…";
  filterBox();
  outline.sync();
});
function languages() {
  // The switch follows the map's languages as they are saved: a new one appears, a removed one goes.
  const now = [...picker.options].map((option) => option.value);
  if (now.join("\n") === data.languages.join("\n")) return;
  for (const code of Object.keys(drawings)) if (!data.languages.includes(code)) delete drawings[code];
  if (!data.languages.includes(lang)) lang = data.lang;
  picker.replaceChildren(...data.languages.map((code) =>
    el("option", {value: code}, (data.names && data.names[code]) || code)));
  picker.value = lang;
  if (shownLang !== lang && drawings[lang]) show(lang);
}
window.addEventListener("resize", () => {
  if (!canvas.querySelector("svg")) return;
  if (fitted) apply(); else opening(); // a wider window re-centres a drawing it now holds whole
});
// An embedded map in a part of its page hidden at first (a closed <details>, a tab) is framed when it shows.
if (host && window.ResizeObserver) {
  new ResizeObserver(() => {
    if (!fitted && viewport.clientWidth && canvas.querySelector("svg")) { opening(); fitted = true; }
  }).observe(viewport);
}
