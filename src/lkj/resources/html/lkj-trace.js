/* lkj-trace.js: the "Jejak Angka" panel of the HTML book.
 *
 * Every number of the book is an element with data-value-id. Clicking it (or Enter/Space
 * when focused) opens a panel: what the value is, its formula, the values it was computed
 * from (each clickable, down to the data rows), the input file with its sha256 and the rows
 * used, the run's parameters, the code that computed it and the notebook cell that shows it.
 * Plain script, no network: the data is values.js (window.LKJ_TRACE), loaded with a
 * <script> tag because fetch() of a JSON file is blocked on file://.
 */
(function () {
  "use strict";
  var data = window.LKJ_TRACE;
  if (!data) { return; }
  var MAX_ROWS = 300;
  var panel, content, backButton, trail = [], opener = null;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") { node.textContent = attrs[k]; } else { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) {
        node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
      }
    });
    return node;
  }

  function ranges(rows) {
    var out = [], start = null, prev = null;
    rows.slice().sort(function (a, b) { return a - b; }).concat([null]).forEach(function (n) {
      if (start !== null && n !== null && n === prev + 1) { prev = n; return; }
      if (start !== null) { out.push(start === prev ? String(start) : start + "–" + prev); }
      start = prev = n;
    });
    return out.join(", ");
  }

  function section(title, children) {
    return el("section", { "class": "lkj-trace-section" }, [el("h3", { text: title })].concat(children));
  }

  function valueButton(id) {
    var v = data.values[id];
    var label = v ? v.label : id;
    var shown = v ? v.display_with_unit : "?";
    return el("button", { type: "button", "class": "lkj-trace-go", "data-go": id }, [
      el("span", { "class": "lkj-trace-go-value", text: shown }), " ",
      el("span", { "class": "lkj-trace-go-label", text: label }), " ",
      el("code", { text: id })
    ]);
  }

  function rowsTable(file, rows) {
    var info = data.files[file] || {};
    var columns = info.columns || [];
    var shown = rows.filter(function (n) { return info.rows && info.rows[n]; });
    var table = el("table", { "class": "lkj-trace-rows" });
    var head = el("tr", {}, [el("th", { scope: "col", text: "baris" })].concat(
      columns.map(function (c) { return el("th", { scope: "col", text: c }); })));
    table.appendChild(el("thead", {}, [head]));
    var tbody = el("tbody");
    shown.slice(0, MAX_ROWS).forEach(function (n) {
      tbody.appendChild(el("tr", {}, [el("th", { scope: "row", text: String(n) })].concat(
        info.rows[n].map(function (c) { return el("td", { text: c }); }))));
    });
    table.appendChild(tbody);
    var notes = [];
    if (shown.length > MAX_ROWS) { notes.push((shown.length - MAX_ROWS) + " baris lain tidak ditampilkan; lihat `lkj trace --rows`."); }
    if (info.hidden && info.hidden.length) {
      notes.push("Kolom " + info.hidden.join(", ") + " disembunyikan: data pribadi tidak dimuat dalam edisi publik.");
    }
    return el("div", { "class": "lkj-trace-rows-wrap" }, [table].concat(
      notes.map(function (t) { return el("p", { "class": "lkj-trace-note", text: t }); })));
  }

  // Public edition, personal data: counts per group instead of rows (small groups "< 3").
  function countsTables(id, file) {
    var tables = ((data.groups || {})[id] || {})[file] || [];
    var wrap = el("div", { "class": "lkj-trace-rows-wrap" });
    tables.forEach(function (t) {
      var table = el("table", { "class": "lkj-trace-rows" });
      table.appendChild(el("thead", {}, [el("tr", {}, [
        el("th", { scope: "col", text: t.column }), el("th", { scope: "col", text: "orang" })])]));
      var tbody = el("tbody");
      t.groups.forEach(function (g) {
        tbody.appendChild(el("tr", {}, [el("th", { scope: "row", text: g[0] }), el("td", { text: g[1] })]));
      });
      table.appendChild(tbody);
      wrap.appendChild(table);
    });
    wrap.appendChild(el("p", { "class": "lkj-trace-note", text: "Data pribadi: edisi publik hanya memuat " +
      "jumlah per kelompok; kelompok kurang dari " + (data.k || 3) + " orang digabung menjadi \u201c(lainnya)\u201d " +
      "(ditulis \u201c< " + (data.k || 3) + "\u201d bila masih kurang). Rincian per orang hanya ada di edisi internal." }));
    return wrap;
  }

  function sourceBlock(id, s) {
    var info = data.files[s.file] || {};
    var sha = info.sha256 || "";
    var holder = el("div", { "class": "lkj-trace-rows-holder" });
    var what = info.counted ? "rekap " + s.row_count + " orang" : s.row_count + " baris";
    var toggle = el("button", { type: "button", "class": "lkj-trace-show-rows", "aria-expanded": "false",
      text: "Tampilkan " + what });
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") === "true";
      holder.textContent = "";
      if (!open) { holder.appendChild(info.counted ? countsTables(id, s.file) : rowsTable(s.file, s.rows)); }
      toggle.setAttribute("aria-expanded", open ? "false" : "true");
      toggle.textContent = (open ? "Tampilkan " : "Sembunyikan ") + what;
    });
    return el("div", { "class": "lkj-trace-source" }, [
      el("p", {}, [el("strong", { "class": "lkj-trace-file", text: s.file })]),
      el("p", { text: s.selection }),
      el("p", { text: s.row_count + " baris dipakai" + (s.rows.length ? " (baris " + ranges(s.rows) + ")" : "") }),
      el("p", { "class": "lkj-trace-hash", title: "sha256 berkas" }, ["sha256 ", el("code", { text: sha })]),
      s.row_count ? toggle : null,
      holder
    ]);
  }

  function pageOf(notebook) {
    var name = notebook.split("/").pop().replace(/\.ipynb$/, "");
    return name + ".html";
  }

  function render(id) {
    var v = data.values[id];
    content.textContent = "";
    if (!v) {
      content.appendChild(el("p", { text: "Nilai " + id + " tidak ada dalam jejak build ini." }));
      return;
    }
    var build = data.build || {};
    content.appendChild(el("header", { "class": "lkj-trace-head" }, [
      el("h2", { id: "lkj-trace-title", tabindex: "-1", text: v.label }),
      el("p", { "class": "lkj-trace-big", text: v.display_with_unit }),
      el("p", {}, ["id ", el("code", { text: id })])
    ]));
    var formula = [el("p", { "class": "lkj-trace-formula", text: v.formula || "nilai dari data (tanpa rumus)" })];
    if (v.note) { formula.push(el("p", { "class": "lkj-trace-note", text: v.note })); }
    content.appendChild(section("Rumus", formula));
    if (v.inputs.length) {
      content.appendChild(section("Dihitung dari", [el("ul", { "class": "lkj-trace-inputs" },
        v.inputs.map(function (i) { return el("li", {}, [valueButton(i)]); }))]));
    }
    if (v.sources.length) {
      content.appendChild(section("Sumber data", v.sources.map(function (s) { return sourceBlock(id, s); })));
    }
    var params = Object.keys(v.params).map(function (k) { return k + " = " + v.params[k]; }).join(", ");
    content.appendChild(section("Parameter run", [
      el("p", {}, [el("code", { text: data.params.file })]),
      el("p", { text: params }),
      el("p", { "class": "lkj-trace-hash" }, ["sha256 ", el("code", { text: data.params.sha256 })])
    ]));
    if (v.code) {
      var where = v.code.file ? v.code.file + ":" + v.code.line + " @ " + String(build.commit).slice(0, 12) : "";
      content.appendChild(section("Kode", [
        el("p", {}, [el("code", { text: v.code.function })]),
        where ? el("p", {}, [el("code", { "class": "lkj-trace-where", text: where })]) : null,
        v.code.source ? el("pre", { text: v.code.source }) : null
      ]));
    }
    if (v.shown_in.length) {
      content.appendChild(section("Ditampilkan di", [el("ul", {}, v.shown_in.map(function (p) {
        return el("li", {}, [
          el("a", { href: pageOf(p.notebook) + "#nilai=" + encodeURIComponent(id), text: p.notebook }),
          ", sel ke-" + p.cell + " (" + p.cell_id + ")"
        ]);
      }))]));
    }
    content.appendChild(el("p", { "class": "lkj-trace-build" }, [
      "Build " + String(build.commit).slice(0, 12) + (build.dirty ? " (ada perubahan belum di-commit)" : "") +
      ", " + build.built_at + ", lkj " + (build.versions || {}).lkj + ", renderer " + build.renderer
    ]));
    backButton.hidden = trail.length < 2;
  }

  function open(id, from) {
    if (from) { opener = from; trail = []; }
    trail.push(id);
    render(id);
    panel.hidden = false;
    document.body.classList.add("lkj-trace-open");
    var title = document.getElementById("lkj-trace-title");
    if (title) { title.focus(); }
    panel.scrollTop = 0;
  }

  function close() {
    panel.hidden = true;
    document.body.classList.remove("lkj-trace-open");
    trail = [];
    if (opener) { opener.focus(); }
  }

  function setup() {
    backButton = el("button", { type: "button", "class": "lkj-trace-back", text: "← Kembali" });
    var closeButton = el("button", { type: "button", "class": "lkj-trace-close", "aria-label": "Tutup jejak angka", text: "×" });
    content = el("div", { "class": "lkj-trace-body" });
    panel = el("aside", { "class": "lkj-trace", role: "dialog", "aria-labelledby": "lkj-trace-title", hidden: "" }, [
      el("div", { "class": "lkj-trace-bar" }, [el("span", { text: "Jejak angka" }), backButton, closeButton]),
      content
    ]);
    document.body.appendChild(panel);
    closeButton.addEventListener("click", close);
    backButton.addEventListener("click", function () {
      trail.pop();
      var id = trail.pop();
      if (id) { open(id); }
    });
    panel.addEventListener("click", function (event) {
      var go = event.target.closest("[data-go]");
      if (go) { open(go.getAttribute("data-go")); }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !panel.hidden) { close(); }
    });
    var numbers = document.querySelectorAll("main [data-value-id]");
    Array.prototype.forEach.call(numbers, function (node) {
      node.classList.add("lkj-traceable");
      node.setAttribute("tabindex", "0");
      node.setAttribute("role", "button");
      node.setAttribute("aria-haspopup", "dialog");
      var v = data.values[node.getAttribute("data-value-id")];
      if (v) { node.setAttribute("title", v.label + " — klik untuk jejak angka"); }
    });
    function trigger(event) {
      var node = event.target.closest("main [data-value-id]");
      if (!node) { return; }
      if (event.type === "keydown" && event.key !== "Enter" && event.key !== " ") { return; }
      event.preventDefault();
      open(node.getAttribute("data-value-id"), node);
    }
    document.addEventListener("click", trigger);
    document.addEventListener("keydown", trigger);
    var match = /^#nilai=(.+)$/.exec(window.location.hash);
    if (match) {
      var id = decodeURIComponent(match[1]);
      var target = document.querySelector('main [data-value-id="' + id.replace(/"/g, "") + '"]');
      if (target) {
        target.scrollIntoView({ block: "center" });
        target.classList.add("lkj-trace-flash");
        open(id, target);
      }
    }
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", setup); } else { setup(); }
})();
