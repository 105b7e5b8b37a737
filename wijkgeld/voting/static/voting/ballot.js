/* Progressive enhancement for the ballot: update the running total while ticking or typing.
   The page works without this script; the server computes the same total on "Check my choice". */
(function () {
  "use strict";
  var form = document.querySelector("form[data-ballot]");
  var live = document.getElementById("ballot-live");
  if (!form || !live) { return; }
  var lang = document.documentElement.lang || "nl";
  var money = new Intl.NumberFormat(lang === "nl" ? "nl-NL" : "en-GB", { style: "currency", currency: "EUR" });
  function update() {
    var count = 0, cents = 0, points = 0;
    form.querySelectorAll("input[data-cost]").forEach(function (input) {
      var cost = parseInt(input.getAttribute("data-cost"), 10) || 0;
      if (input.type === "checkbox" && input.checked) { count += 1; cents += cost; }
      if (input.type === "number") {
        var value = parseInt(input.value, 10);
        if (value > 0) { count += 1; points += value; }
      }
    });
    var text = form.getAttribute("data-text-count") + " " + count + ". ";
    if (form.hasAttribute("data-points-total")) {
      var total = parseInt(form.getAttribute("data-points-total"), 10) || 0;
      text += form.getAttribute("data-text-points") + " " + (total - points) + ".";
    } else {
      text += form.getAttribute("data-text-cost") + " " + money.format(cents / 100) + ".";
    }
    live.textContent = text;
    live.hidden = false;
  }
  form.addEventListener("change", update);
  form.addEventListener("input", update);
})();
