// The register on a tablet: ticking a woman found by search moves her into the main list (so a
// new search does not lose her), Enter in the search box never submits, the +/- buttons change
// the count, and the save button is disabled after the first tap (the server is also safe).
(function () {
  "use strict";
  var form = document.getElementById("register-form");
  if (!form) { return; }
  var list = document.getElementById("register-list");
  var results = document.getElementById("search-results");
  var search = document.getElementById("register-search");
  var count = form.querySelector("[data-register-count]");

  function updateCount() {
    var ticked = list.querySelectorAll("input[name='women']:checked").length;
    var others = parseInt(document.getElementById("others-count").value || "0", 10) || 0;
    count.textContent = (ticked + others) + " " + (ticked + others === 1 ? "woman" : "women");
  }

  results.addEventListener("change", function (event) {
    var input = event.target;
    if (input.name !== "women" || !input.checked) { return; }
    var item = input.closest("li");
    var id = item.dataset.woman;
    var existing = list.querySelector("li[data-woman='" + id + "']");
    if (existing) {
      existing.querySelector("input").checked = true;
      item.remove();
    } else {
      var empty = document.getElementById("register-empty");
      if (empty) { empty.remove(); }
      input.id = "woman-" + id;
      item.querySelector("label").setAttribute("for", input.id);
      list.appendChild(item);
    }
    updateCount();
    search.value = "";
    search.focus();
  });

  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") { event.preventDefault(); }
  });

  form.querySelectorAll("[data-step]").forEach(function (button) {
    button.addEventListener("click", function () {
      var input = document.getElementById("others-count");
      var value = (parseInt(input.value || "0", 10) || 0) + parseInt(button.dataset.step, 10);
      input.value = Math.max(0, Math.min(500, value));
      updateCount();
    });
  });

  list.addEventListener("change", updateCount);
  document.getElementById("others-count").addEventListener("input", updateCount);

  form.addEventListener("submit", function () {
    var button = form.querySelector("[data-register-save]");
    window.setTimeout(function () { button.disabled = true; }, 0);
  });
  updateCount();
})();
