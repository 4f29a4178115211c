/* helsekg flow chart: show the chart of the year chosen. */
(function () {
  "use strict";
  var select = document.getElementById("sankey-year");
  if (!select) { return; }
  function show() {
    document.querySelectorAll("section.sankey").forEach(function (section) {
      section.hidden = section.getAttribute("data-year") !== select.value;
    });
  }
  select.addEventListener("change", show);
  show();
}());
