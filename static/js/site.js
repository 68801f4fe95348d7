// Idle sign-out warning: two minutes before the session ends, offer to stay signed in.
(function () {
  "use strict";
  var body = document.body;
  var idleSeconds = parseInt(body.dataset.idleSeconds || "0", 10);
  if (!idleSeconds) { return; }
  var warningSeconds = parseInt(body.dataset.idleWarningSeconds || "120", 10);
  var modalElement = document.getElementById("idle-warning");
  var countdown = modalElement && modalElement.querySelector("[data-idle-countdown]");
  var modal = null;
  var deadline = 0;
  var ticker = null;
  var returnTo = null;  // what she was in (a half-typed note) when the warning came up

  function csrfToken() {
    var match = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function restart() {
    deadline = Date.now() + idleSeconds * 1000;
    if (modal) { modal.hide(); }
  }

  function tick() {
    var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    if (left <= 0) {
      if (window.centreUnsaved) { window.centreUnsaved.clear(); }
      window.location.href = body.dataset.loginUrl + "?next=" + encodeURIComponent(window.location.pathname);
      return;
    }
    if (left <= warningSeconds && modalElement) {
      if (!modal) { modal = new bootstrap.Modal(modalElement, { backdrop: "static", keyboard: false }); }
      if (!modalElement.classList.contains("show")) {
        returnTo = document.activeElement;
        modal.show();
      }
      if (countdown) { countdown.textContent = Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0"); }
    }
  }

  function stay() {
    fetch(body.dataset.keepaliveUrl, {
      method: "POST", credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(), "X-Requested-With": "fetch" }
    }).then(function (response) {
      if (response.ok) { restart(); } else { window.location.reload(); }
    });
  }

  document.addEventListener("htmx:afterRequest", restart);
  if (modalElement) {
    modalElement.querySelector("[data-idle-stay]").addEventListener("click", stay);
    // Bootstrap makes it a plain dialog; it is an alert that needs an answer, so say so and
    // put the focus on the answer.
    modalElement.addEventListener("shown.bs.modal", function () {
      modalElement.setAttribute("role", "alertdialog");
      modalElement.querySelector("[data-idle-stay]").focus();
    });
    modalElement.addEventListener("hidden.bs.modal", function () {
      if (returnTo && returnTo !== document.body && document.body.contains(returnTo)) { returnTo.focus(); }
      returnTo = null;
    });
  }
  restart();
  ticker = window.setInterval(tick, 1000);
  window.centreIdle = { restart: restart, deadline: function () { return deadline; },
    expireSoon: function (seconds) { deadline = Date.now() + seconds * 1000; } };
})();

// The skip link moves the focus to the page's content without putting #main in the address: a
// form that posts back to the page would otherwise carry it, and the browser would then take
// the focus from the error summary to the top of the content.
(function () {
  "use strict";
  var link = document.querySelector(".skip-link");
  var main = document.getElementById("main");
  if (!link || !main) { return; }
  link.addEventListener("click", function (event) {
    event.preventDefault();
    main.focus();
    main.scrollIntoView();
  });
})();

// htmx requests carry the CSRF token from the cookie.
document.addEventListener("htmx:configRequest", function (event) {
  var match = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
  if (match) { event.detail.headers["X-CSRFToken"] = decodeURIComponent(match[1]); }
});

// Errors, GOV.UK style: the summary at the top (templates/_error_summary.html, rendered for
// every form by base.html) takes the focus; a folded section holding a field with an error is
// opened; a link in the summary opens the field's section and puts the focus on the field.
(function () {
  "use strict";

  function openAround(element) {
    var node = element;
    while (node && node !== document.body) {
      if (node.tagName === "DETAILS") { node.open = true; }
      if (node.classList && node.classList.contains("collapse")) { node.classList.add("show"); }
      node = node.parentElement;
    }
  }

  function showErrors(root) {
    root.querySelectorAll(".is-invalid, [aria-invalid='true'], .invalid-feedback").forEach(openAround);
    var summary = root.querySelector("[data-error-summary]");
    if (!summary) { return; }
    summary.querySelectorAll("[data-error-link]").forEach(function (link) {
      var target = document.getElementById(link.dataset.errorLink);
      if (target) { openAround(target); }
      link.addEventListener("click", function (event) {
        var field = document.getElementById(link.dataset.errorLink);
        if (!field) { return; }
        event.preventDefault();
        openAround(field);
        var label = document.querySelector("label[for='" + field.id + "']");
        (label || field).scrollIntoView({ block: "center" });
        field.focus({ preventScroll: true });
      });
    });
    summary.focus();
  }

  showErrors(document);
  document.addEventListener("htmx:afterSwap", function (event) { showErrors(event.target); });
})();

// Nothing typed is lost: a form with text in it warns before the page is left without saving.
// A form opts out with data-no-unsaved-warning; the idle sign-out clears the warning first so a
// shared computer still signs out.
(function () {
  "use strict";
  var dirty = new Set();

  function watched(form) {
    if (!form || form.dataset.noUnsavedWarning !== undefined) { return false; }
    if ((form.getAttribute("method") || "get").toLowerCase() !== "post") { return false; }
    return form.dataset.unsavedWarning !== undefined || !!form.querySelector("textarea");
  }

  document.addEventListener("input", function (event) {
    var form = event.target.form;
    if (watched(form)) { dirty.add(form); }
  });
  document.addEventListener("submit", function (event) { dirty.delete(event.target); });
  document.addEventListener("htmx:afterRequest", function (event) {
    if (event.detail.successful) { dirty.delete(event.detail.elt.closest ? event.detail.elt.closest("form") : null); }
  });
  window.addEventListener("beforeunload", function (event) {
    dirty.forEach(function (form) { if (!document.body.contains(form)) { dirty.delete(form); } });
    if (dirty.size) { event.preventDefault(); event.returnValue = ""; }
  });
  window.centreUnsaved = { clear: function () { dirty.clear(); }, count: function () { return dirty.size; } };
})();

// A list that stacks on a phone (.table-stack, site.css): each cell but the first (the row's
// title) and those spanning columns is labelled with its column's name, and the table keeps
// its roles, as a screen reader drops them from a table laid out as blocks.
(function () {
  "use strict";
  var ROLES = { TABLE: "table", THEAD: "rowgroup", TBODY: "rowgroup", TFOOT: "rowgroup", TR: "row", TD: "cell" };
  function stack(table) {
    var names = [];
    table.querySelectorAll("thead th").forEach(function (th) {
      for (var i = 0; i < (th.colSpan || 1); i++) { names.push(th.textContent.trim()); }
    });
    [table].concat(Array.prototype.slice.call(table.querySelectorAll("thead, tbody, tfoot, tr, th, td")))
      .forEach(function (node) {
        var role = node.tagName === "TH" ? (node.closest("thead") ? "columnheader" : "rowheader") : ROLES[node.tagName];
        if (role && !node.hasAttribute("role")) { node.setAttribute("role", role); }
      });
    table.querySelectorAll("tbody tr, tfoot tr").forEach(function (row) {
      var column = 0;
      Array.prototype.forEach.call(row.cells, function (cell) {
        if (column > 0 && cell.colSpan === 1 && names[column]) { cell.dataset.label = names[column]; }
        // A cell with nothing in it is left out, not shown as its column's name alone.
        if (!cell.textContent.trim() && !cell.querySelector(
          'a[href], input:not([type="hidden"]), button, select, textarea, img, svg, [tabindex], [role]'
        )) {
          cell.classList.add("stack-empty");
        }
        column += cell.colSpan || 1;
      });
    });
    table.classList.add("is-stacked");
  }
  document.querySelectorAll("table.table-stack").forEach(stack);
  document.addEventListener("htmx:afterSwap", function (event) {
    event.target.querySelectorAll("table.table-stack:not(.is-stacked)").forEach(stack);
  });
})();

// A table (or a chart) wider than the screen scrolls inside its box: the box is reachable by
// keyboard and named after its table's caption (or its data-scroll-label), so it can be
// scrolled without a mouse (WCAG 2.1.1).
(function () {
  "use strict";
  function label(region) {
    var caption = region.querySelector("caption");
    return region.dataset.scrollLabel || (caption && caption.textContent.trim()) || "Table";
  }
  function makeReachable(root) {
    root.querySelectorAll(".table-responsive, [data-scroll-region]").forEach(function (region) {
      if (region.scrollWidth <= region.clientWidth || region.hasAttribute("tabindex")) { return; }
      region.setAttribute("tabindex", "0");
      if (!region.hasAttribute("role")) { region.setAttribute("role", "region"); }
      if (!region.hasAttribute("aria-label") && !region.hasAttribute("aria-labelledby")) {
        region.setAttribute("aria-label", label(region) + " (scrolls sideways)");
      }
    });
  }
  makeReachable(document);
  window.addEventListener("resize", function () { makeReachable(document); });
  document.addEventListener("htmx:afterSwap", function (event) { makeReachable(event.target); });
})();

// Before a form is sent, nothing typed may be lost on the way:
// - a date, time or number the browser could not read (31/02/2026) would be sent empty, as if
//   nothing were typed; the form is not sent and the field says so;
// - a form with text in it (a note, minutes), on a page open for more than two minutes since
//   it last heard from the server, first asks whether she is still signed in. If she is not
//   (her session ended, or she signed out in another tab), the form stays as it is and says
//   how to sign in again in a new tab. Sooner than that the form goes at once.
// - every form's security token is refreshed from the cookie before sending, so signing in
//   again in another tab does not make the next try fail.
(function () {
  "use strict";
  var body = document.body;
  var problems = document.getElementById("form-problems");
  var keepaliveUrl = body.dataset.keepaliveUrl;
  if (!problems) { return; }
  var CHECKED = "sessionChecked";
  var CHECK_AFTER_MS = 2 * 60 * 1000;
  var lastHeard = Date.now();
  document.addEventListener("htmx:afterRequest", function () { lastHeard = Date.now(); });
  window.centreSending = { quietFor: function (seconds) { lastHeard = Date.now() - seconds * 1000; } };

  function cookieToken() {
    var match = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function clearNotes(form) {
    form.querySelectorAll("[data-form-problem]").forEach(function (note) {
      var field = note.previousElementSibling;
      if (field && field.dataset.problemMarked) {
        field.classList.remove("is-invalid");
        field.removeAttribute("aria-invalid");
        field.setAttribute("aria-describedby", (field.getAttribute("aria-describedby") || "")
          .split(" ").filter(function (id) { return id && id !== note.id; }).join(" "));
        delete field.dataset.problemMarked;
      }
      note.remove();
    });
  }

  function note(form, text, after) {
    var element = document.createElement("div");
    element.dataset.formProblem = "";
    element.id = "form-problem-" + Math.random().toString(36).slice(2);
    if (after) {
      element.className = "invalid-feedback d-block";
      element.textContent = text;
      after.insertAdjacentElement("afterend", element);
      after.classList.add("is-invalid");
      after.setAttribute("aria-invalid", "true");
      after.setAttribute("aria-describedby",
        ((after.getAttribute("aria-describedby") || "") + " " + element.id).trim());
      after.dataset.problemMarked = "1";
    } else {
      element.appendChild(text);
      form.insertBefore(element, form.firstChild);
    }
    return element;
  }

  function unreadable(form) {
    var bad = [];
    form.querySelectorAll("input").forEach(function (input) {
      if (input.validity && input.validity.badInput) { bad.push(input); }
    });
    bad.forEach(function (input) {
      var kind = input.type === "time" ? "badTime" : (input.type === "number" ? "badNumber" : "badDate");
      note(form, problems.dataset[kind], input);
    });
    return bad;
  }

  function needsCheck(form) {
    if (!keepaliveUrl || (form.getAttribute("method") || "get").toLowerCase() !== "post") { return false; }
    if (form.hasAttribute("hx-post") || form.dataset.noUnsavedWarning !== undefined) { return false; }
    return form.dataset.unsavedWarning !== undefined || !!form.querySelector("textarea");
  }

  function freshToken(form) {
    var token = cookieToken();
    var hidden = form.querySelector("input[name='csrfmiddlewaretoken']");
    if (token && hidden) { hidden.value = token; }
  }

  function send(form, submitter) {
    freshToken(form);
    lastHeard = Date.now();
    form.dataset[CHECKED] = "1";
    if (form.requestSubmit) { form.requestSubmit(submitter || undefined); } else { form.submit(); }
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.dataset[CHECKED]) { delete form.dataset[CHECKED]; return; }
    clearNotes(form);
    var bad = unreadable(form);
    if (bad.length) {
      event.preventDefault();
      event.stopImmediatePropagation();
      bad[0].focus();
      return;
    }
    if (!needsCheck(form) || Date.now() - lastHeard < CHECK_AFTER_MS) { freshToken(form); return; }
    event.preventDefault();
    event.stopImmediatePropagation();
    var submitter = event.submitter;
    fetch(keepaliveUrl, {
      method: "POST", credentials: "same-origin", redirect: "manual",
      headers: { "X-CSRFToken": cookieToken(), "X-Requested-With": "fetch" }
    }).then(function (response) {
      if (response.ok) { send(form, submitter); return; }
      var alert = problems.querySelector("[data-signed-out]").cloneNode(true);
      note(form, alert).querySelector("[data-signed-out]").focus();
    }, function () {
      var text = document.createElement("div");
      text.className = "alert alert-warning";
      text.setAttribute("role", "alert");
      text.textContent = problems.dataset.unreachable;
      note(form, text);
    });
  }, true);
})();
