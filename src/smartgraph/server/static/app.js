// smartgraph web page: canned queries with typed forms, the SPARQL editor (YASGUI), and the diplomacy network
// (Cytoscape.js). Every asset comes from this server: the page works offline.
"use strict";

const JSON_RESULTS = "application/sparql-results+json";
const TIE_COLOURS = { "agreement": "#c84c09", "sister-city": "#2a6fdb", "participation": "#7d868c" };
const CANNED_LIMIT = 1000; // rows a canned query fetches at a time; the table pages through them
const state = { lang: "zh-Hant", strings: {}, queries: [], current: null, yasgui: null, cy: null, chosen: {}, next: null, rows: null };
const $ = (id) => document.getElementById(id);
const baseIri = document.body.dataset.baseIri || "";
const SG = window.SG;

function t(key) { return (state.strings[state.lang] || {})[key] || key; }
function pick(texts, fallback) { return (texts && (texts[state.lang] || texts.en)) || fallback; }

function pickLanguage() {
  const param = new URLSearchParams(location.search).get("lang");
  const stored = localStorage.getItem("smartgraph.lang");
  const cand = (param || stored || document.documentElement.lang || "zh-Hant").toLowerCase();
  return cand.startsWith("en") ? "en" : "zh-Hant";
}

function applyStrings() {
  document.documentElement.lang = state.lang;
  document.querySelectorAll("[data-i18n]").forEach((el) => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll("[data-i18n-aria-label]").forEach((el) => el.setAttribute("aria-label", t(el.dataset.i18nAriaLabel)));
  const other = state.lang === "en" ? "zh-Hant" : "en";
  const sw = $("lang-switch");
  sw.textContent = (state.strings[other] || {})["lang.name"] || other;
  sw.lang = other;
  document.title = t("app.title");
  fillQuerySelect();
  fillExamples();
  if (state.current) selectQuery(state.current.name, true);
  translateYasgui();
  drawLegend();
}

// ------------------------------------------------------------------ canned queries

async function loadQueries() {
  const res = await fetch("/queries", { headers: { Accept: "application/json" } });
  state.queries = await res.json();
  fillQuerySelect();
  fillExamples();
  const first = state.queries.find((q) => q.name === "officials") || state.queries[0];
  if (first && !state.current) selectQuery(first.name);
}

function fillQuerySelect() {
  const sel = $("query-select");
  if (!state.queries.length) return;
  const keep = state.current ? state.current.name : sel.value;
  sel.replaceChildren();
  state.queries.forEach((q) => {
    const opt = document.createElement("option");
    opt.value = q.name;
    opt.textContent = pick(q.labels, q.name);
    sel.appendChild(opt);
  });
  if (keep) sel.value = keep;
}

function field(p) {
  // one parameter's input, by its type: completion for IRIs, a date picker, a select for enums and languages
  const id = "param-" + p.name;
  if (p.type === "enum" || p.type === "language") {
    const input = document.createElement("select");
    const values = p.type === "language" ? ["zh-Hant", "en"] : ["", ...p.values];
    values.forEach((v) => {
      const o = document.createElement("option");
      o.value = v;
      o.textContent = !v ? t("query.any") : p.type === "language" ? t("language." + v) : (t("value." + v) !== "value." + v ? t("value." + v) : v);
      input.appendChild(o);
    });
    input.value = p.type === "language" ? state.lang : (p.default || "");
    input.id = id;
    input.name = p.name;
    return input;
  }
  if (p.type === "iri" && (p.classes.length || p.scheme)) return combobox(p, id);
  const input = document.createElement("input");
  input.type = p.type === "integer" ? "number" : p.type === "date" ? "date" : p.type === "iri" ? "url" : "text";
  if (p.default) input.value = p.default;
  if (p.type === "lang-string") input.placeholder = state.lang === "en" ? "Taipei@en" : "臺北@zh-Hant";
  input.required = p.required;
  input.id = id;
  input.name = p.name;
  return input;
}

// an accessible combobox (ARIA 1.2 pattern): type a name in either language, pick from the list; several for a
// multi-valued parameter (each a removable chip); a full IRI typed and Enter also works
function combobox(p, id) {
  const box = document.createElement("div");
  box.className = "combo";
  const input = document.createElement("input");
  input.type = "text";
  input.id = id;
  input.dataset.param = p.name;
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", id + "-list");
  input.placeholder = t("query.search");
  input.required = p.required && !(state.chosen[p.name] || []).length;
  const list = document.createElement("ul");
  list.id = id + "-list";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", pick(p.labels, p.name));
  list.hidden = true;
  const chips = document.createElement("div");
  chips.className = "chips";
  chips.id = id + "-chosen";
  let options = [];
  let active = -1;
  let timer = null;
  let seq = 0;

  const drawChips = () => {
    chips.replaceChildren();
    (state.chosen[p.name] || []).forEach((c, i) => {
      const chip = document.createElement("span");
      chip.className = "chip";
      chip.dataset.iri = c.iri;
      chip.title = c.iri;
      chip.append(c.labels ? (c.labels[state.lang] || c.label) : c.label);
      const x = document.createElement("button");
      x.type = "button";
      x.textContent = "×";
      x.setAttribute("aria-label", t("query.remove") + " " + c.label);
      x.addEventListener("click", () => { state.chosen[p.name].splice(i, 1); drawChips(); updateDownload(); input.focus(); });
      chip.appendChild(x);
      chips.appendChild(chip);
    });
    input.required = p.required && !(state.chosen[p.name] || []).length;
  };
  const close = () => { list.hidden = true; input.setAttribute("aria-expanded", "false"); input.removeAttribute("aria-activedescendant"); active = -1; };
  const choose = (c) => {
    clearTimeout(timer);
    seq += 1; // a suggestion still on its way is not shown once a choice is made
    state.chosen[p.name] = p.multiple ? [...(state.chosen[p.name] || []).filter((x) => x.iri !== c.iri), c] : [c];
    input.value = "";
    close();
    drawChips();
    updateDownload();
  };
  const highlight = (i) => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute("aria-selected", String(j === i)));
    if (i >= 0 && list.children[i]) {
      input.setAttribute("aria-activedescendant", list.children[i].id);
      list.children[i].scrollIntoView({ block: "nearest" });
    }
  };
  const suggest = async () => {
    const mine = ++seq;
    const url = `/complete?query=${encodeURIComponent(state.current.name)}&param=${encodeURIComponent(p.name)}` +
      `&q=${encodeURIComponent(input.value.trim())}&lang=${encodeURIComponent(state.lang)}&limit=12`;
    const res = await fetch(url, { headers: { Accept: "application/json" } });
    if (mine !== seq) return; // a later keystroke asked again
    options = res.ok ? await res.json() : [];
    list.replaceChildren();
    if (!res.ok) { // busy (429, 503) or refused: say so rather than "nothing matches"
      const li = document.createElement("li");
      li.className = "nomatch error";
      li.textContent = t("error") + ": " + problemText(await res.text(), null);
      list.appendChild(li);
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      return;
    }
    options.forEach((c, i) => {
      const li = document.createElement("li");
      li.id = `${id}-opt-${i}`;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.dataset.iri = c.iri;
      li.append(c.label);
      const other = state.lang === "en" ? c.labels["zh-Hant"] : c.labels.en;
      if (other && other !== c.label) {
        const s = document.createElement("small");
        s.textContent = other;
        li.appendChild(s);
      }
      li.addEventListener("mousedown", (e) => { e.preventDefault(); choose(c); });
      list.appendChild(li);
    });
    if (!options.length) {
      const li = document.createElement("li");
      li.className = "nomatch";
      li.textContent = t("query.nomatch");
      list.appendChild(li);
    }
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    active = -1;
  };
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(suggest, 150); });
  input.addEventListener("focus", () => { if (!input.value) suggest(); });
  input.addEventListener("blur", () => setTimeout(close, 100));
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown") { e.preventDefault(); if (list.hidden) suggest(); else highlight(Math.min(active + 1, options.length - 1)); }
    else if (e.key === "ArrowUp") { e.preventDefault(); highlight(Math.max(active - 1, 0)); }
    else if (e.key === "Escape") { close(); }
    else if (e.key === "Enter") {
      if (!list.hidden && active >= 0 && options[active]) { e.preventDefault(); choose(options[active]); }
      else if (/^https?:\/\/\S+$/.test(input.value.trim())) { e.preventDefault(); const v = input.value.trim(); choose({ iri: v, label: SG.shortIri(v) }); }
    }
  });
  box.append(input, list);
  const wrap = document.createElement("div");
  wrap.append(chips, box);
  drawChips();
  return wrap;
}

function selectQuery(name, keepValues) {
  const q = state.queries.find((x) => x.name === name);
  if (!q) return;
  const old = {};
  if (keepValues) document.querySelectorAll("#query-params [name]").forEach((el) => { old[el.name] = el.value; });
  else state.chosen = {};
  state.current = q;
  $("query-select").value = name;
  $("query-summary").textContent = pick(q.summaries, q.summary);
  const box = $("query-params");
  box.replaceChildren();
  q.params.forEach((p) => {
    const label = document.createElement("label");
    label.textContent = pick(p.labels, p.name) + (p.required ? " *" : "");
    label.htmlFor = "param-" + p.name;
    const wrap = document.createElement("div");
    wrap.className = "field";
    const input = field(p);
    if (keepValues && old[p.name] !== undefined && p.type !== "language") {
      const el = input.matches("[name]") ? input : input.querySelector("[name]");
      if (el) el.value = old[p.name];
    }
    const help = document.createElement("small");
    help.id = "param-" + p.name + "-help";
    help.textContent = pick(p.descriptions, p.description) + (p.multiple ? `（${t("query.several")}）`.replace(/^（(.*)）$/, state.lang === "en" ? " ($1)" : "（$1）") : "");
    const target = input.matches("input, select") ? input : input.querySelector("input, select");
    if (target) target.setAttribute("aria-describedby", help.id);
    wrap.append(input, help);
    box.append(label, wrap);
  });
  if (!keepValues) {
    $("query-results").replaceChildren();
    $("query-status").textContent = "";
    state.rows = null;
  } else if (state.rows) {
    runQuery();
  }
  updateDownload();
}

function queryParams() {
  const q = state.current;
  const params = new URLSearchParams();
  q.params.forEach((p) => {
    if (state.chosen[p.name] && state.chosen[p.name].length) {
      state.chosen[p.name].forEach((c) => params.append(p.name, c.iri));
      return;
    }
    const el = document.querySelector(`#query-params [name="${p.name}"]`) || $("param-" + p.name);
    const v = el ? el.value.trim() : "";
    if (!v) return;
    (p.multiple && p.type !== "iri" ? v.split(/\s*,\s*/) : [v]).forEach((x) => x && params.append(p.name, x));
  });
  return params;
}

function updateDownload() {
  if (!state.current) return;
  const params = queryParams();
  params.set("format", "csv");
  $("query-download").href = "/queries/" + encodeURIComponent(state.current.name) + "?" + params.toString();
}

async function runQuery(more) {
  const status = $("query-status");
  const q = state.current;
  status.className = "status";
  status.textContent = t("query.loading");
  let url = more && state.next;
  if (!url) {
    const params = queryParams();
    params.set("limit", String(CANNED_LIMIT));
    url = "/queries/" + encodeURIComponent(q.name) + "?" + params.toString();
  }
  document.querySelectorAll("#query-params [aria-invalid]").forEach((el) => el.removeAttribute("aria-invalid"));
  const res = await fetch(url, { headers: { Accept: JSON_RESULTS } });
  if (!res.ok) {
    status.className = "status error";
    status.textContent = t("error") + ": " + problemText(await res.text(), q);
    $("query-results").replaceChildren();
    return;
  }
  const links = parseLinks(res.headers.get("Link"));
  const data = await res.json();
  if (more && state.rows) data.results.bindings = state.rows.concat(data.results.bindings);
  state.rows = data.results.bindings;
  state.next = links.next || null;
  const table = new SG.ResultTable($("query-results"), {
    t, lang: state.lang, baseIri, caption: pick(q.labels, q.name), header: (v) => (q.columns[v] && pick(q.columns[v], v)) || v,
  });
  const n = await table.render(data);
  status.textContent = SG.countText(n, t);
  if (state.next) {
    const b = document.createElement("button");
    b.type = "button";
    b.id = "query-more";
    b.textContent = t("query.more");
    b.addEventListener("click", () => runQuery(true));
    $("query-results").appendChild(b);
  }
  updateDownload();
}

// an error answer (application/problem+json, RFC 9457) as one line: each parameter it names, by its label on the
// form, with what went wrong (and how to fix it); those fields are marked invalid. Other bodies are shown as text.
function problemText(body, q) {
  let doc;
  try { doc = JSON.parse(body); } catch (e) { return body; }
  if (!doc || typeof doc !== "object") return body;
  const hint = (h) => (h ? ` (${h})` : "");
  const errors = Array.isArray(doc.errors) ? doc.errors : [];
  if (!errors.length) return (doc.detail || doc.title || body) + hint(doc.hint);
  return errors.map((e) => {
    const p = q && q.params.find((x) => x.name === e.name);
    const el = p && document.getElementById("param-" + p.name);
    if (el) el.setAttribute("aria-invalid", "true");
    const detail = String(e.detail || doc.detail || "").replace(/^(query '[^']*': )?parameter '[^']*': /, "");
    return `${p ? pick(p.labels, p.name) : e.name}: ${detail}${hint(e.hint)}`;
  }).join("; ");
}

function parseLinks(header) {
  const out = {};
  (header || "").split(",").forEach((part) => {
    const m = part.match(/<([^>]*)>\s*;\s*rel="([^"]+)"/);
    if (m) out[m[2]] = m[1];
  });
  return out;
}

// ------------------------------------------------------------------ the SPARQL editor (YASGUI)

const PREFIXES = {
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#", rdfs: "http://www.w3.org/2000/01/rdf-schema#",
  xsd: "http://www.w3.org/2001/XMLSchema#", owl: "http://www.w3.org/2002/07/owl#", skos: "http://www.w3.org/2004/02/skos/core#",
  dct: "http://purl.org/dc/terms/", schema: "https://schema.org/", org: "http://www.w3.org/ns/org#",
  prov: "http://www.w3.org/ns/prov#", oa: "http://www.w3.org/ns/oa#", foaf: "http://xmlns.com/foaf/0.1/",
  scd: "https://w3id.org/scd#", sg: baseIri,
};
const DEFAULT_QUERY = Object.entries(PREFIXES).map(([p, ns]) => `PREFIX ${p}: <${ns}>`).join("\n") +
  "\n\nSELECT ?city ?name WHERE {\n  ?city a schema:City ; rdfs:label ?name .\n}\nORDER BY ?name\nLIMIT 50\n";

// YASGUI speaks English only: its visible words and button titles, both ways
const YASGUI_WORDS = [
  ["Table", "表格"], ["Response", "原始回應"], ["Raw response", "原始回應"], ["Download result", "下載結果"], ["Share query", "分享查詢連結"],
  ["Run query", "執行查詢"], ["Add tab", "新增分頁"], ["Close tab", "關閉分頁"], ["Query", "查詢"], ["New Tab", "新分頁"],
  ["Rename Tab", "重新命名分頁"], ["Copy Tab", "複製分頁"], ["Close Tab", "關閉分頁"], ["Close other tabs", "關閉其他分頁"],
  ["Reopen tab", "重新開啟分頁"], ["Simple view", "簡易檢視"], ["Ellipse", "縮短文字"], ["Filter query results", "篩選結果"],
  ["Page size: ", "每頁筆數："], ["Show all", "全部顯示"], ["Shorten", "縮短"], ["cURL", "cURL"],
  ["Copy to clipboard", "複製到剪貼簿"], ["Press CTRL - <spacebar> to autocomplete", "按 Ctrl+空白鍵自動完成"],
  ["Add a new tab", "新增分頁"], ["Download Results", "下載結果"], ["Download not supported", "無法下載"],
  ["This plugin doesn't have a help reference yet. Please contact the maintainer to fix this", "此檢視沒有說明文件"], ["Resize", "調整大小"], ["Open settings", "開啟設定"],
];
const WORDS = { en: new Map(), "zh-Hant": new Map() };
YASGUI_WORDS.forEach(([en, zh]) => { WORDS["zh-Hant"].set(en, zh); WORDS.en.set(zh, en); });
// patterns with a plugin's name inside: [English, 中文]
const YASGUI_PATTERNS = [[/^Shows (.+) view$/, "Shows $1 view", /^顯示「(.+)」$/, "顯示「$1」"],
  [/^View documentation of (.+)$/, "View documentation of $1", /^「(.+)」的說明$/, "「$1」的說明"]];

function translated(text) {
  const map = WORDS[state.lang];
  if (map.has(text)) return map.get(text);
  for (const [en, enT, zh, zhT] of YASGUI_PATTERNS) {
    if (state.lang === "zh-Hant" && en.test(text)) return text.replace(en, zhT);
    if (state.lang === "en" && zh.test(text)) return text.replace(zh, enT);
  }
  return null;
}

function translateNode(root) {
  const map = WORDS[state.lang];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  nodes.forEach((n) => {
    if (n.parentElement && n.parentElement.closest(".CodeMirror, .results, .yasr_results")) return; // the query and its results are data
    const raw = n.nodeValue.trim();
    const to = map.get(raw) || (/^(.+?) (\d+)$/.test(raw) && map.get(raw.replace(/ \d+$/, "")) ? map.get(raw.replace(/ \d+$/, "")) + " " + raw.match(/\d+$/)[0] : null);
    if (to) n.nodeValue = n.nodeValue.replace(raw, to);
  });
  root.querySelectorAll("[title], [aria-label], [placeholder]").forEach((el) => {
    ["title", "aria-label", "placeholder"].forEach((a) => {
      const v = el.getAttribute(a);
      const to = v && translated(v);
      if (to && to !== v) el.setAttribute(a, to);
    });
  });
}

function fixYasguiAccessibility(root) {
  // the add-tab button sits inside YASGUI's tablist, where only tabs may be; the editor's textarea has no label
  root.querySelectorAll(".tabsList button.addTab:not([role])").forEach((b) => { b.setAttribute("role", "tab"); b.setAttribute("aria-selected", "false"); });
  root.querySelectorAll(".CodeMirror textarea").forEach((ta) => ta.setAttribute("aria-label", t("sparql.editor")));
  root.querySelectorAll(".tabsList input[type=text]").forEach((i) => i.setAttribute("aria-label", t("sparql.tabname")));
}

function translateYasgui() {
  if (!state.yasgui) return;
  translateNode($("yasgui"));
  fixYasguiAccessibility($("yasgui"));
  Object.values(state.yasgui._tabs || {}).forEach((tab) => {
    const yasr = tab.getYasr && tab.getYasr();
    if (yasr && yasr.plugins) {
      if (yasr.plugins.sgtable) yasr.plugins.sgtable.label = t("yasr.table");
      if (yasr.plugins.response) yasr.plugins.response.label = t("yasr.response");
      if (yasr.results) { yasr.drawPluginSelectors(); yasr.updateResponseInfo(); yasr.refresh(); }
    }
  });
}

class SgTablePlugin {
  constructor(yasr) {
    this.yasr = yasr;
    this.priority = 20;
    this.label = t("yasr.table");
    this.helpReference = undefined;
  }
  canHandleResults() {
    const r = this.yasr.results;
    return !!r && !r.hasError() && (r.getBoolean() !== undefined || (r.getVariables() || []).length > 0);
  }
  getIcon() {
    const el = document.createElement("span");
    el.setAttribute("aria-hidden", "true");
    el.textContent = "▦";
    return el;
  }
  draw() {
    const r = this.yasr.results;
    const results = r.getBoolean() !== undefined ? { head: {}, boolean: r.getBoolean() }
      : { head: { vars: r.getVariables() }, results: { bindings: r.getBindings() } };
    const box = document.createElement("div");
    box.className = "sg-results";
    this.yasr.resultsEl.appendChild(box);
    return new SG.ResultTable(box, { t, lang: state.lang, baseIri, caption: t("table.results") }).render(results);
  }
  download() {
    const r = this.yasr.results;
    if (!r || r.getBoolean() !== undefined) return undefined;
    return { contentType: "text/csv", getData: () => r.asCsv(), filename: "smartgraph-results.csv", title: t("query.download") };
  }
}

function sparqlCompleter(name, kind) {
  // classes and properties of this store, asked once of this server (YASQE would ask an outside service): /terms,
  // in the cheap lane, so that they never take the client's small share of /sparql, which is for the user's queries
  const base = window.Yasqe.Autocompleters[kind];
  return Object.assign({}, base, {
    name, bulk: true, autoShow: false, persistenceId: null,
    get: async () => {
      const res = await fetch("/terms?kind=" + encodeURIComponent(kind), { headers: { Accept: "application/json" } });
      return res.ok ? res.json() : [];
    },
  });
}

function initYasgui() {
  if (state.yasgui) return state.yasgui;
  const Yasgui = window.Yasgui;
  const Yasr = Yasgui.Yasr;
  Yasr.registerPlugin("sgtable", SgTablePlugin);
  delete Yasr.plugins.table; // ours shows labels and links to entity pages
  const Response = Yasr.plugins.response;
  Yasr.registerPlugin("response", class extends Response {
    constructor(yasr) { super(yasr); this.label = t("yasr.response"); }
  });
  Yasr.prototype.updateResponseInfo = function () { // the results chip, in the page's language
    let text = "";
    if (this.results) {
      this.dataElement.classList.remove("empty");
      const b = this.results.getBindings();
      if (b) text = `${b.length} ${b.length === 1 ? t("yasr.result") : t("yasr.results")}`;
      const ms = this.results.getResponseTime();
      if (ms) text = (text || t("yasr.response.only")) + `${t("yasr.in")} ${(ms / 1000).toFixed(2)} ${t("yasr.seconds")}`;
    } else this.dataElement.classList.add("empty");
    this.dataElement.textContent = text;
  };
  window.Yasqe.registerAutocompleter(sparqlCompleter("sgClass", "class"), true);
  window.Yasqe.registerAutocompleter(sparqlCompleter("sgProperty", "property"), true);
  for (const conf of [Yasr.defaults, Yasgui.defaults.yasr]) {
    conf.pluginOrder = ["sgtable", "response"];
    conf.defaultPlugin = "sgtable";
    conf.prefixes = PREFIXES;
  }
  Yasgui.defaults.yasqe.autocompleters = ["prefixes", "variables", "sgClass", "sgProperty"];
  Yasgui.defaults.yasqe.value = DEFAULT_QUERY;
  Yasgui.defaults.yasqe.prefixCcApi = null;
  Yasgui.defaults.yasqe.collapsePrefixesOnLoad = true;
  Yasgui.defaults.endpointCatalogueOptions.getData = () => [];
  state.yasgui = new Yasgui($("yasgui"), {
    requestConfig: { endpoint: location.origin + "/sparql", method: "POST" },
    copyEndpointOnNewTab: true,
    tabName: t("sparql.tab"),
    persistenceId: "smartgraph-yasgui",
    resizeable: true,
  });
  // YASGUI takes a shared link's query out of the address (and clears the fragment): the editor stays in view
  if (!location.hash || location.hash === "#" || /(^#|&)query=/.test(location.hash)) history.replaceState(null, "", location.pathname + location.search + "#sparql");
  const observer = new MutationObserver(() => {
    observer.disconnect();
    translateNode($("yasgui"));
    fixYasguiAccessibility($("yasgui"));
    observer.observe($("yasgui"), { childList: true, subtree: true }); });
  observer.observe($("yasgui"), { childList: true, subtree: true });
  translateYasgui();
  return state.yasgui;
}

function fillExamples() {
  const sel = $("example-select");
  if (!state.queries.length) return;
  sel.replaceChildren();
  const none = document.createElement("option");
  none.value = "";
  none.textContent = t("sparql.pick");
  sel.appendChild(none);
  state.queries.forEach((q) => {
    const o = document.createElement("option");
    o.value = q.name;
    o.textContent = pick(q.labels, q.name);
    sel.appendChild(o);
  });
}

function openExample(name) {
  const q = state.queries.find((x) => x.name === name);
  if (!q) return;
  const y = initYasgui();
  const tab = y.addTab(true, { name: pick(q.labels, q.name) });
  tab.setQuery(q.sparql);
  $("example-select").value = "";
}

// ------------------------------------------------------------------ the network (Cytoscape.js)

function drawLegend() {
  const legend = $("network-legend");
  legend.replaceChildren();
  Object.entries(TIE_COLOURS).forEach(([tie, colour]) => {
    const s = document.createElement("span");
    const i = document.createElement("i");
    i.style.background = colour;
    s.append(i, t("network." + tie));
    legend.appendChild(s);
  });
}

async function drawNetwork() {
  const res = await fetch(`/queries/network?lang=${encodeURIComponent(state.lang)}&limit=2000`, { headers: { Accept: JSON_RESULTS } });
  const rows = res.ok ? (await res.json()).results.bindings : [];
  const nodes = new Map();
  const node = (iri, name) => {
    if (!nodes.has(iri)) nodes.set(iri, { id: iri, label: name || SG.shortIri(iri), degree: 0 });
    return nodes.get(iri);
  };
  const edges = rows.map((r, i) => {
    const a = node(r.source.value, r.sourceName && r.sourceName.value);
    const b = node(r.target.value, r.targetName && r.targetName.value);
    a.degree += 1;
    b.degree += 1;
    return { data: { id: "e" + i, source: a.id, target: b.id, tie: r.tie.value, weight: Number(r.weight.value) } };
  });
  const list = [...nodes.values()];
  const hub = list.reduce((x, y) => (y.degree > x.degree ? y : x), list[0] || {});
  // the hub in the middle, the other places on a circle around it, each given an arc as wide as its label:
  // labels never overlap, and the picture is as small as that allows
  const measure = document.createElement("canvas").getContext("2d");
  measure.font = "13px 'Noto Sans TC', 'WenQuanYi Zen Hei', sans-serif";
  const others = list.filter((n) => n !== hub).sort((x, y) => x.label.localeCompare(y.label));
  const widths = others.map((n) => measure.measureText(n.label).width + 16);
  const total = widths.reduce((a, b) => a + b, 0);
  const radius = Math.max(140, total / (2 * Math.PI) * 1.1);
  const positions = { [hub.id]: { x: 0, y: 0 } };
  let angle = -Math.PI / 2;
  others.forEach((n, i) => {
    const arc = (widths[i] / total) * 2 * Math.PI;
    positions[n.id] = { x: radius * Math.cos(angle + arc / 2), y: radius * Math.sin(angle + arc / 2) };
    angle += arc;
  });
  const elements = [...list.map((n) => ({ data: { ...n, hub: n === hub ? 1 : 0 } })), ...edges];
  if (state.cy) state.cy.destroy();
  const cy = window.cytoscape({
    container: $("network"),
    elements,
    minZoom: 0.2,
    maxZoom: 4,
    style: [
      { selector: "node", style: {
        "label": "data(label)", "font-size": 13, "color": "#1d232a", "text-valign": "bottom", "text-margin-y": 3, "text-halign": "center",
        "text-background-color": "#ffffff", "text-background-opacity": 0.85, "text-background-padding": 1,
        "width": "mapData(degree, 1, 20, 12, 34)", "height": "mapData(degree, 1, 20, 12, 34)",
        "background-color": "#f4f7f9", "border-color": "#0b6e4f", "border-width": 2,
        "font-family": "Noto Sans TC, WenQuanYi Zen Hei, sans-serif",
      } },
      { selector: "node[hub = 1]", style: { "background-color": "#0b6e4f", "font-weight": "bold", "font-size": 14, "width": 36, "height": 36 } },
      { selector: "edge", style: { "curve-style": "bezier", "width": "mapData(weight, 1, 6, 1.5, 6)", "opacity": 0.8 } },
      ...Object.entries(TIE_COLOURS).map(([tie, colour]) => ({ selector: `edge[tie = "${tie}"]`, style: { "line-color": colour } })),
      { selector: "node:active, node:selected", style: { "overlay-opacity": 0.15 } },
    ],
    layout: { name: "preset", positions: (n) => positions[n.id()], fit: true, padding: 24 },
  });
  cy.on("tap", "node", (e) => { location.href = SG.entityHref(e.target.id(), baseIri, state.lang); });
  cy.on("mouseover", "node", () => { $("network").style.cursor = "pointer"; });
  cy.on("mouseout", "node", () => { $("network").style.cursor = ""; });
  state.cy = cy;
  window.sgNetwork = cy;
  const ul = document.querySelector("#network-places ul");
  ul.replaceChildren();
  list.sort((x, y) => x.label.localeCompare(y.label)).forEach((n) => {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = SG.entityHref(n.id, baseIri, state.lang);
    a.textContent = n.label;
    li.appendChild(a);
    ul.appendChild(li);
  });
  $("network").dataset.drawn = String(list.length);
}

// ------------------------------------------------------------------ views and start-up

function currentView() {
  if (/(^#|&)query=/.test(location.hash)) return "sparql"; // a shared YASGUI link
  const v = (location.hash || "#queries").slice(1).split("/")[0];
  return ["queries", "sparql", "network"].includes(v) ? v : "queries";
}

function show() {
  const view = currentView();
  ["queries", "sparql", "network"].forEach((v) => { $("view-" + v).hidden = v !== view; });
  document.querySelectorAll("header nav a").forEach((a) => {
    const on = a.getAttribute("href") === "#" + view;
    a.classList.toggle("active", on);
    if (on) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
  });
  if (view === "sparql") initYasgui();
  if (view === "network") drawNetwork();
}

async function start() {
  state.lang = pickLanguage();
  state.strings = await (await fetch("/static/i18n.json")).json();
  drawLegend();
  $("lang-switch").addEventListener("click", () => {
    state.lang = state.lang === "en" ? "zh-Hant" : "en";
    localStorage.setItem("smartgraph.lang", state.lang);
    document.cookie = `smartgraph.lang=${state.lang}; path=/; max-age=31536000; SameSite=Lax`; // entity pages follow the switch
    const u = new URL(location.href);
    if (u.searchParams.has("lang")) { u.searchParams.set("lang", state.lang); history.replaceState(null, "", u); }
    applyStrings();
    if (currentView() === "network") drawNetwork();
  });
  $("query-select").addEventListener("change", (e) => selectQuery(e.target.value));
  $("query-form").addEventListener("submit", (e) => { e.preventDefault(); runQuery(); });
  $("query-form").addEventListener("input", updateDownload);
  $("query-form").addEventListener("change", updateDownload);
  $("example-select").addEventListener("change", (e) => openExample(e.target.value));
  $("network-fit").addEventListener("click", () => state.cy && state.cy.fit(undefined, 20));
  $("network-zoomin").addEventListener("click", () => state.cy && state.cy.zoom({ level: state.cy.zoom() * 1.3, renderedPosition: { x: state.cy.width() / 2, y: state.cy.height() / 2 } }));
  $("network-zoomout").addEventListener("click", () => state.cy && state.cy.zoom({ level: state.cy.zoom() / 1.3, renderedPosition: { x: state.cy.width() / 2, y: state.cy.height() / 2 } }));
  window.addEventListener("hashchange", show);
  await loadQueries();
  applyStrings();
  show();
  document.body.dataset.ready = "true";
}

start();
