/* helsekg index: filter the lists of actor and scheme pages as the user types. */
(function () {
  "use strict";
  var input = document.getElementById("find");
  var items = document.querySelectorAll("ul.pages li");
  var count = document.getElementById("found");
  function filter() {
    var wanted = input.value.trim().toLowerCase();
    var shown = 0;
    items.forEach(function (item) {
      var match = item.getAttribute("data-name").indexOf(wanted) >= 0;
      item.classList.toggle("hidden", !match);
      if (match) { shown += 1; }
    });
    count.textContent = shown + " av " + items.length + " sider";
  }
  input.addEventListener("input", filter);
  filter();
}());
