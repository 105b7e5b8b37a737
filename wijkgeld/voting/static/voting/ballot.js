/* Progressive enhancement for the ballot: keep the summary, the budget meter and the warnings up to
   date while ticking or typing. Without this script the server shows the same on "Show my choice"
   (wijkgeld/voting/summary.py makes the same sentences from the same patterns). */
(function () {
  "use strict";
  var form = document.querySelector("form[data-ballot]");
  var text = document.getElementById("ballot-live");
  var meter = document.getElementById("ballot-meter");
  var warnings = document.getElementById("ballot-warnings");
  if (!form || !text) { return; }
  var lang = document.documentElement.lang || "nl";
  var money = new Intl.NumberFormat(lang === "en" ? "en-GB" : "nl-NL", { style: "currency", currency: "EUR" });
  function pattern(name, values) {
    return (form.getAttribute("data-pattern-" + name) || "").replace(/%\((\w+)\)s/g, function (all, key) {
      return values[key] === undefined ? all : String(values[key]);
    });
  }
  function number(name) { return parseInt(form.getAttribute(name), 10) || 0; }
  function update() {
    var count = 0, cents = 0, points = 0, found = [];
    form.querySelectorAll("input[data-cost]").forEach(function (input) {
      var cost = parseInt(input.getAttribute("data-cost"), 10) || 0;
      if (input.type === "checkbox" && input.checked) { count += 1; cents += cost; }
      if (input.type === "number") {
        var value = parseInt(input.value, 10);
        if (value > 0) { count += 1; points += value; }
      }
    });
    var budget = number("data-budget");
    if (form.hasAttribute("data-points-total")) {
      var total = number("data-points-total");
      text.textContent = pattern("points", { used: points, total: total, left: total - points });
      if (points > total) { found.push(pattern("over-points", { total: total })); }
      if (meter) { meter.value = Math.min(points, total); }
    } else {
      var max = number("data-max");
      var values = { count: count, max: max, total: money.format(cents / 100), budget: money.format(budget / 100) };
      text.textContent = pattern(max ? "count-of-max" : "count-only", values);
      if (max && count > max) { found.push(pattern("over-max", values)); }
      if (form.hasAttribute("data-limit-to-budget") && cents > budget) { found.push(pattern("over-budget", values)); }
      if (meter) { meter.value = Math.min(cents, budget); }
    }
    if (warnings) {
      warnings.textContent = "";
      found.forEach(function (message) {
        var p = document.createElement("p");
        p.className = "utrecht-paragraph ballot__warning";
        p.textContent = message;
        warnings.appendChild(p);
      });
    }
  }
  form.addEventListener("change", update);
  form.addEventListener("input", update);
})();
