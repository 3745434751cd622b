// The view as it opens: findings, the drawing in its language, the node the address names, live updates.
findings();
if (!show(lang)) canvas.replaceChildren(el("p", {class: "empty"}, "Nothing drawn yet."));
if (!host && location.hash) go();
if (live) connect();
