// The page's behaviour: edges drawn from the relations that pass the filters, evidence and actor panels,
// search. Every string from the data is put in the DOM as text (textContent), never as HTML; links only to
// http(s) URLs and to the input files (checked again here).
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const vis_data = JSON.parse(document.getElementById("kg-vis").textContent);
  const TEXT = {
    fr: {search: "Acteur", find: "Trouver", quadclass: "QuadClass", mode: "Mode", root: "Racine CAMEO",
         dates: "Dates", since: "depuis", until: "jusqu'à", undated: "relations non datées", minimum: "Relations par arête (min.)",
         legend: "Légende", hint: "Cliquez sur une arête pour ses relations et leurs preuves, sur un acteur pour son profil.",
         asserted: "affirmée", hypothetical: "hypothétique", negated: "niée", articles: "articles", relations: "relations",
         actors: "acteurs", built: "construit le", shown: "relations affichées sur", edges: "arêtes",
         kind: {state: "État", person: "personne", organisation: "organisation", collective: "acteur collectif"},
         notfound: "Aucun acteur de ce nom.", partners: "Principaux partenaires", wikidata: "Wikidata",
         level: {state: "niveau des États", actor: "niveau des acteurs"}, state: "État", goldstein: "Goldstein",
         source: "Source", measures: "Centralité", minConfidence: "Confiance (min.)", confidence: "confiance",
         all: "toutes", measureTitles: {relations: "relations", partners: "partenaires distincts"}},
    en: {search: "Actor", find: "Find", quadclass: "QuadClass", mode: "Mode", root: "CAMEO root",
         dates: "Dates", since: "since", until: "until", undated: "undated relations", minimum: "Relations per edge (min.)",
         legend: "Legend", hint: "Click an edge for its relations and their evidence, an actor for its profile.",
         asserted: "asserted", hypothetical: "hypothetical", negated: "negated", articles: "articles", relations: "relations",
         actors: "actors", built: "built on", shown: "relations shown on", edges: "edges",
         kind: {state: "state", person: "person", organisation: "organisation", collective: "collective actor"},
         notfound: "No actor by that name.", partners: "Main partners", wikidata: "Wikidata",
         level: {state: "state level", actor: "actor level"}, state: "State", goldstein: "Goldstein",
         source: "Source", measures: "Centrality", minConfidence: "Confidence (min.)", confidence: "confidence",
         all: "all", measureTitles: {}},
  };
  const T = TEXT[data.lang] || TEXT.en;
  const MODES = ["asserted", "hypothetical", "negated"];
  const CONFIDENCE_STEPS = [0, 0.3, 0.5, 0.7, 0.9];
  const nodeById = new Map(data.nodes.map((node) => [node.id, node]));
  const roots = [...new Set(data.relations.map((relation) => relation.root))].sort();
  const filters = {
    quadclasses: new Set([1, 2, 3, 4]), modes: new Set(["asserted", "hypothetical"]), roots: new Set(roots),
    since: "", until: "", undated: true, minCount: 1, minConfidence: data.minConfidence || 0,
  };
  let edgeRelations = new Map();

  // --- DOM helpers: text only -------------------------------------------------------------------------------
  function element(tag, options, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(options || {})) {
      if (name === "class") node.className = value;
      else if (name === "style") node.setAttribute("style", value);
      else node.setAttribute(name, value);
    }
    for (const child of children) {
      if (child === null || child === undefined || child === "") continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }
  function link(href, text) {
    if (!isSafeHref(href)) return element("span", {}, text);
    return element("a", {href: href, target: "_blank", rel: "noopener noreferrer"}, text);
  }
  function isSafeHref(href) {
    if (!href) return false;
    if (/^https?:\/\//i.test(href)) return true;
    return !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith("//");  // a relative path to an input file
  }
  function label(id) { const node = nodeById.get(id); return node ? node.label : id; }
  // Two decimals, rounded down: a relation shown as 0.90 passes the 0.9 filter, one at 0.899 shows 0.89.
  function confidenceText(value) { return (Math.floor(value * 100 + 1e-9) / 100).toFixed(2); }

  // --- filters -------------------------------------------------------------------------------------------------
  function interval(date) {
    if (date.length === 4) return [date + "-01-01", date + "-12-31"];
    if (date.length === 7) return [date + "-01", date + "-31"];
    return [date, date];
  }
  function passes(relation) {
    if (!filters.quadclasses.has(relation.quadclass) || !filters.modes.has(relation.mode)) return false;
    if (!filters.roots.has(relation.root) || relation.confidence < filters.minConfidence) return false;
    if (!relation.date) return filters.undated;
    const [first, last] = interval(relation.date);
    if (filters.since && last < interval(filters.since)[0]) return false;
    if (filters.until && first > interval(filters.until)[1]) return false;
    return true;
  }
  function edgeKey(relation) {
    if (relation.symmetric) {
      const [a, b] = [relation.source, relation.target].sort();
      return [a, b, relation.quadclass, "both"];
    }
    return [relation.source, relation.target, relation.quadclass, "to"];
  }
  function applyFilters() {
    const groups = new Map();
    data.relations.forEach((relation, index) => {
      if (!passes(relation)) return;
      const key = edgeKey(relation);
      const id = key.join("|");
      if (!groups.has(id)) groups.set(id, {key: key, relations: []});
      groups.get(id).relations.push(index);
    });
    const list = [];
    edgeRelations = new Map();
    let shownRelations = 0;
    for (const [id, group] of groups) {
      if (group.relations.length < filters.minCount) continue;
      const [from, to, quadclass, direction] = group.key;
      edgeRelations.set(id, group.relations);
      shownRelations += group.relations.length;
      list.push({
        id: id, from: from, to: to, width: 1 + 2 * Math.log2(1 + group.relations.length),
        color: {color: data.quadclasses[quadclass].colour, highlight: data.quadclasses[quadclass].colour},
        arrows: direction === "to" ? {to: {enabled: true, scaleFactor: 0.6}} : {to: {enabled: false}},
        smooth: {enabled: true, type: "curvedCW", roundness: 0.08 + 0.08 * quadclass},
        title: edgeTooltip(from, to, direction, quadclass, group.relations),
      });
    }
    edges.clear();
    edges.add(list);
    document.getElementById("shown").textContent = `${shownRelations} ${T.shown} ${list.length} ${T.edges}`;
    return list.length;
  }

  // --- tooltips and panels -------------------------------------------------------------------------------------
  function edgeTooltip(from, to, direction, quadclass, indexes) {
    const arrow = direction === "to" ? " → " : " ↔ ";
    const box = element("div", {}, element("strong", {}, label(from) + arrow + label(to)));
    box.append(element("div", {}, `${indexes.length} ${T.relations} · ${data.quadclasses[quadclass].label}`));
    const codes = [...new Set(indexes.map((index) => data.relations[index].label))].slice(0, 4);
    for (const code of codes) box.append(element("div", {class: "meta"}, code));
    return box;
  }
  function nodeTooltip(node) {
    const box = element("div", {}, element("strong", {}, node.label));
    box.append(element("div", {}, T.kind[node.kind] || node.kind));
    if (node.measures.relations !== undefined) box.append(element("div", {}, `${node.measures.relations} ${T.relations}`));
    return box;
  }
  function evidenceQuote(item) {
    // The quote carries its language (the page reads French and English articles alike).
    const quote = item.lang ? element("blockquote", {lang: item.lang}) : element("blockquote", {});
    if (item.lang) quote.append(element("span", {class: "lang", title: item.lang}, item.lang.toUpperCase()), " ");
    const [start, end] = item.trigger;
    if (start >= 0 && end > start && end <= item.text.length) {
      quote.append(item.text.slice(0, start), element("mark", {}, item.text.slice(start, end)), item.text.slice(end));
    } else {
      quote.append(item.text);
    }
    return quote;
  }
  function showEdge(id) {
    const indexes = edgeRelations.get(id) || [];
    const panel = document.getElementById("details");
    panel.replaceChildren();
    if (!indexes.length) return;
    const first = data.relations[indexes[0]];
    const arrow = first.symmetric ? " ↔ " : " → ";
    panel.append(element("h2", {}, label(first.source) + arrow + label(first.target)));
    for (const index of indexes) {
      const relation = data.relations[index];
      const block = element("div", {class: "relation"});
      block.append(element("div", {}, element("strong", {}, `${relation.code} ${relation.label}`), " ",
        element("span", {class: "badge " + relation.mode}, T[relation.mode] || relation.mode)));
      block.append(element("div", {class: "meta"}, `${relation.rootLabel} · ${T.goldstein} ${relation.goldstein}` +
        ` · ${T.confidence} ${confidenceText(relation.confidence)}` + (relation.date ? ` · ${relation.date}` : "")));
      for (const item of relation.evidence) block.append(evidenceQuote(item));
      const article = data.articles[relation.article];
      if (article) {
        block.append(element("div", {class: "meta"}, `${T.source} : `, link(article.href, article.title),
          article.date ? ` (${article.date})` : ""));
      }
      panel.append(block);
    }
  }
  function showNode(id) {
    const node = nodeById.get(id);
    const panel = document.getElementById("details");
    panel.replaceChildren();
    if (!node) return;
    panel.append(element("h2", {}, node.label));
    panel.append(element("div", {}, T.kind[node.kind] || node.kind || "", node.state && node.state !== node.id ?
      ` · ${T.state} : ${label(node.state)}` : ""));
    if (node.qid && /^Q[0-9]+$/.test(node.qid)) {
      panel.append(element("div", {}, link(`https://www.wikidata.org/wiki/${node.qid}`, `${T.wikidata} ${node.qid}`)));
    }
    const table = element("table", {class: "measures"});
    for (const [name, value] of Object.entries(node.measures)) {
      // Each measure under the title and with the definition kg.analysis gives it (asserted relations).
      const measure = data.measures[name] || {title: name, definition: ""};
      const title = T.measureTitles[name] || measure.title;
      table.append(element("tr", {title: measure.definition}, element("td", {}, title), element("td", {}, value)));
    }
    panel.append(element("h3", {}, T.measures), table);
    const list = element("ol", {});
    for (const partner of node.partners) {
      list.append(element("li", {}, `${label(partner.id)} — ${partner.relations} ${T.relations}, ${T.goldstein} ${partner.goldstein}`));
    }
    panel.append(element("h3", {}, T.partners), list);
  }

  // --- controls ------------------------------------------------------------------------------------------------
  function checkbox(container, value, text, checked, onChange, swatch) {
    const input = element("input", {type: "checkbox", value: String(value)});
    input.checked = checked;
    input.addEventListener("change", () => { onChange(input.checked); applyFilters(); });
    const row = element("label", {}, input, " ");
    if (swatch) row.append(element("span", {class: "swatch", style: `background:${swatch}`}));
    row.append(text);
    container.append(row);
  }
  function buildControls() {
    for (const node of document.querySelectorAll("[data-text]")) node.textContent = T[node.dataset.text] || "";
    const summary = data.summary;
    document.getElementById("summary").textContent = `${summary.articles} ${T.articles} · ${summary.relations} ` +
      `${T.relations} · ${summary.actors} ${T.actors} · ${T.level[data.level] || data.level}` +
      (summary.built ? ` · ${T.built} ${summary.built}` : "") + (summary.version ? ` · diplomatic-kg ${summary.version}` : "") +
      (data.minConfidence ? ` · ${T.confidence} ≥ ${data.minConfidence}` : "");
    const quads = document.getElementById("filter-quadclass");
    for (const [quad, info] of Object.entries(data.quadclasses)) {
      checkbox(quads, quad, info.label, true, (on) => toggle(filters.quadclasses, Number(quad), on), info.colour);
    }
    const modes = document.getElementById("filter-mode");
    for (const mode of MODES) checkbox(modes, mode, T[mode], filters.modes.has(mode), (on) => toggle(filters.modes, mode, on));
    const rootBox = document.getElementById("filter-root");
    const rootLabels = new Map(data.relations.map((relation) => [relation.root, relation.rootLabel]));
    for (const root of roots) checkbox(rootBox, root, `${root} ${rootLabels.get(root)}`, true, (on) => toggle(filters.roots, root, on));
    const dateInput = (id, key) => document.getElementById(id).addEventListener("input", (event) => {
      const value = event.target.value.trim();
      if (value === "" || /^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) { filters[key] = value; applyFilters(); }
    });
    dateInput("since", "since");
    dateInput("until", "until");
    document.getElementById("undated").addEventListener("change", (event) => { filters.undated = event.target.checked; applyFilters(); });
    const confidence = document.getElementById("min-confidence");
    const floor = data.minConfidence || 0;  // the page holds no relation below the floor it was rendered with
    for (const step of [floor, ...CONFIDENCE_STEPS.filter((step) => step > floor)]) {
      confidence.append(element("option", {value: String(step)}, step === 0 ? `0 (${T.all})` : `≥ ${step}`));
    }
    confidence.addEventListener("change", () => { filters.minConfidence = Number(confidence.value); applyFilters(); });
    const counts = new Map();
    for (const relation of data.relations) { const id = edgeKey(relation).join("|"); counts.set(id, (counts.get(id) || 0) + 1); }
    const range = document.getElementById("min-count");
    range.max = String(Math.max(2, ...counts.values()));
    range.addEventListener("input", () => {
      filters.minCount = Number(range.value);
      document.getElementById("min-count-value").textContent = range.value;
      applyFilters();
    });
    const legend = document.getElementById("legend");
    for (const info of Object.values(data.quadclasses)) {
      legend.append(element("div", {}, element("span", {class: "swatch", style: `background:${info.colour}`}), info.label));
    }
    if (data.colour === "kind") {
      for (const [kind, colour] of Object.entries(data.kinds)) {
        legend.append(element("div", {}, element("span", {class: "swatch dot", style: `background:${colour}`}), T.kind[kind] || kind));
      }
    }
    const options = document.getElementById("actor-list");
    for (const node of data.nodes) options.append(element("option", {value: node.label}));
    document.getElementById("search").addEventListener("submit", (event) => { event.preventDefault(); search(); });
  }
  function toggle(set, value, on) { if (on) set.add(value); else set.delete(value); }
  function fold(text) { return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim(); }
  function search() {
    const wanted = fold(document.getElementById("search-input").value);
    const message = document.getElementById("search-message");
    const node = data.nodes.find((item) => fold(item.id) === wanted || fold(item.label) === wanted) ||
      data.nodes.find((item) => wanted && fold(item.label).includes(wanted));
    if (!node) { message.textContent = T.notfound; return null; }
    message.textContent = "";
    network.selectNodes([node.id]);
    network.focus(node.id, {scale: 1.3, animation: false});
    showNode(node.id);
    return node.id;
  }

  // --- the network ---------------------------------------------------------------------------------------------
  const nodes = new vis.DataSet(vis_data.nodes.map((node) => Object.assign({}, node, {title: nodeTooltip(nodeById.get(node.id))})));
  const edges = new vis.DataSet([]);
  buildControls();
  const network = new vis.Network(document.getElementById("graph"), {nodes: nodes, edges: edges}, vis_data.options);
  applyFilters();
  network.on("click", (params) => {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
  });
  network.once("afterDrawing", () => { document.body.dataset.ready = "true"; });
  network.fit({animation: false});
  window.kgPage = {network, nodes, edges, filters, applyFilters, showEdge, showNode, search, edgeRelations: () => edgeRelations};
})();
