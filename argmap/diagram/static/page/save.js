// Saving the drawing as it is shown, as SVG or PNG.
const SVGNS = "http://www.w3.org/2000/svg";
function exported() {
  // The drawing in the language shown, with what is hidden or dimmed as on screen, and its font named.
  const svg = canvas.querySelector("svg");
  if (!svg) return null;
  if (pieces()) { // the whole drawing, not only the pieces in view
    const whole = pieces().whole(stateOf, foldMarkup), open = whole.indexOf(">", whole.indexOf("<svg")) + 1;
    const font = "<style>text { font-family: " + getComputedStyle(svg.querySelector("text") || svg).fontFamily + "; }"
      + " .dimmed { opacity: .15; }</style>";
    return {text: whole.slice(0, open) + font + whole.slice(open), w: size().w, h: size().h};
  }
  const copy = svg.cloneNode(true);
  for (const name of ["role", "aria-label", "style"]) copy.removeAttribute(name);
  for (const g of copy.querySelectorAll("[tabindex]")) { g.removeAttribute("tabindex"); g.removeAttribute("role"); }
  const style = document.createElementNS(SVGNS, "style");
  style.textContent = "text { font-family: " + getComputedStyle(svg.querySelector("text") || svg).fontFamily + "; }"
    + " .hidden { display: none; } .dimmed { opacity: .15; }";
  copy.insertBefore(style, copy.firstChild);
  copy.setAttribute("xmlns", SVGNS);
  copy.setAttribute("xmlns:xlink", XLINK);
  return {text: new XMLSerializer().serializeToString(copy), w: size().w, h: size().h};
}
function download(blob, extension) {
  const a = el("a", {href: URL.createObjectURL(blob), download: data.id + "." + lang + "." + extension});
  frame.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
$("save-svg").addEventListener("click", () => {
  const drawn = exported();
  if (drawn) download(new Blob([drawn.text], {type: "image/svg+xml"}), "svg");
});
$("save-png").addEventListener("click", () => {
  const drawn = exported();
  if (!drawn) return;
  // Twice the screen's resolution where the browser's canvas allows it (about 16,000 px a side); a drawing so
  // large that its texts would come out under 3 px is not saved as an image no one could read.
  const k = Math.min(2, 16000 / drawn.w, 16000 / drawn.h, Math.sqrt(120e6 / (drawn.w * drawn.h)));
  if (k < 0.25) {
    status.textContent = "the drawing (" + Math.round(drawn.w) + " × " + Math.round(drawn.h) + " px) is too large for a "
      + "readable PNG: save it as SVG";
    return;
  }
  const image = new Image();
  image.onload = () => {
    const board = el("canvas", {width: Math.round(drawn.w * k), height: Math.round(drawn.h * k)});
    const ctx = board.getContext("2d");
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, board.width, board.height);
    ctx.drawImage(image, 0, 0, board.width, board.height);
    board.toBlob((blob) => { if (blob) download(blob, "png"); }, "image/png");
  };
  image.onerror = () => { status.textContent = "the drawing is too large to save as PNG here: save it as SVG"; };
  image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(drawn.text);
});
