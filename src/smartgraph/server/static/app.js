// smartgraph web page: canned queries with forms, a SPARQL editor, and the diplomacy network.
// No framework and no assets from elsewhere: everything comes from this server.
"use strict";

const JSON_RESULTS = "application/sparql-results+json";
const TIE_COLOURS = { "agreement": "#c84c09", "sister-city": "#2a6fdb", "participation": "#8a9399" };
const state = { lang: "zh-Hant", strings: {}, queries: [], current: null, pageUrl: null, links: {} };
const $ = (id) => document.getElementById(id);
const baseIri = document.body.dataset.baseIri || "";

function t(key) { return (state.strings[state.lang] || {})[key] || key; }

function pickLanguage() {
  const param = new URLSearchParams(location.search).get("lang");
  const stored = localStorage.getItem("smartgraph.lang");
  const cand = (param || stored || navigator.language || "zh-Hant").toLowerCase();
  return cand.startsWith("en") ? "en" : "zh-Hant";
}

function applyStrings() {
  document.documentElement.lang = state.lang;
  document.querySelectorAll("[data-i18n]").forEach((el) => { el.textContent = t(el.dataset.i18n); });
  const other = state.lang === "en" ? "zh-Hant" : "en";
  $("lang-switch").textContent = (state.strings[other] || {})["lang.name"] || other;
  document.title = t("app.title");
  fillQuerySelect();
}

function entityHref(iri) {
  if (baseIri && iri.startsWith(baseIri)) {
    return "/id/" + iri.slice(baseIri.length).split("/").map(encodeURIComponent).join("/") + "?lang=" + state.lang;
  }
  if (iri.startsWith("https://w3id.org/scd")) return "/resource?iri=" + encodeURIComponent(iri) + "&lang=" + state.lang;
  return iri;
}

function shortIri(iri) {
  const m = iri.match(/[#/]([^#/]+)\/?$/);
  return m ? decodeURIComponent(m[1]) : iri;
}

// ------------------------------------------------------------------ result tables

function renderTable(table, results) {
  table.replaceChildren();
  if ("boolean" in results) {
    table.innerHTML = "<tbody><tr><td></td></tr></tbody>";
    table.querySelector("td").textContent = String(results.boolean);
    return 1;
  }
  const vars = results.head.vars;
  const rows = results.results.bindings;
  // a uri column X with a column XName beside it: show XName as the link's text, and hide XName
  const named = new Set(vars.filter((v) => vars.includes(v + "Name") && rows.some((r) => r[v] && r[v].type === "uri")));
  const shown = vars.filter((v) => !(v.endsWith("Name") && named.has(v.slice(0, -4))));
  const thead = table.createTHead().insertRow();
  shown.forEach((v) => { const th = document.createElement("th"); th.textContent = v; thead.appendChild(th); });
  const body = table.createTBody();
  rows.forEach((r) => {
    const tr = body.insertRow();
    shown.forEach((v) => {
      const td = tr.insertCell();
      const cell = r[v];
      if (!cell) return;
      if (cell.type === "uri") {
        const a = document.createElement("a");
        a.href = entityHref(cell.value);
        a.title = cell.value;
        a.className = "entity";
        a.textContent = named.has(v) && r[v + "Name"] ? r[v + "Name"].value : shortIri(cell.value);
        td.appendChild(a);
      } else {
        td.textContent = cell.value;
      }
    });
  });
  return rows.length;
}

function parseLinks(header) {
  const out = {};
  (header || "").split(",").forEach((part) => {
    const m = part.match(/<([^>]*)>\s*;\s*rel="([^"]+)"/);
    if (m) out[m[2]] = m[1];
  });
  return out;
}

// ------------------------------------------------------------------ canned queries

async function loadQueries() {
  const res = await fetch("/queries", { headers: { Accept: "application/json" } });
  state.queries = await res.json();
  fillQuerySelect();
  const first = state.queries.find((q) => q.name === "officials") || state.queries[0];
  if (first && !state.current) selectQuery(first.name);
}

function fillQuerySelect() {
  const sel = $("query-select");
  if (!sel || !state.queries.length) return;
  const keep = state.current ? state.current.name : sel.value;
  sel.replaceChildren();
  state.queries.forEach((q) => {
    const opt = document.createElement("option");
    opt.value = q.name;
    opt.textContent = (q.labels && (q.labels[state.lang] || q.labels.en)) || q.name;
    sel.appendChild(opt);
  });
  if (keep) sel.value = keep;
  if (state.current) $("query-summary").textContent = state.current.summary;
  const langInput = document.querySelector('#query-params [name="lang"]');
  if (langInput) langInput.value = state.lang;
}

function selectQuery(name) {
  const q = state.queries.find((x) => x.name === name);
  if (!q) return;
  state.current = q;
  $("query-select").value = name;
  $("query-summary").textContent = q.summary;
  const box = $("query-params");
  box.replaceChildren();
  q.params.forEach((p) => {
    const label = document.createElement("label");
    label.textContent = p.name + (p.required ? " *" : "");
    label.htmlFor = "param-" + p.name;
    let input;
    if (p.type === "enum" || p.type === "language") {
      input = document.createElement("select");
      const values = p.type === "language" ? ["zh-Hant", "en"] : p.values;
      if (p.type === "enum") values.unshift("");
      values.forEach((v) => {
        const o = document.createElement("option");
        o.value = v;
        o.textContent = v || t("query.any");
        input.appendChild(o);
      });
      input.value = p.type === "language" ? state.lang : (p.default || "");
    } else {
      input = document.createElement("input");
      input.type = p.type === "integer" ? "number" : p.type === "date" ? "date" : p.type === "iri" ? "url" : "text";
      if (p.default) input.value = p.default;
      if (p.type === "iri") input.placeholder = baseIri + "…";
      if (p.type === "lang-string") input.placeholder = "臺北@zh-Hant";
      input.required = p.required;
    }
    input.id = "param-" + p.name;
    input.name = p.name;
    const help = document.createElement("small");
    help.textContent = p.description + (p.multiple ? " (a, b, …)" : "");
    box.append(label, input, help);
  });
  $("query-results").replaceChildren();
  $("query-status").textContent = "";
  updateDownload();
}

function queryUrl(extra) {
  const q = state.current;
  const params = new URLSearchParams();
  q.params.forEach((p) => {
    const el = document.querySelector(`#query-params [name="${p.name}"]`);
    const v = el ? el.value.trim() : "";
    if (!v) return;
    (p.multiple ? v.split(/\s*,\s*/) : [v]).forEach((x) => x && params.append(p.name, x));
  });
  Object.entries(extra || {}).forEach(([k, v]) => params.set(k, v));
  return "/queries/" + encodeURIComponent(q.name) + "?" + params.toString();
}

function updateDownload() {
  if (state.current) $("query-download").href = queryUrl({ format: "csv" });
}

async function runQuery(url) {
  const status = $("query-status");
  status.className = "status";
  status.textContent = "…";
  state.pageUrl = url;
  const res = await fetch(url, { headers: { Accept: JSON_RESULTS } });
  if (!res.ok) {
    status.className = "status error";
    const body = await res.text();
    let msg = body;
    try { msg = JSON.parse(body).detail.map((d) => `${d.loc[1]}: ${d.msg}`).join("; "); } catch (e) { /* plain text */ }
    status.textContent = t("error") + ": " + msg;
    $("query-results").replaceChildren();
    return;
  }
  state.links = parseLinks(res.headers.get("Link"));
  const n = renderTable($("query-results"), await res.json());
  status.textContent = n ? `${n} ${t("query.rows")}` : t("query.none");
  $("page-prev").disabled = !state.links.prev;
  $("page-next").disabled = !state.links.next;
  updateDownload();
}

// ------------------------------------------------------------------ SPARQL editor

async function runSparql() {
  const status = $("sparql-status");
  status.className = "status";
  status.textContent = "…";
  const body = new URLSearchParams({ query: $("sparql-text").value });
  const res = await fetch("/sparql", { method: "POST", body, headers: { Accept: JSON_RESULTS + ", text/turtle;q=0.9" } });
  const text = await res.text();
  $("sparql-graph").hidden = true;
  if (!res.ok) {
    status.className = "status error";
    status.textContent = t("error") + ": " + text;
    $("sparql-results").replaceChildren();
    return;
  }
  if ((res.headers.get("Content-Type") || "").startsWith("text/turtle")) {
    $("sparql-results").replaceChildren();
    $("sparql-graph").textContent = text;
    $("sparql-graph").hidden = false;
    status.textContent = "";
    return;
  }
  const n = renderTable($("sparql-results"), JSON.parse(text));
  status.textContent = `${n} ${t("query.rows")}`;
}

// ------------------------------------------------------------------ the network

async function drawNetwork() {
  const svg = $("network");
  const res = await fetch(`/queries/network?lang=${encodeURIComponent(state.lang)}&limit=2000`, { headers: { Accept: JSON_RESULTS } });
  const rows = res.ok ? (await res.json()).results.bindings : [];
  const nodes = new Map();
  const node = (iri, name) => {
    if (!nodes.has(iri)) nodes.set(iri, { iri, name: name || shortIri(iri), degree: 0 });
    return nodes.get(iri);
  };
  const edges = rows.map((r) => {
    const a = node(r.source.value, r.sourceName && r.sourceName.value);
    const b = node(r.target.value, r.targetName && r.targetName.value);
    a.degree += 1;
    b.degree += 1;
    return { a, b, tie: r.tie.value, weight: Number(r.weight.value) };
  });
  svg.replaceChildren();
  const legend = $("network-legend");
  legend.replaceChildren();
  Object.entries(TIE_COLOURS).forEach(([tie, colour]) => {
    const s = document.createElement("span");
    s.innerHTML = `<i style="background:${colour}"></i>`;
    s.append(t("network." + tie));
    legend.appendChild(s);
  });
  if (!nodes.size) return;
  const ns = "http://www.w3.org/2000/svg";
  const list = [...nodes.values()].sort((x, y) => y.degree - x.degree || x.name.localeCompare(y.name));
  const hub = list[0];
  const others = list.slice(1).sort((x, y) => x.name.localeCompare(y.name));
  const cx = 450, cy = 350, radius = 290;
  hub.x = cx; hub.y = cy;
  others.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / others.length - Math.PI / 2;
    n.x = cx + radius * Math.cos(angle);
    n.y = cy + radius * Math.sin(angle);
    n.angle = angle;
  });
  const offsets = { "agreement": -4, "sister-city": 4, "participation": 0 };
  edges.forEach((e) => {
    const line = document.createElementNS(ns, "line");
    const o = offsets[e.tie] || 0;
    line.setAttribute("x1", e.a.x + o); line.setAttribute("y1", e.a.y + o);
    line.setAttribute("x2", e.b.x + o); line.setAttribute("y2", e.b.y + o);
    line.setAttribute("stroke", TIE_COLOURS[e.tie] || "#999");
    line.setAttribute("stroke-width", String(1.5 + Math.min(4, e.weight)));
    line.setAttribute("stroke-opacity", e.tie === "participation" ? "0.45" : "0.85");
    line.setAttribute("class", "edge edge-" + e.tie);
    svg.appendChild(line);
  });
  list.forEach((n) => {
    const a = document.createElementNS(ns, "a");
    a.setAttribute("href", entityHref(n.iri));
    a.setAttribute("class", n === hub ? "node hub" : "node");
    const c = document.createElementNS(ns, "circle");
    c.setAttribute("cx", n.x); c.setAttribute("cy", n.y);
    c.setAttribute("r", n === hub ? 16 : 5 + Math.min(8, n.degree * 1.5));
    c.setAttribute("fill", n === hub ? "#0b6e4f" : "#f4f7f9");
    c.setAttribute("stroke", "#0b6e4f");
    const label = document.createElementNS(ns, "text");
    const right = n === hub || Math.cos(n.angle) >= 0;
    label.setAttribute("x", n === hub ? n.x : n.x + (right ? 10 : -10));
    label.setAttribute("y", n === hub ? n.y - 22 : n.y + 4);
    label.setAttribute("text-anchor", n === hub ? "middle" : right ? "start" : "end");
    label.textContent = n.name;
    const title = document.createElementNS(ns, "title");
    title.textContent = `${n.name} (${n.degree})`;
    a.append(c, label, title);
    svg.appendChild(a);
  });
}

// ------------------------------------------------------------------ views and start-up

function show() {
  const view = (location.hash || "#queries").slice(1).split("/")[0];
  ["queries", "sparql", "network"].forEach((v) => { $("view-" + v).hidden = v !== view; });
  document.querySelectorAll("header nav a").forEach((a) => a.classList.toggle("active", a.getAttribute("href") === "#" + view));
  if (view === "network") drawNetwork();
}

async function start() {
  state.lang = pickLanguage();
  state.strings = await (await fetch("/static/i18n.json")).json();
  applyStrings();
  $("lang-switch").addEventListener("click", () => {
    state.lang = state.lang === "en" ? "zh-Hant" : "en";
    localStorage.setItem("smartgraph.lang", state.lang);
    applyStrings();
    if (state.pageUrl) {
      runQuery(queryUrl());
    }
    if (location.hash === "#network") drawNetwork();
  });
  $("query-select").addEventListener("change", (e) => selectQuery(e.target.value));
  $("query-form").addEventListener("submit", (e) => { e.preventDefault(); runQuery(queryUrl()); });
  $("query-form").addEventListener("input", updateDownload);
  $("page-prev").addEventListener("click", () => state.links.prev && runQuery(state.links.prev));
  $("page-next").addEventListener("click", () => state.links.next && runQuery(state.links.next));
  $("sparql-run").addEventListener("click", runSparql);
  window.addEventListener("hashchange", show);
  await loadQueries();
  show();
  document.body.dataset.ready = "true";
}

start();
