// The page's behaviour: edges (dyad x QuadClass) drawn from the relations that pass the filters, the panel of an
// edge (its sampled relations with evidence under their events, a page at a time) and of an actor, search. The
// relations travel counted in cells (relations alike in code, mode, date and confidence) in compressed columns
// (kg-relations, unpacked when the page opens); an edge's sampled relations (the most confident, then the most
// recent: data.perEdge of them), their events, articles and evidence are unpacked when an edge is first clicked. Every string from the data is put in the DOM as text
// (textContent), never as HTML; links only to http(s) URLs and to the input files (checked again here).
(async function () {
  "use strict";
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const vis_data = JSON.parse(document.getElementById("kg-vis").textContent);
  const blocks = new Map();
  // A block of the page's data (gzip, base64), unpacked once, when first needed.
  function block(name) {
    if (!blocks.has(name)) {
      const prepare = PREPARE[name] || ((value) => value);
      blocks.set(name, unpack(document.getElementById("kg-" + name).textContent).then(prepare));
    }
    return blocks.get(name);
  }
  // Columns kept as differences from the row before (they compress better) made whole again.
  function running(steps) {
    const values = new Array(steps.length);
    let value = -1;
    for (let index = 0; index < steps.length; index++) values[index] = value += steps[index];
    return values;
  }
  const PREPARE = {
    relations(columns) {
      const edges = columns.edges;
      columns.edgeList = [];
      let start = 0;
      for (let index = 0; index < edges.count.length; index++) {
        let total = 0;
        for (let cell = start; cell < start + edges.count[index]; cell++) total += columns.count[cell];
        columns.edgeList.push({from: edges.nodes[edges.from[index]], to: edges.nodes[edges.to[index]],
          quadclass: edges.quadclass[index], direction: edges.both[index] ? "both" : "to", start: start,
          end: start += edges.count[index], total: total, number: index});
      }
      return columns;
    },
    sample(columns) {
      columns.event = running(columns.eventStep);
      columns.starts = [0];  // an edge's sampled relations are rows starts[e] to starts[e + 1]
      for (const count of columns.count) columns.starts.push(columns.starts[columns.starts.length - 1] + count);
      return columns;
    },
    events(columns) {
      columns.last = columns.first.map((first, index) => first + columns.lastStep[index]);
      return columns;
    },
    evidence(columns) {
      columns.sentence = running(columns.sentenceStep);
      columns.offsets = [0];  // a relation's sentences are items offsets[i] to offsets[i + 1]
      for (const count of columns.count) columns.offsets.push(columns.offsets[columns.offsets.length - 1] + count);
      return columns;
    },
  };
  async function unpack(text) {
    const bytes = Uint8Array.from(atob(text.trim()), (character) => character.charCodeAt(0));
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return JSON.parse(await new Response(stream).text());
  }
  const R = await block("relations");
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
         all: "toutes", measureTitles: {relations: "relations", partners: "partenaires distincts"},
         event: "Événement", events: "événements", more: "plus", left: "restantes", undatedEvent: "non daté",
         sampled: (shown, total) => `La page garde les preuves de ${shown} de ces ${total} relations (les plus sûres, puis les plus récentes). Toutes :`},
    en: {search: "Actor", find: "Find", quadclass: "QuadClass", mode: "Mode", root: "CAMEO root",
         dates: "Dates", since: "since", until: "until", undated: "undated relations", minimum: "Relations per edge (min.)",
         legend: "Legend", hint: "Click an edge for its relations and their evidence, an actor for its profile.",
         asserted: "asserted", hypothetical: "hypothetical", negated: "negated", articles: "articles", relations: "relations",
         actors: "actors", built: "built on", shown: "relations shown on", edges: "edges",
         kind: {state: "state", person: "person", organisation: "organisation", collective: "collective actor"},
         notfound: "No actor by that name.", partners: "Main partners", wikidata: "Wikidata",
         level: {state: "state level", actor: "actor level"}, state: "State", goldstein: "Goldstein",
         source: "Source", measures: "Centrality", minConfidence: "Confidence (min.)", confidence: "confidence",
         all: "all", measureTitles: {},
         event: "Event", events: "events", more: "more", left: "left", undatedEvent: "undated",
         sampled: (shown, total) => `The page keeps the evidence of ${shown} of these ${total} relations (the most confident, then the most recent). All of them:`},
  };
  const T = TEXT[data.lang] || TEXT.en;
  const MODES = data.modes;  // a relation's mode is its index here
  const CONFIDENCE_STEPS = [0, 0.3, 0.5, 0.7, 0.9];
  const PAGE_SIZE = 10;  // relations an edge's panel shows at a time
  const nodeById = new Map(data.nodes.map((node) => [node.id, node]));
  const edgeById = new Map(R.edgeList.map((edge) => [edgeId(edge), edge]));
  const roots = [...new Set(data.codes.map((code) => code.root))].sort();
  const filters = {
    quadclasses: new Set([1, 2, 3, 4]), modes: new Set(["asserted", "hypothetical"]), roots: new Set(roots),
    since: "", until: "", undated: true, minCount: 1, minConfidence: data.minConfidence || 0,
  };
  let edgeRelations = new Map();  // edge id -> its cells that pass the filters, and their relations' total

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
  const intervals = R.dates.map((date) => date ? interval(date) : null);
  // Whether row `index` of columns (the cells R, or an edge's sampled relations) passes the filters.
  function passes(index, columns = R) {
    const code = data.codes[columns.code[index]];
    if (!filters.modes.has(MODES[columns.mode[index]]) || !filters.roots.has(code.root)) return false;
    if (columns.confidence[index] < Math.round(filters.minConfidence * 1000)) return false;
    const dates = intervals[columns.date[index]];
    if (!dates) return filters.undated;
    if (filters.since && dates[1] < interval(filters.since)[0]) return false;
    if (filters.until && dates[0] > interval(filters.until)[1]) return false;
    return true;
  }
  function edgeId(edge) { return [edge.from, edge.to, edge.quadclass, edge.direction].join("|"); }
  // Edges drawn (id -> a signature of their relations): a filter adds, changes or removes only the edges whose
  // relations it changed (vis-network redraws tens of thousands of edges slowly).
  const drawn = new Map();
  function applyFilters() {
    const changed = [];
    const shown = new Map();
    edgeRelations = new Map();
    let shownRelations = 0;
    for (const edge of R.edgeList) {
      if (!filters.quadclasses.has(edge.quadclass)) continue;
      const indexes = [];
      let signature = 0, total = 0;
      for (let index = edge.start; index < edge.end; index++) {
        if (passes(index)) { indexes.push(index); signature += index; total += R.count[index]; }
      }
      if (!total || total < filters.minCount) continue;
      const id = edgeId(edge);
      edgeRelations.set(id, {cells: indexes, total: total});
      shownRelations += total;
      shown.set(id, `${total}:${signature}`);
      if (drawn.get(id) !== shown.get(id)) changed.push(drawnEdge(id, edge, indexes, total));
    }
    edges.remove([...drawn.keys()].filter((id) => !shown.has(id)));
    edges.update(changed);
    drawn.clear();
    for (const [id, signature] of shown) drawn.set(id, signature);
    document.getElementById("shown").textContent = `${shownRelations} ${T.shown} ${shown.size} ${T.edges}`;
    return shown.size;
  }
  function drawnEdge(id, edge, indexes, total) {
    const colour = data.quadclasses[edge.quadclass].colour;
    return {
      id: id, from: edge.from, to: edge.to, width: 1 + 2 * Math.log2(1 + total),
      color: {color: colour, highlight: colour},
      arrows: edge.direction === "to" ? {to: {enabled: true, scaleFactor: 0.6}} : {to: {enabled: false}},
      smooth: {enabled: true, type: "curvedCW", roundness: 0.08 + 0.08 * edge.quadclass},
      title: edgeTooltip(edge, indexes, total),
    };
  }

  // --- tooltips and panels -------------------------------------------------------------------------------------
  function edgeTooltip(edge, indexes, total) {
    const arrow = edge.direction === "to" ? " → " : " ↔ ";
    const box = element("div", {}, element("strong", {}, label(edge.from) + arrow + label(edge.to)));
    box.append(element("div", {}, `${total} ${T.relations} · ${data.quadclasses[edge.quadclass].label}`));
    const codes = new Set();
    for (const index of indexes) { codes.add(data.codes[R.code[index]].label); if (codes.size === 4) break; }
    for (const code of codes) box.append(element("div", {class: "meta"}, code));
    return box;
  }
  function nodeTooltip(node) {
    const box = element("div", {}, element("strong", {}, node.label));
    box.append(element("div", {}, T.kind[node.kind] || node.kind));
    if (node.measures.relations !== undefined) box.append(element("div", {}, `${node.measures.relations} ${T.relations}`));
    return box;
  }
  function evidenceQuote(item, evidence) {
    // The quote carries its language (the page reads French and English articles alike).
    const text = evidence.sentences[evidence.sentence[item]];
    const lang = evidence.langs[evidence.lang[item]];
    const [start, end] = [evidence.start[item], evidence.end[item]];
    const quote = lang ? element("blockquote", {lang: lang}) : element("blockquote", {});
    if (lang) quote.append(element("span", {class: "lang", title: lang}, lang.toUpperCase()), " ");
    if (start >= 0 && end > start && end <= text.length) {
      quote.append(text.slice(0, start), element("mark", {}, text.slice(start, end)), text.slice(end));
    } else {
      quote.append(text);
    }
    return quote;
  }
  function relationBlock(index, sample, articles, evidence) {
    const code = data.codes[sample.code[index]];
    const mode = MODES[sample.mode[index]];
    const date = R.dates[sample.date[index]];
    const block = element("div", {class: "relation"});
    block.append(element("div", {}, element("strong", {}, `${code.code} ${code.label}`), " ",
      element("span", {class: "badge " + mode}, T[mode] || mode)));
    block.append(element("div", {class: "meta"}, `${code.rootLabel} · ${T.goldstein} ${code.goldstein}` +
      ` · ${T.confidence} ${confidenceText(sample.confidence[index] / 1000)}` + (date ? ` · ${date}` : "")));
    for (let item = evidence.offsets[index]; item < evidence.offsets[index + 1]; item++) {
      block.append(evidenceQuote(item, evidence));
    }
    const [title, href, published] = articles[sample.article[index]];
    block.append(element("div", {class: "meta"}, `${T.source} : `, link(href, title), published ? ` (${published})` : ""));
    return block;
  }
  // An event across articles (kg.grouping): its days and GDELT's counts, above its relations on the edge (their
  // code, the event's, on each).
  function eventBlock(event, events) {
    if (event < 0) return element("div", {class: "relations"});
    const [first, last] = [R.dates[events.first[event]], R.dates[events.last[event]]];
    const days = !first ? T.undatedEvent : first === last ? first : `${first} – ${last}`;
    return element("section", {class: "event"}, element("header", {},
      element("strong", {}, T.event), ` · ${days}`,
      element("div", {class: "meta"}, `NumMentions ${events.mentions[event]} · NumSources ${events.sources[event]}` +
        ` · NumArticles ${events.articles[event]}`)));
  }
  let panelToken = 0;  // the newest click owns the panel (an edge's blocks may still be unpacking)
  // The command that lists every relation of an edge's dyad, for an edge whose sampled relations are not all.
  function queryCommand(edge) {
    return `kg query OUT relations_between --param source=${edge.from} --param target=${edge.to}`;
  }
  async function showEdge(id) {
    const token = ++panelToken;
    const shownEdge = edgeRelations.get(id) || {cells: [], total: 0};
    const [sample, events, articles, evidence] = await Promise.all([block("sample"), block("events"),
      block("articles"), block("evidence")]);
    if (token !== panelToken) return;
    const panel = document.getElementById("details");
    panel.replaceChildren();
    const edge = edgeById.get(id);
    if (!shownEdge.total || !edge) return;
    const indexes = [];
    for (let index = sample.starts[edge.number]; index < sample.starts[edge.number + 1]; index++) {
      if (passes(index, sample)) indexes.push(index);
    }
    const arrow = edge.direction === "both" ? " ↔ " : " → ";
    // The events these relations report (a store built before events across articles has none to count).
    const count = new Set(indexes.map((index) => sample.event[index]).filter((event) => event >= 0)).size;
    panel.append(element("h2", {}, label(edge.from) + arrow + label(edge.to)),
      element("div", {class: "meta"}, `${shownEdge.total} ${T.relations}` + (count ? ` · ${count} ${T.events}` : "")));
    if (indexes.length < shownEdge.total) {
      panel.append(element("p", {class: "sampled"}, T.sampled(indexes.length, shownEdge.total), " ",
        element("code", {}, queryCommand(edge))));
    }
    const list = element("div", {class: "items"});
    const more = element("button", {class: "more", type: "button"});
    panel.append(list, more);
    let shown = 0, group = null, groupEvent = -1;
    function nextPage() {
      for (const index of indexes.slice(shown, shown + PAGE_SIZE)) {
        const event = sample.event[index];
        if (group === null || event < 0 || event !== groupEvent) {
          group = eventBlock(event, events);
          groupEvent = event;
          list.append(group);
        }
        group.append(relationBlock(index, sample, articles, evidence));
      }
      shown = Math.min(indexes.length, shown + PAGE_SIZE);
      if (shown < indexes.length) more.textContent = `${T.more} (${indexes.length - shown} ${T.left})`;
      else more.remove();
    }
    more.addEventListener("click", nextPage);
    nextPage();
  }
  function showNode(id) {
    panelToken++;
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
    const rootLabels = new Map(data.codes.map((code) => [code.root, code.rootLabel]));
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
    const range = document.getElementById("min-count");
    range.max = String(R.edgeList.reduce((most, edge) => Math.max(most, edge.total), 2));
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
  window.kgPage = {network, nodes, edges, filters, applyFilters, showEdge, showNode, search,
    // each drawn edge's relations that pass the filters, a cell's index once for each of its relations
    edgeRelations: () => new Map([...edgeRelations].map(([id, shownEdge]) =>
      [id, shownEdge.cells.flatMap((cell) => new Array(R.count[cell]).fill(cell))])),
    loaded: () => [...blocks.keys()]};
})();
