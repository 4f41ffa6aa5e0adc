// fabula report: sorting the cast, highlighting a character, showing arcs, dragging the network.
// It reads nothing but the page and writes only classes, attributes and positions: no text from
// the story is ever turned into markup.
(function () {
  "use strict";
  var doc = document;

  function all(selector, root) { return Array.prototype.slice.call((root || doc).querySelectorAll(selector)); }

  // -- the cast table: sort by a column --
  all("table.cast th button").forEach(function (button) {
    button.addEventListener("click", function () {
      var th = button.parentNode, table = th.closest("table"), body = table.tBodies[0];
      var index = Array.prototype.indexOf.call(th.parentNode.children, th);
      var numeric = th.getAttribute("data-type") === "number";
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      all("th", table).forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[index].getAttribute("data-sort"), y = b.cells[index].getAttribute("data-sort");
        var order = numeric ? (parseFloat(x) - parseFloat(y)) : x.localeCompare(y);
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });

  // -- choosing a character: their lines and mentions light up, their arc shows --
  var chosen = null;
  function choose(id) {
    all(".hl").forEach(function (el) { el.classList.remove("hl"); });
    all("button.who[aria-pressed]").forEach(function (b) { b.setAttribute("aria-pressed", "false"); });
    var status = doc.getElementById("chosen");
    if (chosen === id || !id) {
      chosen = null;
      if (status) { status.textContent = ""; }
      return;
    }
    chosen = id;
    var lines = all('.qt[data-s="' + CSS.escape(id) + '"]');
    var mentions = all('.m[data-c="' + CSS.escape(id) + '"]');
    lines.concat(mentions).forEach(function (el) { el.classList.add("hl"); });
    all('.node[data-c="' + CSS.escape(id) + '"], .bar[data-c="' + CSS.escape(id) + '"]').forEach(function (el) {
      el.classList.add("hl");
    });
    all('button.who[data-c="' + CSS.escape(id) + '"]').forEach(function (b) { b.setAttribute("aria-pressed", "true"); });
    var box = doc.querySelector('input.arc-toggle[data-c="' + CSS.escape(id) + '"]');
    if (box && !box.checked) { box.checked = true; box.dispatchEvent(new Event("change")); }
    if (status) {
      var name = doc.querySelector('button.who[data-c="' + CSS.escape(id) + '"]');
      status.textContent = (name ? name.textContent : id) + ": " + lines.length + " lines and " +
        mentions.length + " mentions highlighted in the text.";
    }
    var first = lines[0] || mentions[0];
    var jump = doc.getElementById("jump");
    if (jump) { jump.hidden = !first; }
  }
  all("button.who").forEach(function (button) {
    button.addEventListener("click", function () { choose(button.getAttribute("data-c")); });
  });
  var jumpButton = doc.getElementById("jump");
  if (jumpButton) {
    jumpButton.addEventListener("click", function () {
      var first = doc.querySelector(".qt.hl, .m.hl");
      if (first) { first.scrollIntoView({block: "center"}); }
    });
  }
  all("#network .node").forEach(function (node) {
    node.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { choose(node.getAttribute("data-c")); event.preventDefault(); }
    });
    node.addEventListener("dblclick", function () { choose(node.getAttribute("data-c")); });
  });

  // -- arcs: show or hide a character's line --
  all("input.arc-toggle").forEach(function (box) {
    box.addEventListener("change", function () {
      all('#arc-chart .arc[data-c="' + CSS.escape(box.getAttribute("data-c")) + '"]').forEach(function (line) {
        if (box.checked) { line.removeAttribute("hidden"); } else { line.setAttribute("hidden", ""); }
      });
    });
  });

  // -- the network: drag a node, its edges follow --
  var svg = doc.getElementById("network");
  if (svg) {
    var dragging = null;
    function point(event) {
      var p = svg.createSVGPoint();
      p.x = event.clientX; p.y = event.clientY;
      return p.matrixTransform(svg.getScreenCTM().inverse());
    }
    function place(node, x, y) {
      node.setAttribute("transform", "translate(" + x.toFixed(1) + "," + y.toFixed(1) + ")");
      var id = node.getAttribute("data-c");
      all('line.edge[data-a="' + CSS.escape(id) + '"]', svg).forEach(function (e) {
        e.setAttribute("x1", x.toFixed(1)); e.setAttribute("y1", y.toFixed(1));
      });
      all('line.edge[data-b="' + CSS.escape(id) + '"]', svg).forEach(function (e) {
        e.setAttribute("x2", x.toFixed(1)); e.setAttribute("y2", y.toFixed(1));
      });
    }
    all(".node", svg).forEach(function (node) {
      node.addEventListener("pointerdown", function (event) {
        dragging = node; node.setPointerCapture(event.pointerId); node.classList.add("dragging");
      });
      node.addEventListener("pointermove", function (event) {
        if (dragging === node) { var p = point(event); place(node, p.x, p.y); }
      });
      node.addEventListener("pointerup", function () { dragging = null; node.classList.remove("dragging"); });
      node.addEventListener("focus", function () { node.classList.add("focus"); });
      node.addEventListener("blur", function () { node.classList.remove("focus"); });
    });
  }
  doc.documentElement.setAttribute("data-ready", "true");
})();
