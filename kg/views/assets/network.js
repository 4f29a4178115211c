/* helsekg network page: draws the graph in #graph-data with vis-network (positions are
   precomputed, physics off), filters it by node type, year and post, finds nodes by
   name, and shows the details of what is clicked. Every text from the data is set with
   textContent: a document's words are never parsed as HTML. */
(function () {
  "use strict";

  var raw = JSON.parse(document.getElementById("graph-data").textContent);

  function tipElement(lines) {
    var box = document.createElement("div");
    box.className = "tip";
    lines.forEach(function (line) {
      var row = document.createElement("div");
      var label = document.createElement("b");
      label.textContent = line[0];
      row.appendChild(label);
      row.appendChild(document.createTextNode(" " + line[1]));
      box.appendChild(row);
    });
    return box;
  }

  raw.nodes.forEach(function (node) { node.title = tipElement(node.tip); });
  raw.edges.forEach(function (edge) { edge.title = tipElement(edge.tip); });

  var nodes = new vis.DataSet(raw.nodes);
  var edges = new vis.DataSet(raw.edges);
  var byId = {};
  raw.nodes.forEach(function (node) { byId[node.id] = node; });

  var state = { types: {}, year: raw.year === null ? "" : String(raw.year), post: "" };
  document.querySelectorAll(".type-filter").forEach(function (box) {
    state.types[box.value] = box.checked;
  });
  var linked = {};

  function typeShown(id) {
    var node = byId[id];
    return node !== undefined && state.types[node.type] !== false;
  }

  function edgeShown(edge) {
    if (state.year && edge.years.indexOf(Number(state.year)) < 0) { return false; }
    if (state.post && edge.posts.indexOf(state.post) < 0) { return false; }
    return typeShown(edge.from) && typeShown(edge.to);
  }

  function nodeShown(node) {
    if (!typeShown(node.id)) { return false; }
    if (!state.year && !state.post) { return true; }
    return node.id === raw.focus || linked[node.id] === true;
  }

  var edgeView = new vis.DataView(edges, { filter: edgeShown });
  var nodeView = new vis.DataView(nodes, { filter: nodeShown });
  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, raw.options);
  var count = document.getElementById("count");

  function refresh() {
    linked = {};
    edges.get({ filter: edgeShown }).forEach(function (edge) {
      linked[edge.from] = true;
      linked[edge.to] = true;
    });
    edgeView.refresh();
    nodeView.refresh();
    count.textContent = nodeView.length + " noder, " + edgeView.length + " kanter";
    network.fit({ animation: false, maxZoomLevel: 1.2 });
  }

  function show(item, page) {
    var details = document.getElementById("details");
    details.replaceChildren(tipElement(item.tip));
    if (page) {
      var link = document.createElement("a");
      link.href = raw.root + page;
      link.textContent = "Åpne egen side";
      details.appendChild(link);
    }
  }

  network.on("click", function (params) {
    if (params.nodes.length) {
      var node = byId[params.nodes[0]];
      show(node, node.page);
    } else if (params.edges.length) {
      show(edges.get(params.edges[0]), null);
    }
  });
  network.on("doubleClick", function (params) {
    var node = params.nodes.length ? byId[params.nodes[0]] : null;
    if (node && node.page) { window.location.href = raw.root + node.page; }
  });

  document.querySelectorAll(".type-filter").forEach(function (box) {
    box.addEventListener("change", function () {
      state.types[box.value] = box.checked;
      refresh();
    });
  });
  document.getElementById("year").addEventListener("change", function (event) {
    state.year = event.target.value;
    refresh();
  });
  document.getElementById("post").addEventListener("change", function (event) {
    state.post = event.target.value;
    refresh();
  });
  document.getElementById("search").addEventListener("keydown", function (event) {
    if (event.key !== "Enter") { return; }
    var wanted = event.target.value.trim().toLowerCase();
    if (!wanted) { return; }
    var found = nodeView.get({
      filter: function (node) { return node.name.toLowerCase().indexOf(wanted) >= 0; }
    });
    if (found.length) {
      network.selectNodes([found[0].id]);
      network.focus(found[0].id, { scale: 1.2, animation: false });
      show(found[0], found[0].page);
    }
    count.textContent = found.length + " treff";
  });

  refresh();
  if (raw.focus !== null) {
    network.selectNodes([raw.focus]);
    show(byId[raw.focus], null);
  }
  window.helsekg = { network: network, nodes: nodeView, edges: edgeView };
}());
