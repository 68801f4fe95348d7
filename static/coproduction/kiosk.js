// The shared tablet. One question per screen, and nothing left behind for the next woman:
// after inactivity it asks "Are you still there?", then clears everything and starts again.
// Timings come from data attributes on <body> (tests shorten them). Never uses localStorage.
(function () {
  "use strict";
  var body = document.body;
  var startUrl = body.dataset.kioskStartUrl || "/kiosk/?fresh=1";
  var idleSeconds = parseInt(body.dataset.idleSeconds || "0", 10);
  var countdownSeconds = parseInt(body.dataset.countdownSeconds || "30", 10);
  var resetAfter = parseInt(body.dataset.resetAfter || "0", 10);
  var dialog = document.getElementById("still-there");

  function clearEverything() {
    Array.prototype.forEach.call(document.forms, function (form) {
      Array.prototype.forEach.call(form.elements, function (el) {
        if (el.type === "hidden" || el.type === "submit" || el.type === "button") { return; }
        if (el.type === "radio" || el.type === "checkbox") { el.checked = el.defaultChecked; }
        else if ("value" in el) { el.value = ""; }
      });
    });
    try { window.sessionStorage.clear(); } catch (e) { /* storage may be disabled */ }
    try { window.localStorage.clear(); } catch (e) { /* storage may be disabled */ }
  }

  function goToStart() {
    clearEverything();
    // replace(): the page she was on is not left in the back history.
    window.location.replace(startUrl);
  }

  // A page restored from the back-forward cache could show what someone typed: reload it.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) { clearEverything(); window.location.reload(); }
  });
  window.addEventListener("pagehide", function () {
    if (!document.querySelector("form[data-submitting]")) { clearEverything(); }
  });

  Array.prototype.forEach.call(document.querySelectorAll("[data-kiosk-home]"), function (link) {
    link.addEventListener("click", function (event) { event.preventDefault(); goToStart(); });
  });

  // A page the server sent back (a mistake, a code not found, the tablet resting): focus goes to
  // what went wrong, so a screen reader says it straight away. A fresh page keeps focus at the top.
  function focusProblem(scope) {
    var problem = scope.querySelector(".kiosk-error:not([data-step-error])") ||
      document.querySelector(".kiosk-notice, .kiosk-error:not([data-step-error])");
    if (!problem) { return false; }
    problem.setAttribute("tabindex", "-1");
    problem.focus();
    return true;
  }

  // --- A count near the end of a big box -----------------------------------------------------
  // The box has no hard limit (her words are never cut off); near the limit a count shows, and a
  // screen reader hears it once she pauses, not at every letter.
  Array.prototype.forEach.call(document.querySelectorAll("textarea[data-limit]"), function (box) {
    var limit = parseInt(box.dataset.limit, 10);
    var shown = document.getElementById(box.id + "_count");
    var said = box.parentNode.querySelector("[data-count-said]");
    if (!shown || !limit) { return; }
    var lang = document.documentElement.lang || "en-GB";
    var pause = null;
    var words = function (count) {
      var template = count > limit ? shown.dataset.overText : shown.dataset.limitText;
      return template.replace("{count}", count.toLocaleString(lang)).replace("{limit}", limit.toLocaleString(lang));
    };
    var update = function () {
      // Letters as the server counts them: an emoji is one, and a new line is sent as two.
      var count = Array.from(box.value).length + (box.value.match(/\n/g) || []).length;
      var near = count >= limit * 0.9;
      shown.textContent = near ? words(count) : "";
      shown.classList.toggle("kiosk-count-over", count > limit);
      return near ? shown.textContent : "";
    };
    box.addEventListener("input", function () {
      var text = update();
      clearTimeout(pause);
      pause = setTimeout(function () {
        if (said && said.textContent !== text) { said.textContent = text; }
      }, 1000);
    });
    update();
  });

  // --- One question per screen -------------------------------------------------------------
  var form = document.querySelector("form[data-steps]");
  if (form) {
    var steps = Array.prototype.slice.call(form.querySelectorAll("[data-step]"));
    var current = Math.max(0, Math.min(steps.length - 1, parseInt(form.dataset.startStep || "1", 10) - 1));
    var show = function (index, focus) {
      current = index;
      steps.forEach(function (step, i) { step.hidden = i !== index; });
      if (focus) {
        var legend = steps[index].querySelector(".kiosk-question");
        if (legend) { legend.setAttribute("tabindex", "-1"); legend.focus(); }
      }
      window.scrollTo(0, 0);
    };
    var stepComplete = function (step) {
      var error = step.querySelector("[data-step-error]");
      var radios = step.querySelectorAll("input[type=radio][required]");
      var ok = true;
      if (radios.length) {
        ok = Array.prototype.some.call(radios, function (r) { return r.checked; });
      }
      var requires = step.querySelector("[data-requires]");
      if (requires) {
        var field = form.elements[requires.dataset.requires];
        ok = ok && field && field.value.trim().length > 0;
      }
      if (error) { error.hidden = ok; if (!ok) { error.setAttribute("role", "alert"); } }
      return ok;
    };
    steps.forEach(function (step, index) {
      var next = step.querySelector("[data-next]");
      var back = step.querySelector("[data-back]");
      if (next) {
        next.addEventListener("click", function () {
          if (stepComplete(step)) { show(index + 1, true); }
        });
      }
      if (back) { back.addEventListener("click", function () { show(index - 1, true); }); }
    });
    var nameBox = form.querySelector("[data-first-name]");
    var syncName = function () {
      var named = form.querySelector("input[data-name-choice][value=named]");
      if (nameBox) { nameBox.hidden = !(named && named.checked); }
    };
    Array.prototype.forEach.call(form.querySelectorAll("[data-name-choice]"), function (radio) {
      radio.addEventListener("change", syncName);
    });
    form.addEventListener("submit", function () {
      form.setAttribute("data-submitting", "1");
      var button = form.querySelector("button[type=submit]");
      if (button) { button.disabled = true; }
    });
    syncName();
    show(current, false);
    focusProblem(steps[current]);
  } else {
    focusProblem(document);
  }

  // --- Back to the start after a submission ------------------------------------------------
  // The thank-you screen stays until she taps Done or the time passes untouched; touching the
  // screen or "I need more time" starts the time again (WCAG 2.2.1).
  if (resetAfter > 0) {
    var left = resetAfter;
    var shown = document.querySelector("[data-reset-countdown]");
    var said = document.querySelector("[data-more-time-said]");
    var moreTime = function () {
      left = resetAfter;
      if (shown) { shown.textContent = String(left); }
    };
    var more = document.querySelector("[data-more-time]");
    if (more) {
      more.addEventListener("click", function () {
        moreTime();
        if (said) { said.textContent = more.dataset.saidText; }
      });
    }
    ["pointerdown", "keydown", "touchstart"].forEach(function (name) {
      document.addEventListener(name, moreTime, { passive: true });
    });
    setInterval(function () {
      left -= 1;
      if (shown && left >= 0) { shown.textContent = String(left); }
      if (left <= 0) { goToStart(); }
    }, 1000);
  }

  // --- "Are you still there?" ---------------------------------------------------------------
  if (idleSeconds > 0 && dialog) {
    var idleTimer = null;
    var tick = null;
    var countdown = dialog.querySelector("[data-countdown]");
    var restart = function () {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(ask, idleSeconds * 1000);
    };
    var carryOn = function () {
      clearInterval(tick);
      if (dialog.open) { dialog.close(); }
      restart();
    };
    var ask = function () {
      var remaining = countdownSeconds;
      if (countdown) { countdown.textContent = String(remaining); }
      if (typeof dialog.showModal === "function") { dialog.showModal(); } else { dialog.setAttribute("open", ""); }
      dialog.querySelector("[data-carry-on]").focus();
      tick = setInterval(function () {
        remaining -= 1;
        if (countdown) { countdown.textContent = String(Math.max(remaining, 0)); }
        if (remaining <= 0) { clearInterval(tick); goToStart(); }
      }, 1000);
    };
    dialog.querySelector("[data-carry-on]").addEventListener("click", carryOn);
    dialog.addEventListener("cancel", function (event) { event.preventDefault(); carryOn(); });
    ["pointerdown", "keydown", "input", "touchstart", "scroll"].forEach(function (name) {
      document.addEventListener(name, function () { if (!dialog.open) { restart(); } }, { passive: true });
    });
    restart();
  }
})();
