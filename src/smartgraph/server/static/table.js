// smartgraph's results table: SPARQL JSON results as a sortable, paged table whose IRIs show their labels
// and link to their entity pages. The canned-query forms and the SPARQL editor (a YASR plugin) both use it.
"use strict";

window.SG = window.SG || {};

(function (SG) {
  // IRIs one /labels request may carry (the server's limit, given on the page); a table asks for at most LABELS_TOTAL
  const LABELS_BATCH = Number(document.body.dataset.labelsMax) || 200;
  const LABELS_TOTAL = 2000;
  const ENUM_COLUMNS = new Set(["kind", "status", "tie", "mode"]);
  const IRI_OK = /^https?:\/\/[^\s\x00-\x20\x7f-\x9f<>"{}|\\^`]+$/; // what the server takes as an IRI parameter

  // the entity page of an IRI minted under the base IRI (or of an ontology term), else the IRI itself
  SG.entityHref = function (iri, baseIri, lang) {
    if (baseIri && iri.startsWith(baseIri)) {
      return "/id/" + iri.slice(baseIri.length).split("/").map(encodeURIComponent).join("/") + "?lang=" + lang;
    }
    if (iri.startsWith("https://w3id.org/scd")) return "/resource?iri=" + encodeURIComponent(iri) + "&lang=" + lang;
    return iri;
  };

  SG.shortIri = function (iri) {
    const m = iri.match(/[#/]([^#/]+)\/?$/);
    try { return m ? decodeURIComponent(m[1]) : iri; } catch (e) { return m[1]; }
  };

  // labels of IRIs in the page's language (else the other one), from the server's /labels: the cheap lane, where
  // the page's own requests go, not /sparql, whose small per-client share is the user's own queries'. The IRIs go
  // in batches, one request after another, so a table of many IRIs never has more than one in flight.
  const labelCache = new Map();
  SG.fetchLabels = async function (iris, lang) {
    const want = [...new Set(iris)].filter((i) => IRI_OK.test(i) && !labelCache.has(lang + " " + i)).slice(0, LABELS_TOTAL);
    for (let start = 0; start < want.length; start += LABELS_BATCH) {
      const batch = want.slice(start, start + LABELS_BATCH);
      const body = new URLSearchParams({ lang });
      batch.forEach((i) => body.append("iri", i));
      let found;
      try {
        const res = await fetch("/labels", { method: "POST", body, headers: { Accept: "application/json" } });
        if (!res.ok) break; // labels are a nicety: the table shows short IRIs without them, and asks again next time
        found = await res.json();
      } catch (e) { break; }
      batch.forEach((i) => labelCache.set(lang + " " + i, found[i] || ""));
    }
    const out = {};
    iris.forEach((i) => { out[i] = labelCache.get(lang + " " + i) || ""; });
    return out;
  };

  const NUMERIC = /#(integer|decimal|double|float|long|int|short|nonNegativeInteger|positiveInteger)$/;

  class ResultTable {
    // opts: { t(key), lang, baseIri, header(variable) -> text, pageSize, caption, lookupLabels (bool) }
    constructor(container, opts) {
      this.el = container;
      this.opts = Object.assign({ pageSize: 25, lookupLabels: true, header: (v) => v }, opts);
      this.sort = null; // { col, dir }
      this.page = 0;
      this.rows = [];
    }

    t(key) { return this.opts.t(key); }

    // SPARQL JSON results in; returns the number of rows
    async render(results) {
      this.el.replaceChildren();
      if ("boolean" in results) {
        const p = document.createElement("p");
        p.className = "boolean";
        p.textContent = String(results.boolean);
        this.el.appendChild(p);
        return 1;
      }
      this.vars = results.head.vars;
      this.bindings = results.results.bindings;
      const vars = this.vars;
      const rows = this.bindings;
      // a uri column X with a column XName beside it: XName is the link's text, and is not shown on its own
      this.named = new Set(vars.filter((v) => vars.includes(v + "Name") && rows.some((r) => r[v] && r[v].type === "uri")));
      this.shown = vars.filter((v) => !(v.endsWith("Name") && this.named.has(v.slice(0, -4))));
      this.labels = {};
      if (this.opts.lookupLabels) {
        const iris = [];
        rows.forEach((r) => this.shown.forEach((v) => {
          const c = r[v];
          if (c && c.type === "uri" && !(this.named.has(v) && r[v + "Name"])) iris.push(c.value);
        }));
        if (iris.length) this.labels = await SG.fetchLabels(iris, this.opts.lang);
      }
      this.rows = rows.map((r) => this.shown.map((v) => this.cell(r, v)));
      this.page = 0;
      this.draw();
      return rows.length;
    }

    // one cell: { text (shown and sorted by), href, title, num }
    cell(r, v) {
      const c = r[v];
      if (!c) return { text: "" };
      if (c.type === "uri") {
        const named = this.named.has(v) && r[v + "Name"] ? r[v + "Name"].value : "";
        return { text: named || this.labels[c.value] || SG.shortIri(c.value), href: SG.entityHref(c.value, this.opts.baseIri, this.opts.lang),
          title: c.value, iri: true };
      }
      if (c.type === "bnode") return { text: "_:" + c.value };
      const num = c.datatype && NUMERIC.test(c.datatype);
      let text = c.value;
      if (ENUM_COLUMNS.has(v)) {
        const tr = this.opts.t("value." + c.value);
        if (tr !== "value." + c.value) text = tr;
      }
      return { text, num: num ? Number(c.value) : undefined, lang: c["xml:lang"] };
    }

    sorted() {
      if (!this.sort) return this.rows;
      const { col, dir } = this.sort;
      const coll = new Intl.Collator(this.opts.lang === "en" ? "en" : "zh-Hant-TW", { numeric: true });
      return [...this.rows].sort((a, b) => {
        const x = a[col], y = b[col];
        let c;
        if (x.num !== undefined && y.num !== undefined) c = x.num - y.num;
        else c = coll.compare(x.text, y.text);
        return dir === "ascending" ? c : -c;
      });
    }

    draw() {
      this.el.replaceChildren();
      const wrap = document.createElement("div");
      wrap.className = "table-wrap";
      const table = document.createElement("table");
      table.className = "results";
      if (this.opts.caption) {
        const cap = table.createCaption();
        cap.className = "visually-hidden";
        cap.textContent = this.opts.caption;
      }
      const head = table.createTHead().insertRow();
      this.shown.forEach((v, i) => {
        const th = document.createElement("th");
        th.scope = "col";
        th.dataset.var = v;
        if (this.sort && this.sort.col === i) th.setAttribute("aria-sort", this.sort.dir);
        const b = document.createElement("button");
        b.type = "button";
        b.className = "sort";
        b.textContent = this.opts.header(v);
        b.addEventListener("click", () => {
          const dir = this.sort && this.sort.col === i && this.sort.dir === "ascending" ? "descending" : "ascending";
          this.sort = { col: i, dir };
          this.page = 0;
          this.draw();
          const again = this.el.querySelector(`th[data-var="${v}"] button`);
          if (again) again.focus();
        });
        th.appendChild(b);
        head.appendChild(th);
      });
      const body = table.createTBody();
      const size = this.opts.pageSize;
      const rows = this.sorted();
      const pages = Math.max(1, Math.ceil(rows.length / size));
      this.page = Math.min(this.page, pages - 1);
      rows.slice(this.page * size, (this.page + 1) * size).forEach((cells) => {
        const tr = body.insertRow();
        cells.forEach((c) => {
          const td = tr.insertCell();
          if (c.num !== undefined) td.className = "num";
          if (c.href) {
            const a = document.createElement("a");
            a.href = c.href;
            a.title = c.title;
            a.className = "entity";
            a.textContent = c.text;
            td.appendChild(a);
          } else {
            td.textContent = c.text;
            if (c.lang) td.lang = c.lang;
          }
        });
      });
      wrap.appendChild(table);
      this.el.appendChild(wrap);
      if (pages > 1) {
        const pager = document.createElement("div");
        pager.className = "pager";
        const prev = document.createElement("button");
        prev.type = "button";
        prev.className = "page-prev";
        prev.textContent = this.t("query.prev");
        prev.disabled = this.page === 0;
        prev.addEventListener("click", () => { this.page -= 1; this.draw(); });
        const next = document.createElement("button");
        next.type = "button";
        next.className = "page-next";
        next.textContent = this.t("query.next");
        next.disabled = this.page >= pages - 1;
        next.addEventListener("click", () => { this.page += 1; this.draw(); });
        const info = document.createElement("span");
        info.className = "page-info";
        info.textContent = this.t("query.page").replace("{page}", this.page + 1).replace("{pages}", pages);
        pager.append(prev, info, next);
        this.el.appendChild(pager);
      }
    }
  }

  SG.ResultTable = ResultTable;

  // "3 筆結果" / "1 row" / "3 rows"
  SG.countText = function (n, t) {
    if (!n) return t("query.none");
    return `${n} ${n === 1 ? t("query.row") : t("query.rows")}`;
  };
})(window.SG);
