// Verdicts and their reasons: the status words beside each relation and the panel's "why" line.
const WORDS = {IN: "stands", OUT: "defeated", UNDEC: "undecided", ACCEPTED: "accepted", CREDULOUS: "credulously accepted",
               REJECTED: "rejected", none: "no strength"};
function noteOf(id) {
  const notes = data.evaluation && data.evaluation.notes;
  return notes && notes[id] !== undefined ? notes[id] : null;
}
function statusWords(id, semantics) {
  const note = noteOf(id);
  if (note === null) return "";
  return WORDS[note] ? WORDS[note] + " (" + note + ", " + semantics + ")" : "strength " + note + " (" + semantics + ")";
}
function badge(id, what) {
  // The status of a supporter or attacker (the inference that carries it), beside its link.
  const note = noteOf(id);
  if (note === null) return null;
  const words = WORDS[note] ? WORDS[note] : "strength " + note;
  return el("span", {class: "status status-" + (WORDS[note] ? note : "strength"), title: (what || "this relation") + ": " + words},
    " — " + words);
}
function names(ids) {
  const span = el("span", {});
  ids.forEach((p, i) => { if (i) span.append(i === ids.length - 1 ? " and " : ", "); span.append(link(p)); });
  return span;
}
function why(id) {
  // One line saying why the selected node has its verdict, each statement named by its text and linked.
  const reason = data.evaluation && data.evaluation.why && data.evaluation.why[id];
  if (!reason) return null;
  const line = el("p", {class: "why"}, el("strong", {}, "Why: "));
  const attack = (item) => names(item.from.length ? item.from : [item.id]);
  const semantics = data.evaluation.semantics;
  switch (reason.because) {
    case "unattacked": line.append("nothing attacks it."); break;
    case "defeated":
      line.append("defeated by ");
      reason.by.forEach((item, i) => { if (i) line.append("; "); line.append(attack(item), ", which stands"); });
      line.append(".");
      break;
    case "defended":
      reason.attackers.forEach((item, i) => {
        line.append(i ? "; its attacker " : "every attacker is answered: ", attack(item), " falls to ");
        item.defeated_by.forEach((d, j) => {
          if (j) line.append(" and ");
          line.append(attack(d));
          if (d.on && d.on !== item.id && !item.from.includes(d.on)) line.append(" (against ", link(d.on), ")");
        });
      });
      line.append(".");
      break;
    case "cycle": {
      const cycle = reason.cycle;
      const loop = cycle.length === 1 ? [link(cycle[0]), " attacks itself"]
        : cycle.length === 2 ? [link(cycle[0]), " and ", link(cycle[1]), " attack each other"]
        : ["a cycle of attacks: ", ...cycle.flatMap((c) => [link(c), " → "]), link(cycle[0])];
      if (reason.on_cycle) line.append("undecided: ", ...loop, ", and nothing outside breaks the tie.");
      else line.append("undecided: its attacker ", ...reason.by.map(attack), " is undecided, because ", ...loop, ".");
      break;
    }
    case "everywhere": line.append("every " + semantics + " extension contains it."); break;
    case "nowhere": line.append("no " + semantics + " extension contains it."); break;
    case "no-extension": line.append("there is no " + semantics + " extension."); break;
    case "somewhere": {
      line.append("some " + semantics + " extensions contain it, others do not");
      if (reason.witness && reason.counterexample) {
        const own = reason.witness.filter((w) => !reason.counterexample.includes(w));
        const other = reason.counterexample.filter((c) => !reason.witness.includes(c));
        line.append(": one holds ", names(own.slice(0, 4)), ", another ", other.length ? names(other.slice(0, 4)) : "less");
      }
      line.append(".");
      break;
    }
    default: {
      if (reason.strength === undefined) return null;
      line.append("base " + (reason.base === null || reason.base === undefined ? "–" : reason.base.toFixed(2)));
      for (const [key, verb] of [["supports", "raised by "], ["attacks", "lowered by "]]) {
        if (!reason[key].length) continue;
        line.append("; " + verb);
        reason[key].slice(0, 4).forEach((item, i) => {
          if (i) line.append(", ");
          line.append(attack(item), " (" + (item.strength === null ? "none" : item.strength.toFixed(2)) + ")");
        });
      }
      line.append(".");
    }
  }
  return line;
}
