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
      window.location.href = body.dataset.loginUrl + "?next=" + encodeURIComponent(window.location.pathname);
      return;
    }
    if (left <= warningSeconds && modalElement) {
      if (!modal) { modal = new bootstrap.Modal(modalElement, { backdrop: "static", keyboard: false }); }
      if (!modalElement.classList.contains("show")) { modal.show(); }
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
  }
  restart();
  ticker = window.setInterval(tick, 1000);
  window.centreIdle = { restart: restart, deadline: function () { return deadline; },
    expireSoon: function (seconds) { deadline = Date.now() + seconds * 1000; } };
})();

// htmx requests carry the CSRF token from the cookie.
document.addEventListener("htmx:configRequest", function (event) {
  var match = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
  if (match) { event.detail.headers["X-CSRFToken"] = decodeURIComponent(match[1]); }
});
