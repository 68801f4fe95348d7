// "Read this to me": reads the words on the screen aloud with the browser's own speech, where
// the tablet has it. Reads only what is visible (the current question), in British English.
(function () {
  "use strict";
  if (!("speechSynthesis" in window) || typeof window.SpeechSynthesisUtterance !== "function") { return; }
  var scope = document.querySelector("[data-speak-scope]");
  var buttons = document.querySelectorAll("[data-speak]");
  if (!scope || !buttons.length) { return; }

  function visibleText(root) {
    var parts = [];
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    var node = walker.currentNode;
    while (node) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        if (node.hidden || node.getAttribute("aria-hidden") === "true" || node.tagName === "TEXTAREA" ||
            node.tagName === "SCRIPT" || node.tagName === "INPUT" && node.type !== "radio") {
          node = walker.nextSibling() || nextOutside(walker);
          continue;
        }
      } else if (node.textContent.trim()) {
        parts.push(node.textContent.trim());
      }
      node = walker.nextNode();
    }
    return parts.join(". ").replace(/\.\s*\./g, ".");
  }

  function nextOutside(walker) {
    while (walker.parentNode()) {
      var sibling = walker.nextSibling();
      if (sibling) { return sibling; }
    }
    return null;
  }

  Array.prototype.forEach.call(buttons, function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.speechSynthesis.cancel();
      var utterance = new window.SpeechSynthesisUtterance(visibleText(scope));
      utterance.lang = "en-GB";
      utterance.rate = 0.9;
      window.speechSynthesis.speak(utterance);
    });
  });
  window.addEventListener("pagehide", function () { window.speechSynthesis.cancel(); });
})();
