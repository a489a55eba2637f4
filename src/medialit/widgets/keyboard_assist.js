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
    observer = new MutationObserver(() => fix(box));
    observer.observe(box, { subtree: true, childList: true, attributes: true, attributeFilter: ["class"] });
  };
  attach();
  return () => { if (observer) observer.disconnect(); tries = 1000; };
}

export default { render };
