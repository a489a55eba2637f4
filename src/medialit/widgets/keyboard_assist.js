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
const STYLE_ID = "medialit-keyboard-assist-style";
const CSS = `
.medialit-widget :focus-visible,
.medialit-widget .jupyter-button:focus-visible,
.medialit-widget .widget-toggle-button:focus-visible,
.medialit-widget input[type="radio"]:focus-visible {
  outline: 3px solid #0072B2 !important; outline-offset: 2px !important;
}
.medialit-widget .widget-toggle-buttons .widget-toggle-button.mod-active { font-weight: bold; box-shadow: inset 0 0 0 2px #000; }
.medialit-widget .widget-toggle-buttons .widget-toggle-button.mod-active::before { content: "\\2713\\00a0"; }
.medialit-focus-hint { position: fixed; z-index: 10000; max-width: 36em; pointer-events: none;
  background: #fff8d6; color: #000; border: 1px solid #333; border-radius: 3px; padding: 2px 6px;
  font-size: 90%; box-shadow: 0 1px 3px rgba(0,0,0,.3); }
.medialit-focus-hint[hidden] { display: none; }
`;
let groups = 0;

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
    if (!group.dataset.medialitGroup) group.dataset.medialitGroup = `medialit-radio-${++groups}`;
    group.setAttribute("role", "radiogroup");
    group.querySelectorAll('input[type="radio"]').forEach((input) => {
      if (input.name !== group.dataset.medialitGroup) input.name = group.dataset.medialitGroup;
    });
  });
  box.querySelectorAll(".widget-toggle-button").forEach((button) => {
    const pressed = button.classList.contains("mod-active") ? "true" : "false";
    if (button.getAttribute("aria-pressed") !== pressed) button.setAttribute("aria-pressed", pressed);
  });
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
    observer = new MutationObserver(() => fix(box));
    observer.observe(box, { subtree: true, childList: true, attributes: true, attributeFilter: ["class"] });
  };
  attach();
  return () => { if (observer) observer.disconnect(); tries = 1000; };
}

export default { render };
