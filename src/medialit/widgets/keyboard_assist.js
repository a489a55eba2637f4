// medialit KeyboardAssist: a hidden helper placed inside each ipywidgets-based medialit widget
// (SentenceLabeller, ProvenanceChecklist, ClaimLedger, LearnerBox). Shipped with the package.
//
//  * JupyterLab's notebook shortcuts (ArrowUp/ArrowDown select another cell, ...) would take
//    the arrow keys away from a focused drop-down list or radio button and move the focus out
//    of the widget. Marking those controls with data-lm-suppress-shortcuts leaves the keys to them.
//  * Radio buttons of one question share a name, so they form one group: Tab enters the group,
//    arrow keys choose an answer.
//  * A clearly visible focus ring, and a pressed toggle button shows a tick and aria-pressed,
//    so the chosen label is not shown by colour alone.
//  * A group of toggle buttons (the labeller's labels, the ledger's status and confidence) works
//    like a radio group: one Tab stop (roving tabindex), ArrowLeft/ArrowUp and ArrowRight/ArrowDown
//    move to the previous/next button and choose it, Home/End the first/last. The keys are caught
//    before JupyterLab's notebook shortcuts see them (which would otherwise jump to another cell)
//    and before the page scrolls (Voila).
//  * Layouts hold on narrow screens (1,024 px with the file browser open): toggle buttons and
//    button rows wrap instead of shrinking to icons; a wide table scrolls sideways inside its own
//    box, with a hint that shows only while part of it is hidden.
//  * Any box inside the widget that scrolls (an overview table with a maximum height, ...) can be
//    reached with Tab and scrolled with the arrow keys: it gets tabindex=0, role=region and a
//    name (its data-medialit-label, else its caption or heading, else a generic one) while, and
//    only while, its content overflows.
//  * The keyboard focus stays in the widget when a press redraws, hides or disables the focused
//    control (ipywidgets draws a box's children again from the first one that changed, so a moved
//    chain step's buttons are new elements; a key's button hides itself once pressed). Without
//    this the focus falls back to the page and Tab starts again at its top. See "keeping the focus".
const STYLE_ID = "medialit-keyboard-assist-style";
const CSS = `
.medialit-widget :focus-visible,
.medialit-widget .jupyter-button:focus-visible,
.medialit-widget .widget-toggle-button:focus-visible,
.medialit-widget input[type="radio"]:focus-visible {
  outline: 3px solid #0072B2 !important; outline-offset: 2px !important;
}
/* text boxes: ipywidgets' own rule (.widget-text input { outline: none !important }) is more
   specific than the one above, and a 1 px border is all that is left; these win over it */
.medialit-widget .widget-text input:focus,
.medialit-widget .widget-textarea textarea:focus,
.medialit-widget .widget-dropdown select:focus-visible,
.medialit-widget input[type="text"]:focus,
.medialit-widget textarea:focus {
  outline: 3px solid #0072B2 !important; outline-offset: 1px !important;
}
.medialit-widget .widget-toggle-buttons .widget-toggle-button.mod-active { font-weight: bold; box-shadow: inset 0 0 0 2px #000; }
.medialit-widget .widget-toggle-buttons .widget-toggle-button.mod-active::before { content: "\\2713\\00a0"; }
.medialit-widget .widget-toggle-buttons { flex-wrap: wrap; height: auto; }
.medialit-widget .widget-toggle-buttons > div { display: flex; flex-wrap: wrap; gap: 4px 0; min-width: 0; }
.medialit-widget .widget-toggle-buttons .widget-toggle-button,
.medialit-widget .medialit-button-row > .jupyter-button {
  flex: 0 0 auto; width: auto !important; max-width: none; overflow: visible; white-space: nowrap;
}
/* Long text is never cut with "…": buttons sized to their text (widgets/base.py fit_button) wrap
   when their box is narrower, and field descriptions wrap inside their width (description_style). */
.medialit-widget .jupyter-button.medialit-fit {
  width: fit-content; max-width: 100%; height: auto; min-height: var(--jp-widgets-inline-height);
  line-height: 1.3; padding-top: 4px; padding-bottom: 4px; white-space: normal; overflow: visible;
}
.medialit-widget .widget-inline-hbox { height: auto; min-height: var(--jp-widgets-inline-height); align-items: center; }
.medialit-widget .widget-inline-hbox > select,
.medialit-widget .widget-inline-hbox > input { height: var(--jp-widgets-inline-height); }
.medialit-widget .widget-inline-hbox > .widget-label {
  white-space: normal; overflow: visible; text-overflow: clip; overflow-wrap: anywhere;
  height: auto; line-height: 1.3; align-self: center;
}
.medialit-widget .medialit-button-row { flex-wrap: wrap; gap: 4px 0; height: auto; }
.medialit-widget .widget-html > .widget-html-content { min-width: 0; max-width: 100%; }
.medialit-widget .medialit-scroll-x { overflow-x: auto; max-width: 100%; scrollbar-width: auto;
  scrollbar-color: #555 #e6e6e6; }
.medialit-widget .medialit-scroll-x::-webkit-scrollbar { height: 12px; }
.medialit-widget .medialit-scroll-x::-webkit-scrollbar-thumb { background: #555; border-radius: 6px; }
.medialit-widget .medialit-scroll-x::-webkit-scrollbar-track { background: #e6e6e6; }
.medialit-widget .medialit-scroll-x.medialit-more-right { box-shadow: inset -14px 0 10px -10px rgba(0,0,0,.45); }
.medialit-widget .medialit-scroll-x.medialit-more-left { box-shadow: inset 14px 0 10px -10px rgba(0,0,0,.45); }
.medialit-widget .medialit-scroll-x.medialit-more-left.medialit-more-right {
  box-shadow: inset 14px 0 10px -10px rgba(0,0,0,.45), inset -14px 0 10px -10px rgba(0,0,0,.45); }
.medialit-widget .medialit-scroll-hint[hidden] { display: none; }
.medialit-focus-hint { position: fixed; z-index: 10000; max-width: 36em; pointer-events: none;
  background: #fff8d6; color: #000; border: 1px solid #333; border-radius: 3px; padding: 2px 6px;
  font-size: 90%; box-shadow: 0 1px 3px rgba(0,0,0,.3); }
.medialit-focus-hint[hidden] { display: none; }
`;
// One counter for the whole page: anywidget may load this module once per widget, and radio groups
// in different widgets must never share a name (the browser would un-check one group from another).
const nextGroup = () => (globalThis.__medialitRadioGroups = (globalThis.__medialitRadioGroups || 0) + 1);

function ensureStyle() {
  if (document.getElementById(STYLE_ID)) return;
  const style = document.createElement("style");
  style.id = STYLE_ID;
  style.textContent = CSS;
  document.head.append(style);
}

function fix(box) {
  // Lumino checks the focused element itself first, so the mark goes on each control.
  box.querySelectorAll('select, input[type="radio"]').forEach((node) => {
    if (!node.hasAttribute("data-lm-suppress-shortcuts")) node.setAttribute("data-lm-suppress-shortcuts", "true");
  });
  box.querySelectorAll(".widget-radio-box").forEach((group) => {
    if (!group.dataset.medialitGroup) group.dataset.medialitGroup = `medialit-radio-${nextGroup()}`;
    group.setAttribute("role", "radiogroup");
    group.querySelectorAll('input[type="radio"]').forEach((input) => {
      if (input.name !== group.dataset.medialitGroup) input.name = group.dataset.medialitGroup;
    });
  });
  box.querySelectorAll(".widget-toggle-button").forEach((button) => {
    const pressed = button.classList.contains("mod-active") ? "true" : "false";
    if (button.getAttribute("aria-pressed") !== pressed) button.setAttribute("aria-pressed", pressed);
  });
  box.querySelectorAll(".widget-toggle-buttons").forEach(rove);
  box.querySelectorAll(".medialit-scroll-x").forEach(watchScroll);
  box.querySelectorAll(SCROLL_CANDIDATES).forEach(focusableScroll);
}

// ---------------------------------------------------------------- scrolling boxes
// ipywidgets put a Layout's overflow in the style attribute; course CSS uses these classes.
const SCROLL_CANDIDATES = '[style*="overflow"], .medialit-scroll-x, .medialit-scroll, .medialit-ledger-scroll';
const SCROLL_MARK = "data-medialit-scroll-focus"; // set on the boxes this module made focusable

function scrolls(node) {
  const s = getComputedStyle(node);
  const y = /(auto|scroll)/.test(s.overflowY) && node.scrollHeight - node.clientHeight > 1;
  const x = /(auto|scroll)/.test(s.overflowX) && node.scrollWidth - node.clientWidth > 1;
  return x || y;
}

function scrollName(node) {
  const given = node.getAttribute("data-medialit-label");
  if (given) return given;
  const title = node.querySelector("caption, h1, h2, h3, h4, h5, h6, summary");
  const text = title ? title.textContent.trim().slice(0, 80) : "";
  return text ? `${text} (scrolls; use the arrow keys)` : "Scrolling box (use the arrow keys to scroll)";
}

const scrollSized = new WeakSet();
let scrollResize = null;

function focusableScroll(node) {
  if (!scrollSized.has(node) && typeof ResizeObserver !== "undefined") {
    // shown later (a closed section, Voila still laying out): check again when its size changes
    scrollSized.add(node);
    if (!scrollResize) scrollResize = new ResizeObserver((entries) => entries.forEach((e) => focusableScroll(e.target)));
    scrollResize.observe(node);
  }
  const mine = node.hasAttribute(SCROLL_MARK);
  if (!mine && node.hasAttribute("tabindex")) return; // focusable already, by its author's choice
  if (scrolls(node)) {
    if (mine) return;
    const wanted = { tabindex: "0", role: "region", "aria-label": scrollName(node), "data-lm-suppress-shortcuts": "true" };
    if (node.hasAttribute("aria-labelledby")) delete wanted["aria-label"];
    const added = Object.keys(wanted).filter((a) => !node.hasAttribute(a));
    added.forEach((a) => node.setAttribute(a, wanted[a])); // arrow keys then scroll it, not JupyterLab
    node.setAttribute(SCROLL_MARK, added.join(" "));
  } else if (mine && document.activeElement !== node) {
    // fits now: no empty Tab stop (only what this module added is taken away again)
    node.getAttribute(SCROLL_MARK).split(" ").filter(Boolean).forEach((a) => node.removeAttribute(a));
    node.removeAttribute(SCROLL_MARK);
  }
}

// ---------------------------------------------------------------- toggle-button groups
const TOGGLE = "button.widget-toggle-button";
// the button that last had the focus in each group, and which button was pressed then
const lastFocus = new WeakMap();

function buttonsOf(group) {
  return [...group.querySelectorAll(TOGGLE)];
}

function pressedIndex(buttons) {
  return buttons.findIndex((b) => b.classList.contains("mod-active"));
}

// One Tab stop per group: the button focused last (while the choice has not changed since),
// else the pressed one, else the first that can be pressed.
function rove(group) {
  const buttons = buttonsOf(group);
  if (!buttons.length) return;
  if (!group.hasAttribute("role")) {
    group.setAttribute("role", "group");
    const label = group.querySelector(".widget-label");
    if (label && label.textContent.trim()) group.setAttribute("aria-label", label.textContent.trim());
  }
  const pressed = pressedIndex(buttons);
  const last = lastFocus.get(group);
  let stop = null;
  if (last && last.button.isConnected && buttons.includes(last.button) && last.pressed === pressed) stop = last.button;
  if (!stop && pressed >= 0) stop = buttons[pressed];
  if (!stop) stop = buttons.find((b) => !b.disabled) || buttons[0];
  if (group.contains(document.activeElement) && buttons.includes(document.activeElement)) stop = document.activeElement;
  buttons.forEach((b) => {
    const want = b === stop ? "0" : "-1";
    if (b.getAttribute("tabindex") !== want) b.setAttribute("tabindex", want);
  });
}

function remember(event) {
  const button = event.target.closest ? event.target.closest(TOGGLE) : null;
  const group = button ? button.closest(".widget-toggle-buttons") : null;
  if (!group) return;
  lastFocus.set(group, { button, pressed: pressedIndex(buttonsOf(group)) });
  rove(group);
}

const MOVES = { ArrowLeft: -1, ArrowUp: -1, ArrowRight: 1, ArrowDown: 1, Home: "first", End: "last" };

function targetButton(buttons, from, move) {
  const usable = buttons.filter((b) => !b.disabled);
  if (!usable.length) return null;
  if (move === "first") return usable[0];
  if (move === "last") return usable[usable.length - 1];
  const i = usable.indexOf(from);
  if (i < 0) return usable[0];
  return usable[(i + move + usable.length) % usable.length]; // wraps round, as radio groups do
}

// Caught on window in the capture phase: before JupyterLab's shortcut handler (on document) and
// before the page scrolls. Only plain arrow/Home/End keys on a medialit toggle button are taken.
function onKeydown(event) {
  if (!(event.key in MOVES) || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const from = event.target && event.target.closest ? event.target.closest(TOGGLE) : null;
  const group = from ? from.closest(".medialit-widget .widget-toggle-buttons") : null;
  if (!group) return;
  event.preventDefault();
  event.stopPropagation();
  const target = targetButton(buttonsOf(group), from, MOVES[event.key]);
  if (!target) return;
  target.focus();
  if (!target.classList.contains("mod-active")) target.click(); // the choice follows the focus
  lastFocus.set(group, { button: target, pressed: buttonsOf(group).indexOf(target) });
  rove(group);
}

function installKeys() {
  if (window.__medialitToggleKeys) return;
  window.__medialitToggleKeys = true;
  window.addEventListener("keydown", onKeydown, true);
}

// ---------------------------------------------------------------- wide tables
// A box with class medialit-scroll-x scrolls sideways; its hint (the element named by its
// data-medialit-hint, inside the same widget) shows only while part of the table is hidden, and a
// shadow marks the side where more columns are. The box also takes the arrow keys when focused.
function updateScroll(node) {
  const more = node.scrollWidth - node.clientWidth > 2;
  node.classList.toggle("medialit-more-right", more && node.scrollLeft + node.clientWidth < node.scrollWidth - 2);
  node.classList.toggle("medialit-more-left", more && node.scrollLeft > 2);
  const id = node.getAttribute("data-medialit-hint");
  const box = node.closest(".medialit-widget");
  const hint = id && box ? box.querySelector(`[data-medialit-hint-for="${id}"]`) : null;
  if (hint && hint.hidden === more) hint.hidden = !more;
}

const scrollWatched = new WeakSet();
let resizeObserver = null;

function watchScroll(node) {
  if (!node.hasAttribute("data-lm-suppress-shortcuts")) node.setAttribute("data-lm-suppress-shortcuts", "true");
  updateScroll(node);
  if (scrollWatched.has(node)) return;
  scrollWatched.add(node);
  node.addEventListener("scroll", () => updateScroll(node), { passive: true });
  if (typeof ResizeObserver !== "undefined") {
    if (!resizeObserver) resizeObserver = new ResizeObserver((entries) => entries.forEach((e) => updateScroll(e.target)));
    resizeObserver.observe(node);
  }
}

// What a hovered button's tooltip says (a label's definition), shown for keyboard users too:
// when a control with a title gets keyboard focus, a small box under it shows the text; it goes
// when the focus leaves or the page scrolls. Screen readers already read the title itself.
const HINT_ID = "medialit-focus-hint";

function focusHint() {
  let hint = document.getElementById(HINT_ID);
  if (!hint) {
    hint = document.createElement("div");
    hint.id = HINT_ID;
    hint.className = "medialit-focus-hint";
    hint.setAttribute("aria-hidden", "true"); // the title is read out already
    hint.hidden = true;
    document.body.append(hint);
    document.addEventListener("scroll", () => { hint.hidden = true; }, true);
  }
  return hint;
}

function addFocusHint(box) {
  if (box.dataset.medialitHint) return;
  box.dataset.medialitHint = "1";
  box.addEventListener("focusin", (event) => {
    const hint = focusHint();
    const target = event.target.closest ? event.target.closest("[title]") : null;
    const keyboard = event.target.matches && event.target.matches(":focus-visible");
    if (!target || !box.contains(target) || !target.getAttribute("title") || !keyboard) {
      hint.hidden = true;
      return;
    }
    const r = target.getBoundingClientRect();
    hint.textContent = target.getAttribute("title");
    hint.style.left = `${Math.max(4, Math.round(r.left))}px`;
    hint.style.top = `${Math.round(r.bottom + 4)}px`;
    hint.hidden = false;
  });
  box.addEventListener("focusout", () => { focusHint().hidden = true; });
}

// ---------------------------------------------------------------- keeping the focus
// The focused control of a medialit widget is remembered (focusin). When it goes away while
// focused (removed from the page, hidden or disabled) and the focus has fallen back to the page
// (never when the learner moved it), the focus goes, in the same widget, to:
//   1. the control with the same focus key (class medialit-fk-..., widgets/base.py focus_key):
//      the moved step's same button, as soon as it is drawn;
//   2. once the widget has stopped changing: if that control is there but disabled or hidden,
//      the first usable control of its row (.medialit-focus-row); else a control with the same
//      text at the same place among those (the next "Remove" after a row is removed); else the
//      widget's .medialit-focus-fallback element (a control in it, else the element itself, made
//      focusable with tabindex=-1: the "You opened our key" line); else the control now at the
//      same place in the widget's Tab order.
// The state is shared by every copy of this module (anywidget may load it once per widget).
const FOCUS = (globalThis.__medialitFocus = globalThis.__medialitFocus || { tracked: null, pending: null });
const FOCUSABLE = 'button, select, input, textarea, a[href], [tabindex]';
const KEY_PREFIX = "medialit-fk-";
const QUIET_MS = 250; // the widget counts as redrawn when nothing in it changed for this long
const GIVE_UP_MS = 5000; // after the control went away

function usable(node, anyTabindex = false) {
  return !!node && node.isConnected && !node.disabled && !node.closest("[inert]") &&
    node.getClientRects().length > 0 && (anyTabindex || node.getAttribute("tabindex") !== "-1");
}

function controls(root, anyTabindex = false) {
  return [...root.querySelectorAll(FOCUSABLE)].filter((n) => usable(n, anyTabindex));
}

function outermostWidget(node) {
  let scope = null;
  for (let n = node.closest ? node.closest(".medialit-widget") : null; n; n = n.parentElement ? n.parentElement.closest(".medialit-widget") : null) scope = n;
  return scope;
}

const nameOf = (node) => (node.getAttribute("aria-label") || node.textContent || "").trim();
const keyOf = (node) => [...node.classList].find((c) => c.startsWith(KEY_PREFIX)) || null;
const onPage = (a, scope) => !a || a === document.body || a === document.documentElement || a.contains(scope);

function trackFocus(event) {
  const node = event.target;
  FOCUS.pending = null; // the focus is somewhere again (the learner's Tab, a click, or us)
  const scope = node && node.nodeType === 1 ? outermostWidget(node) : null;
  if (!scope) { FOCUS.tracked = null; return; }
  const all = controls(scope, true);
  const same = all.filter((n) => n.tagName === node.tagName && nameOf(n) === nameOf(node));
  const stops = all.filter((n) => n === node || n.getAttribute("tabindex") !== "-1");
  FOCUS.tracked = { el: node, scope, key: keyOf(node), tag: node.tagName, name: nameOf(node),
                    ordinal: same.indexOf(node), index: stops.indexOf(node) };
}

// The remembered control is gone (or can no longer hold the focus) and the focus is on the page.
function focusLost() {
  const t = FOCUS.tracked;
  if (!t || !t.scope.isConnected) return false;
  const a = document.activeElement;
  if (a !== t.el && !onPage(a, t.scope)) return false;
  return !usable(t.el, true);
}

function checkFocus() {
  if (FOCUS.pending) return restoreFocus();
  if (!focusLost()) return;
  const now = performance.now();
  FOCUS.pending = { info: FOCUS.tracked, changed: now, deadline: now + GIVE_UP_MS, timer: null };
  restoreFocus();
}

function afterFocusout(event) {
  if (event.relatedTarget) return; // the focus went to another element: trackFocus follows it
  setTimeout(() => {
    const t = FOCUS.tracked;
    if (!t || t.el !== event.target) return;
    // the learner left the control (clicked the page, another window) while it is still there:
    // forget it, so that a later redraw never pulls the focus back
    if (usable(t.el, true) && document.activeElement !== t.el) FOCUS.tracked = null;
    else checkFocus();
  }, 0);
}

function noticeChanges(records) {
  const p = FOCUS.pending;
  if (p) {
    if (records.some((r) => p.info.scope.contains(r.target))) p.changed = performance.now();
    restoreFocus();
    return;
  }
  const t = FOCUS.tracked;
  if (t && records.some((r) => r.target.contains(t.el) || [...r.removedNodes].some((n) => n.contains(t.el)))) checkFocus();
}

function findTarget(info, settled) {
  const scope = info.scope;
  const keyed = info.key ? [...scope.getElementsByClassName(info.key)] : [];
  const hit = keyed.find((n) => n !== info.el && usable(n, true)) || keyed.find((n) => usable(n, true));
  if (hit) return hit;
  if (!settled) return null;
  for (const node of keyed) {
    const row = node.closest(".medialit-focus-row");
    const first = row && scope.contains(row) ? controls(row)[0] : null;
    if (first) return first;
  }
  if (info.ordinal >= 0) {
    const same = controls(scope, true).filter((n) => n.tagName === info.tag && nameOf(n) === info.name);
    if (same.length) return same[Math.min(info.ordinal, same.length - 1)];
  }
  const fallback = [...scope.querySelectorAll(".medialit-focus-fallback")].find((n) => n.getClientRects().length > 0);
  if (fallback) {
    if (fallback.matches(FOCUSABLE) && usable(fallback)) return fallback;
    return controls(fallback)[0] || fallback;
  }
  const stops = controls(scope);
  return stops.length && info.index >= 0 ? stops[Math.min(info.index, stops.length - 1)] : null;
}

function restoreFocus() {
  const p = FOCUS.pending;
  if (!p) return;
  const a = document.activeElement;
  if (!p.info.scope.isConnected || (a !== p.info.el && !onPage(a, p.info.scope))) { FOCUS.pending = null; return; }
  const now = performance.now();
  const target = findTarget(p.info, now - p.changed >= QUIET_MS || now >= p.deadline);
  if (target) {
    FOCUS.pending = null;
    if (!target.matches(FOCUSABLE)) target.setAttribute("tabindex", "-1"); // a line of text: reachable by script only
    target.focus();
    return;
  }
  if (now >= p.deadline) { FOCUS.pending = null; return; }
  if (!p.timer) p.timer = setTimeout(() => { p.timer = null; if (FOCUS.pending === p) restoreFocus(); }, 60);
}

function installFocusKeeper() {
  if (FOCUS.installed) return;
  FOCUS.installed = true;
  document.addEventListener("focusin", trackFocus, true);
  document.addEventListener("focusout", afterFocusout, true);
}

function render({ el }) {
  ensureStyle();
  let observer = null;
  let tries = 0;
  const attach = () => {
    const box = el.isConnected ? el.closest(".medialit-widget") : null;
    if (!box) {
      if (++tries < 200) setTimeout(attach, 50);
      return;
    }
    fix(box);
    addFocusHint(box);
    installKeys();
    if (!box.dataset.medialitRove) {
      box.dataset.medialitRove = "1";
      box.addEventListener("focusin", remember);
    }
    observer = new MutationObserver(() => fix(box));
    observer.observe(box, { subtree: true, childList: true, attributes: true, attributeFilter: ["class"] });
    installFocusKeeper();
    focusWatch = new MutationObserver(noticeChanges);
    focusWatch.observe(box, { subtree: true, childList: true, attributes: true,
                              attributeFilter: ["style", "class", "disabled", "hidden"] });
  };
  let focusWatch = null;
  attach();
  return () => {
    if (observer) observer.disconnect();
    if (focusWatch) focusWatch.disconnect();
    tries = 1000;
  };
}

export default { render };
