(function () {
  "use strict";
  var table = document.getElementById("summary");
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var postings = document.querySelectorAll("article.posting");
  var filter = document.getElementById("rule-filter");
  var shown = document.getElementById("shown");

  function key(row, column, numeric) {
    var cell = row.cells[column];
    var value = cell.hasAttribute("data-v") ? cell.getAttribute("data-v") : cell.textContent;
    return numeric ? parseFloat(value) || 0 : value.trim().toLowerCase();
  }

  heads.forEach(function (head, column) {
    head.tabIndex = 0;
    head.setAttribute("role", "button");
    function sort() {
      var numeric = head.hasAttribute("data-numeric");
      var ascending = head.getAttribute("aria-sort") !== "ascending";
      heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
      head.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var order = rows.map(function (row, index) {
        return { row: row, key: key(row, column, numeric), index: index };
      });
      order.sort(function (a, b) {
        var c = a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index;
        return ascending ? c : -c;
      });
      order.forEach(function (item) { body.appendChild(item.row); });
    }
    head.addEventListener("click", sort);
    head.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sort(); }
    });
  });

  function has(element, code) {
    return !code || (" " + element.getAttribute("data-rules") + " ").indexOf(" " + code + " ") >= 0;
  }

  filter.addEventListener("change", function () {
    var code = filter.value;
    var count = 0;
    rows.forEach(function (row) {
      row.hidden = !has(row, code);
      if (!row.hidden) { count += 1; }
    });
    Array.prototype.forEach.call(postings, function (posting) { posting.hidden = !has(posting, code); });
    shown.textContent = code ? count + " of " + rows.length + " shown" : "";
  });

  // a link may name the rule to show: report.html#rule=JD404
  var wanted = /^#rule=(JD[0-9]{3})$/.exec(window.location.hash);
  if (wanted && filter.querySelector('option[value="' + wanted[1] + '"]')) {
    filter.value = wanted[1];
    filter.dispatchEvent(new Event("change"));
  }
  document.getElementById("controls").hidden = false;
  document.documentElement.className += " js";
})();
