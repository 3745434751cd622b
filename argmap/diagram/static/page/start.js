// The view as it opens: findings, the drawing in its language, the node the address names, live updates.
findings();
filterBox();
// The outline is open beside a wide drawing, and is the reading on a phone; an embedded map opens on its drawing.
if (!host && (window.innerWidth <= 600 || window.innerWidth >= 1000)) outline.show(true);
if (!show(lang)) canvas.replaceChildren(el("p", {class: "empty"}, "Nothing drawn yet."));
if (!host && location.hash) go();
if (live) connect();
