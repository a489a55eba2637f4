// medialit PhraseMarker front end (anywidget ES module, shipped with the package: no CDN).
//
// Two ways to mark a phrase:
//  * mouse: select words in the text, choose a category, press "Add mark";
//  * keyboard: type the phrase in "Phrase", choose the occurrence and the category, press Enter
//    or "Add mark". In the list of marks, arrow keys move, Delete removes the focused mark.
//    "Which one" lists at most MAX_OPTIONS places (a short phrase in a 60,000-word article is
//    found thousands of times; listing them all froze the page for a second per keystroke).
// Offsets sent to and read from Python count code points, not UTF-16 units: see offsetMap.
// All learner and article text is inserted with textContent (never as HTML).

const LINE_STYLES = ["solid", "dashed", "dotted", "double", "solid", "dashed", "dotted", "double"];
let counter = 0;
const MAX_OPTIONS = 200;   // places listed under "Which one"
const MAX_COUNT = 10001;   // places counted for "found N times"

function h(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "text") node.textContent = value;
    else if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

// ---------------------------------------------------------------- offsets
// Python (and so every saved mark, the answers file and the dashboard) counts offsets in code
// points; the browser (String.slice, DOM ranges) counts UTF-16 code units, in which an emoji or
// any other astral character takes two. Inside this module offsets are UTF-16 units; they are
// converted at the boundary: marks read from the model go through toUnits, marks sent to the
// model through toCodePoints. (Without this, a mark on "puppets" after "🚨" was saved one
// character late, as "uppets ".)

/** UTF-16 index of every astral character (a valid surrogate pair) in `text`, ascending. */
export function astralIndex(text) {
  const out = [];
  for (let i = 0; i < text.length - 1; i++) {
    const hi = text.charCodeAt(i);
    if (hi >= 0xd800 && hi <= 0xdbff) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) { out.push(i); i++; }
    }
  }
  return out;
}

function countBelow(sorted, value) {  // how many entries are < value (binary search)
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** Converters between code-point offsets (Python, saved marks) and UTF-16 offsets (the browser). */
export function offsetMap(text) {
  const units = astralIndex(text);
  if (!units.length) return { toUnits: (cp) => cp, toCodePoints: (u) => u, astral: 0 };
  const points = units.map((u, j) => u - j);  // the code-point index of each astral character
  return {
    astral: units.length,
    toUnits: (cp) => cp + countBelow(points, cp),
    // an offset inside a surrogate pair (never made by this module) rounds down to its start
    toCodePoints: (u) => u - countBelow(units, u),
  };
}

// Every place `phrase` appears, ignoring case, as [start, end] in UTF-16 units. Like Python's
// re.finditer(re.escape(phrase), text, re.IGNORECASE) in PhraseMarker.find: occurrences do not
// overlap ("ha ha" is found once in "ha ha ha") and case is folded character by character, so
// the occurrences are numbered the same on both sides. Counting stops at `limit`.
// Whole words first, as in Python: a phrase starting (ending) with a letter, digit or "_" is found
// only where no such character comes before (after) it ("the" is not found inside "others"); only
// when there is no whole-word place at all are places inside words listed.
const WORD = "[\\p{L}\\p{N}_]";
export function findAll(text, phrase, limit = Infinity) {
  if (!phrase) return [];
  // Python also takes i, I, dotted İ and dotless ı for one another; the browser's "iu" does not
  const body = phrase.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&").replace(/[iIİı]/g, "[iIİı]");
  const chars = Array.from(phrase);
  const isWord = (c) => new RegExp(`^${WORD}$`, "u").test(c);
  const whole = (isWord(chars[0]) ? `(?<!${WORD})` : "") + body + (isWord(chars[chars.length - 1]) ? `(?!${WORD})` : "");
  const found = places(text, whole, limit);
  return found.length ? found : places(text, body, limit);
}

function places(text, pattern, limit) {
  const out = [];
  for (const m of text.matchAll(new RegExp(pattern, "giu"))) {
    out.push([m.index, m.index + m[0].length]);
    if (out.length >= limit) break;
  }
  return out;
}

const isLow = (text, i) => { const c = text.charCodeAt(i); return c >= 0xdc00 && c <= 0xdfff; };

function context(text, start, end) {
  let from = Math.max(0, start - 25), to = Math.min(text.length, end + 25);
  if (from > 0 && isLow(text, from)) from--;   // never cut an emoji in half
  if (to < text.length && isLow(text, to)) to++;
  const before = text.slice(from, start).replace(/\s+/g, " ");
  const after = text.slice(end, to).replace(/\s+/g, " ");
  return `…${before}[${text.slice(start, end)}]${after}…`;
}

function render({ model, el }) {
  const uid = `medialit-pm-${++counter}`;
  const root = h("div", { class: "medialit-phrase-marker medialit-widget" });
  el.append(root);

  const text = () => model.get("text") || "";
  const cats = () => model.get("categories") || [];
  // offsets in the model are code points; `marks()` gives them in UTF-16 units (see offsetMap)
  let map = offsetMap(text());
  const saved = () => (model.get("data") || {}).marks || [];
  const marks = () => saved().map((m) => ({ ...m, start: map.toUnits(m.start), end: map.toUnits(m.end) }));
  const catInfo = (name) => {
    const list = cats();
    const i = list.findIndex((c) => c.name === name);
    return i === -1
      ? { name, colour: "#999999", tag: "?", style: "dotted", definition: "" }
      : { ...list[i], style: LINE_STYLES[i % LINE_STYLES.length] };
  };

  // ---------------------------------------------------------------- layout
  const title = h("h4", { class: "pm-title", text: `Mark phrases: ${model.get("title") || ""}` });
  const help = h("p", {
    class: "pm-help",
    text: "Select words in the text with the mouse, or type a phrase in the Phrase box. " +
      "Choose a category, then press Add mark (or Enter). In the list of marks, use the arrow keys " +
      "to move and Delete to remove a mark.",
  });
  const legend = h("ul", { class: "pm-legend", "aria-label": "Categories" });
  const textBox = h("div", {
    class: "pm-text", tabindex: "0", role: "document", "aria-label": "Text to mark (select words to mark them)",
  });
  const phraseLabel = h("label", { for: `${uid}-phrase`, text: "Phrase" });
  const phrase = h("input", {
    id: `${uid}-phrase`, class: "pm-phrase", type: "text", autocomplete: "off",
    placeholder: "type or select words from the text", "aria-describedby": `${uid}-found`,
  });
  const found = h("span", { id: `${uid}-found`, class: "pm-found", "aria-live": "polite" });
  const occLabel = h("label", { for: `${uid}-occ`, text: "Which one" });
  const occurrence = h("select", { id: `${uid}-occ`, class: "pm-occurrence" });
  const catLabel = h("label", { for: `${uid}-cat`, text: "Category" });
  const category = h("select", { id: `${uid}-cat`, class: "pm-category" });
  const noteLabel = h("label", { for: `${uid}-note`, text: "Note" });
  const note = h("input", { id: `${uid}-note`, class: "pm-note", type: "text", placeholder: "optional" });
  const add = h("button", { class: "pm-add", type: "button", text: "Add mark" });
  const message = h("div", { class: "pm-message", role: "alert" });
  const listTitle = h("h5", { id: `${uid}-list`, text: "Your marks" });
  const list = h("ul", { class: "pm-marks", "aria-labelledby": `${uid}-list` });
  const status = h("div", { class: "pm-status", role: "status", "aria-live": "polite" });

  const form = h("div", { class: "pm-form" }, [
    h("div", { class: "pm-row" }, [phraseLabel, phrase, found]),
    h("div", { class: "pm-row" }, [occLabel, occurrence, catLabel, category]),
    h("div", { class: "pm-row" }, [noteLabel, note, add]),
  ]);
  // whose work this is (the "Saving as" line every widget shows; set by Python, plain text only)
  const owner = h("div", { class: "pm-owner medialit-owner", role: "note" });
  root.append(owner, title, help, legend, textBox, form, message, listTitle, list, status);
  // JupyterLab's notebook shortcuts (arrow keys move to another cell, Shift+arrows select cells)
  // must not take the keys away from the text (keyboard selection), the lists and the mark list.
  // (Lumino checks the focused element itself first, so each list item is marked too.)
  for (const node of [textBox, occurrence, category]) node.setAttribute("data-lm-suppress-shortcuts", "true");

  let pending = null; // {start, end} of a mouse selection

  // ---------------------------------------------------------------- drawing
  function drawLegend() {
    legend.replaceChildren();
    category.replaceChildren();
    cats().forEach((c, i) => {
      const swatch = h("span", { class: "pm-swatch", "aria-hidden": "true" });
      swatch.style.background = c.colour;
      legend.append(h("li", {}, [swatch, h("b", { text: `[${c.tag}] ${c.name}` }), `: ${c.definition}`]));
      const opt = h("option", { value: c.name, text: `[${c.tag}] ${c.name}` });
      opt.title = c.definition;
      category.append(opt);
    });
  }

  function drawText() {
    const body = text();
    const valid = marks().filter((m) => m.start >= 0 && m.end <= body.length && m.start < m.end);
    const cuts = new Set([0, body.length]);
    for (const m of valid) { cuts.add(m.start); cuts.add(m.end); }
    const points = [...cuts].sort((a, b) => a - b);
    const frag = document.createDocumentFragment();
    for (let k = 0; k < points.length - 1; k++) {
      const s = points[k], e = points[k + 1];
      const covering = valid.filter((m) => m.start <= s && m.end >= e);
      const seg = h(covering.length ? "mark" : "span", { "data-start": String(s), class: "pm-seg" });
      seg.textContent = body.slice(s, e);
      if (covering.length) {
        const first = catInfo(covering[0].category);
        seg.style.background = first.colour + "40";
        seg.style.borderBottom = `3px ${first.style} ${first.colour}`;
        if (covering.length > 1) seg.classList.add("pm-overlap");
        seg.title = covering.map((m) => `[${catInfo(m.category).tag}] ${m.category}`).join(" + ");
      }
      frag.append(seg);
      for (const m of valid.filter((m) => m.end === e)) {
        const info = catInfo(m.category);
        frag.append(h("sup", { class: "pm-tag", "data-skip": "1", text: `[${info.tag}]`, title: m.category }));
      }
    }
    textBox.replaceChildren(frag);
  }

  function drawList(focusIndex = null) {
    const body = text();
    list.replaceChildren();
    const all = marks();
    if (!all.length) list.append(h("li", { class: "pm-empty", text: "No marks yet." }));
    all.forEach((m, i) => {
      const info = catInfo(m.category);
      const del = h("button", {
        type: "button", class: "pm-delete", text: "Delete",
        "aria-label": `Delete mark ${i + 1}: ${m.category}, “${m.text}”`,
      });
      del.addEventListener("click", () => removeMark(i));
      const where = m.end <= body.length  // shown as Python counts them (to_frame, the dashboard)
        ? ` (characters ${map.toCodePoints(m.start)}–${map.toCodePoints(m.end)})` : " (outside this text)";
      const label = h("span", { class: "pm-mark-label" }, [
        h("b", { text: `[${info.tag}] ${m.category}` }), `: “${m.text}”${where}${m.note ? ` — note: ${m.note}` : ""}`,
      ]);
      const item = h("li", {
        tabindex: "0", class: "pm-mark", "data-index": String(i), "data-lm-suppress-shortcuts": "true",
      }, [label, " ", del]);
      item.style.borderLeft = `6px ${info.style} ${info.colour}`;
      item.addEventListener("keydown", (ev) => {
        if (ev.target !== item) return;
        if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
          ev.preventDefault();
          const items = list.querySelectorAll("li.pm-mark");
          const next = items[Math.max(0, Math.min(items.length - 1, i + (ev.key === "ArrowDown" ? 1 : -1)))];
          if (next) next.focus();
        } else if (ev.key === "Delete" || ev.key === "Backspace") {
          ev.preventDefault();
          removeMark(i, true);
        }
      });
      list.append(item);
    });
    if (focusIndex !== null) {
      const items = list.querySelectorAll("li.pm-mark");
      if (items.length) items[Math.min(focusIndex, items.length - 1)].focus();
      else phrase.focus();
    }
  }

  function drawOwner() {
    owner.textContent = model.get("saving_as") || "";
    owner.style.display = owner.textContent ? "" : "none";
  }

  function drawStatus() {
    status.textContent = (model.get("status_ok") ? "✔ " : "⚠ Not saved: ") + (model.get("status") || "");
    status.classList.toggle("pm-error", !model.get("status_ok"));
  }

  function drawOccurrences() {
    const body = text();
    const value = phrase.value;
    occurrence.replaceChildren();
    if (pending && body.slice(pending.start, pending.end) === value) {
      occurrence.append(h("option", {
        value: `${pending.start}-${pending.end}`, text: `selected: ${context(body, pending.start, pending.end)}`,
      }));
      found.textContent = "from your selection";
      return;
    }
    pending = null;
    const places = findAll(body, value, MAX_COUNT);
    // a short phrase in a long article: list the first places only (a long list freezes the page)
    places.slice(0, MAX_OPTIONS).forEach(([s, e], i) => {
      occurrence.append(h("option", { value: `${s}-${e}`, text: `${i + 1}: ${context(body, s, e)}` }));
    });
    let says = value ? (places.length ? `found ${places.length} time(s)` : "not found in the text") : "";
    if (places.length > MAX_OPTIONS) {
      const many = places.length >= MAX_COUNT ? `more than ${(MAX_COUNT - 1).toLocaleString("en")}`
        : places.length.toLocaleString("en");
      says = `found ${many} times; "Which one" lists the first ${MAX_OPTIONS}. ` +
        "Type more words, or select the words in the text.";
    }
    found.textContent = says;
  }

  // ---------------------------------------------------------------- actions
  function save(newMarks) {  // newMarks in UTF-16 units, as marks() gives them
    const points = newMarks.map((m) => ({ ...m, start: map.toCodePoints(m.start), end: map.toCodePoints(m.end) }));
    model.set("data", { ...(model.get("data") || {}), marks: points });
    model.save_changes();
  }

  function addMark() {
    const body = text();
    const value = phrase.value;
    message.textContent = "";
    if (!value.trim()) { message.textContent = "Type or select a phrase first."; phrase.focus(); return; }
    if (!occurrence.value) { message.textContent = `“${value}” is not in the text. Check the spelling.`; phrase.focus(); return; }
    const [start, end] = occurrence.value.split("-").map(Number);
    const cat = category.value;
    if (marks().some((m) => m.start === start && m.end === end && m.category === cat)) {
      message.textContent = "That phrase already has this category here.";
      return;
    }
    const all = marks();
    all.push({ start, end, text: body.slice(start, end), category: cat, note: note.value });
    save(all);
    phrase.value = ""; note.value = ""; pending = null;
    drawOccurrences();
    message.textContent = "";
    phrase.focus();
  }

  function removeMark(i, keepFocus = false) {
    const all = marks();
    all.splice(i, 1);
    save(all);
    drawText();
    drawList(keepFocus ? i : null);
  }

  function selectionOffsets() {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    if (!textBox.contains(range.startContainer) || !textBox.contains(range.endContainer)) return null;
    const offsetOf = (node, off, atEnd) => {
      let el = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
      if (el === textBox) {  // a boundary between children
        const child = textBox.childNodes[Math.min(off, textBox.childNodes.length - 1)];
        el = child; off = atEnd && off >= textBox.childNodes.length ? (child.textContent || "").length : 0;
      }
      while (el && el.dataset && el.dataset.skip) el = atEnd ? el.previousElementSibling : el.nextElementSibling;
      if (!el || !el.dataset || el.dataset.start === undefined) return null;
      const base = Number(el.dataset.start);
      if (node.nodeType !== Node.TEXT_NODE || node.parentElement !== el) off = atEnd ? el.textContent.length : 0;
      return base + off;
    };
    let start = offsetOf(range.startContainer, range.startOffset, false);
    let end = offsetOf(range.endContainer, range.endOffset, true);
    if (start === null || end === null) return null;
    const body = text();
    while (start < end && /\s/.test(body[start])) start++;
    while (end > start && /\s/.test(body[end - 1])) end--;
    return end > start ? { start, end } : null;
  }

  function takeSelection() {
    const off = selectionOffsets();
    if (!off) return;
    pending = off;
    phrase.value = text().slice(off.start, off.end);
    drawOccurrences();
  }

  textBox.addEventListener("mouseup", takeSelection);
  textBox.addEventListener("keyup", (ev) => { if (ev.shiftKey) takeSelection(); });
  phrase.addEventListener("input", () => { drawOccurrences(); message.textContent = ""; });
  phrase.addEventListener("keydown", (ev) => { if (ev.key === "Enter") { ev.preventDefault(); addMark(); } });
  note.addEventListener("keydown", (ev) => { if (ev.key === "Enter") { ev.preventDefault(); addMark(); } });
  add.addEventListener("click", addMark);

  const onData = () => { drawText(); drawList(); };
  const onText = () => { map = offsetMap(text()); pending = null; drawText(); drawList(); drawOccurrences(); };
  const onCategories = () => { drawLegend(); drawText(); drawList(); };
  model.on("change:data", onData);
  model.on("change:text", onText);
  model.on("change:categories", onCategories);
  model.on("change:status", drawStatus);
  model.on("change:status_ok", drawStatus);
  model.on("change:saving_as", drawOwner);

  drawOwner();
  drawLegend();
  drawText();
  drawList();
  drawOccurrences();
  drawStatus();

  return () => {
    model.off("change:data", onData);
    model.off("change:text", onText);
    model.off("change:categories", onCategories);
    model.off("change:status", drawStatus);
    model.off("change:status_ok", drawStatus);
    model.off("change:saving_as", drawOwner);
  };
}

export default { render };
