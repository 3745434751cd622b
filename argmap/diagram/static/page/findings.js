// The findings list: each finding with its place, code and the node it is about.
function finding(f) {
  const item = el("li", {class: f.severity},
    el("span", {class: "where"}, f.where), " ", el("span", {class: "severity"}, f.severity), " ",
    el("code", {}, f.code), " ", f.message, f.name ? " [" + f.name + "]" : "");
  if (f.node && data.nodes[f.node]) item.append(" ", link(f.node));
  return item;
}
let listed = null; // what the findings list shows, so that a save that changes none of it costs nothing
function findings() {
  const box = $("findings"), list = box.querySelector("ul");
  const now = JSON.stringify([data.findings, data.findings.map((f) => f.node && textOf(f.node, lang))]);
  if (now !== listed) list.replaceChildren(...data.findings.map(finding));
  listed = now;
  box.hidden = data.findings.length === 0 && !data.stale;
  box.querySelector("h2").textContent = data.stale
    ? "The map cannot be drawn as it is: the last drawing is shown"
    : data.findings.length + (data.findings.length === 1 ? " finding" : " findings");
}
