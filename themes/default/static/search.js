/*
 * search.js: 站内搜索 (the site's full-text search), loaded only by the search page.
 *
 * It reads the static index that qingdan writes under search/ (see the Go
 * package qingdan/search): the manifest index.json, then only the shards
 * holding the query's tokens and the chunks holding the records it shows.
 * The tokenizer below mirrors search/tokenize.go; both are checked against
 * search/testdata/tokenizer_vectors.json. Without JavaScript the page still
 * lists every item, so nothing here is needed to find anything.
 */
(function () {
  'use strict';

  // ---- Tokens: the same rules as search/tokenize.go ----

  // fold maps a code point to the form it is indexed under.
  function fold(c) {
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
    else if (c === 0x3000) c = 0x20;
    if (c >= 0x41 && c <= 0x5A) c += 0x20;
    return c;
  }

  function isHan(c) {
    return c === 0x3007 ||
      (c >= 0x3400 && c <= 0x4DBF) ||
      (c >= 0x4E00 && c <= 0x9FFF) ||
      (c >= 0xF900 && c <= 0xFAFF) ||
      (c >= 0x20000 && c <= 0x323AF);
  }

  function isWord(c) {
    return (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39);
  }

  function isSpace(c) {
    return c === 0x20 || (c >= 0x09 && c <= 0x0D) || c === 0xA0;
  }

  // units cuts text into Chinese characters and Latin words, numbered.
  function units(text) {
    var out = [];
    var word = '';
    var ord = 0;
    var gap = false;
    var joined = false;
    function add(s, han) {
      if (gap) ord++;
      out.push({ text: s, han: han, ord: ord, joined: joined && out.length > 0 });
      ord++;
      gap = false;
      joined = true;
    }
    function flush() {
      if (word) {
        add(word, false);
        word = '';
      }
    }
    for (var ch of text) {
      var c = fold(ch.codePointAt(0));
      if (isWord(c)) {
        word += String.fromCodePoint(c);
      } else if (isHan(c)) {
        flush();
        add(String.fromCodePoint(c), true);
      } else if (isSpace(c)) {
        flush();
      } else {
        flush();
        if (out.length > 0) gap = true;
        joined = false;
      }
    }
    flush();
    return out;
  }

  // tokens returns [text, position] pairs, as Tokens in Go.
  function tokens(text) {
    var us = units(text);
    var out = [];
    for (var i = 0; i < us.length; i++) {
      var u = us[i];
      if (!u.han) out.push([u.text, u.ord]);
      var next = i + 1 < us.length && us[i + 1].joined;
      if (next && (u.han || us[i + 1].han)) out.push([u.text + us[i + 1].text, u.ord]);
      if (u.han && !next && !u.joined) out.push([u.text, u.ord]);
    }
    return out;
  }

  var encoder = new TextEncoder();

  // hash is FNV-1a over the token's UTF-8 bytes, as Hash in Go.
  function hash(token) {
    var h = 2166136261;
    var bytes = encoder.encode(token);
    for (var i = 0; i < bytes.length; i++) {
      h ^= bytes[i];
      h = Math.imul(h, 16777619);
    }
    return h >>> 0;
  }

  var DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

  // decodeNumbers reads the text form of postings numbers.
  function decodeNumbers(s) {
    var out = [];
    var n = 0;
    var scale = 1;
    for (var i = 0; i < s.length; i++) {
      var d = DIGITS.indexOf(s[i]);
      n += (d & 31) * scale;
      if (d & 32) {
        scale *= 32;
      } else {
        out.push(n);
        n = 0;
        scale = 1;
      }
    }
    return out;
  }

  // decodePostings returns a Map from record id to positions (2*ordinal,
  // plus 1 in the title).
  function decodePostings(s) {
    var nums = decodeNumbers(s);
    var out = new Map();
    var doc = 0;
    for (var i = 0; i < nums.length;) {
      doc += nums[i++];
      var count = nums[i++];
      var pos = [];
      var last = 0;
      for (var k = 0; k < count; k++) {
        last += nums[i++];
        pos.push(last);
      }
      out.set(doc, pos);
    }
    return out;
  }

  // normalize folds text for matching and drops whitespace; at[i] is the
  // index in text of the i-th character kept.
  function normalize(text) {
    var s = '';
    var at = [];
    for (var i = 0; i < text.length;) {
      var cp = text.codePointAt(i);
      var len = cp > 0xFFFF ? 2 : 1;
      var c = fold(cp);
      if (!isSpace(c)) {
        var f = String.fromCodePoint(c);
        s += f;
        for (var k = 0; k < f.length; k++) at.push(i);
      }
      i += len;
    }
    at.push(text.length);
    return { text: s, at: at };
  }

  // foldText folds every character of text, keeping whitespace.
  function foldText(text) {
    var s = '';
    for (var ch of text) s += String.fromCodePoint(fold(ch.codePointAt(0)));
    return s.replace(/\s+/g, ' ').trim();
  }

  // expand returns the query and its variants with each synonym replaced
  // by the others of its group, the query itself first.
  function expand(query, groups) {
    var alts = [foldText(query)];
    groups.forEach(function (group) {
      var words = group.map(foldText).filter(Boolean);
      alts.slice().forEach(function (alt) {
        var found = words.filter(function (w) { return alt.indexOf(w) >= 0; })
          .sort(function (a, b) { return b.length - a.length; })[0];
        if (!found) return;
        words.forEach(function (w) {
          var v = alt.split(found).join(w);
          if (alts.indexOf(v) < 0 && alts.length < 16) alts.push(v);
        });
      });
    });
    return alts;
  }

  // required lists the tokens a record must have to match query: those of
  // each whitespace-separated term, so that "流动人口 证明" finds records
  // holding both words apart. A lone Chinese character is indexed only
  // where it stands alone, so it is required only when nothing else is.
  function required(query) {
    var all = [];
    query.split(' ').forEach(function (term) {
      tokens(term).forEach(function (t) {
        if (all.indexOf(t[0]) < 0) all.push(t[0]);
      });
    });
    var longer = all.filter(function (t) { return !isHan(t.codePointAt(0)) || t.length > 1; });
    return longer.length ? longer : all;
  }

  // PAGE is how many hits are shown at a time.
  var PAGE = 10;

  // Tiers of a hit, best first.
  var PHRASE_TITLE = 3, PHRASE_BODY = 2, TITLE = 1, BODY = 0;

  // tier tells how well record doc matches: the whole query as a phrase
  // in the title or the body, or else every required token in the title or
  // anywhere. toks are the query's tokens with their postings in lists;
  // need are the postings of the required tokens.
  function tier(toks, lists, need, doc) {
    var first = lists[0].get(doc);
    if (first && lists.every(function (l) { return l.has(doc); })) {
      var sets = lists.map(function (l) {
        return new Set(l.get(doc).map(function (p) { return p >> 1; }));
      });
      for (var i = 0; i < first.length; i++) {
        var base = (first[i] >> 1) - toks[0][1];
        var all = toks.every(function (t, k) { return sets[k].has(base + t[1]); });
        if (all) return first[i] & 1 ? PHRASE_TITLE : PHRASE_BODY;
      }
    }
    var inTitle = need.every(function (l) {
      return l.get(doc).some(function (p) { return p & 1; });
    });
    return inTitle ? TITLE : BODY;
  }

  // Index queries the files under search/; load(name) resolves to the
  // text of a file there.
  function Index(load) {
    this.load = load;
    this.files = new Map();
    this.manifest = null;
  }

  Index.prototype.file = function (name) {
    if (!this.files.has(name)) {
      var self = this;
      var p = this.load(name, this.manifest && this.manifest.version);
      p.catch(function () { self.files.delete(name); });
      this.files.set(name, p);
    }
    return this.files.get(name);
  };

  // open reads the manifest; call it once before search.
  Index.prototype.open = function () {
    var self = this;
    return this.file('index.json').then(function (text) {
      self.manifest = JSON.parse(text);
      return self.manifest;
    });
  };

  Index.prototype.shardName = function (token) {
    var bits = this.manifest.shardBits;
    var s = bits === 0 ? 0 : hash(token) >>> (32 - bits);
    var hex = s.toString(16);
    var width = Math.max(1, Math.ceil(bits / 4));
    while (hex.length < width) hex = '0' + hex;
    return 's/' + hex;
  };

  // postings resolves to the Map of a token's postings, empty when the
  // index has no such token.
  Index.prototype.postings = function (token) {
    var self = this;
    var name = this.shardName(token);
    return this.file(name + '.json').then(function (text) {
      var v = JSON.parse(text)[token];
      if (v === undefined) return '';
      if (typeof v === 'number') return self.file(name + '-' + v + '.txt');
      return v;
    }).then(decodePostings);
  };

  // search finds the records matching query, best first. filter may give
  // a part index and a unit index (-1 or absent for all). It resolves to
  // {docs, alternatives}: record ids, and the query's synonym variants.
  Index.prototype.search = function (query, filter) {
    var self = this;
    var alts = expand(query, this.manifest.synonyms).map(function (a) {
      return { text: a, toks: tokens(a), need: required(a) };
    }).filter(function (a) { return a.need.length > 0; });
    var filters = [];
    if (filter && filter.part >= 0) filters.push('#p' + filter.part);
    if (filter && filter.unit >= 0) filters.push('#u' + filter.unit);
    var wanted = new Set(filters);
    alts.forEach(function (a) {
      a.toks.forEach(function (t) { wanted.add(t[0]); });
    });
    var names = Array.from(wanted);
    return Promise.all(names.map(function (t) { return self.postings(t); })).then(function (lists) {
      var byToken = new Map();
      names.forEach(function (t, i) { byToken.set(t, lists[i]); });
      var get = function (t) { return byToken.get(t); };
      var best = new Map();
      alts.forEach(function (a, ai) {
        var need = a.need.map(get);
        var all = need.concat(filters.map(get));
        var shortest = all.reduce(function (x, y) { return y.size < x.size ? y : x; });
        var toks = a.toks.map(function (t) { return get(t[0]); });
        shortest.forEach(function (_, doc) {
          if (!all.every(function (l) { return l.has(doc); })) return;
          var score = tier(a.toks, toks, need, doc) * 2 + (ai === 0 ? 1 : 0);
          if (!best.has(doc) || best.get(doc) < score) best.set(doc, score);
        });
      });
      var docs = Array.from(best.keys()).sort(function (x, y) {
        return best.get(y) - best.get(x) || x - y;
      });
      return { docs: docs, alternatives: alts.map(function (a) { return a.text; }) };
    });
  };

  // records resolves to the records with the given ids, as objects
  // {id, url, title, body, part, units: [names], unitIds: [ids],
  // unitPaths: [their pages, relative to the site's root]}.
  Index.prototype.records = function (docs) {
    var self = this;
    var m = this.manifest;
    return Promise.all(docs.map(function (doc) {
      return self.file('r/' + Math.floor(doc / m.chunk) + '.json').then(function (text) {
        var r = JSON.parse(text)[doc % m.chunk];
        return {
          id: doc, url: r[0], title: r[1], body: r[2], part: m.parts[r[3]][1],
          units: r[4].map(function (u) { return m.units[u][1]; }),
          unitIds: r[4].map(function (u) { return m.units[u][0]; }),
          unitPaths: r[4].map(function (u) { return m.units[u][3] || 'units/' + m.units[u][0] + '/'; })
        };
      });
    }));
  };

  // marks finds what to highlight in text: every place one of the
  // alternatives matches as a whole, or failing that every token. It
  // returns sorted, disjoint [start, end) ranges of text.
  function marks(text, alternatives) {
    var n = normalize(text);
    var ranges = [];
    function find(needle) {
      if (!needle) return;
      for (var i = n.text.indexOf(needle); i >= 0; i = n.text.indexOf(needle, i + needle.length)) {
        ranges.push([n.at[i], n.at[i + needle.length - 1] + 1]);
      }
    }
    alternatives.forEach(function (a) { find(normalize(a).text); });
    if (ranges.length === 0) {
      alternatives.forEach(function (a) {
        required(a).forEach(function (t) { find(t); });
      });
    }
    ranges.sort(function (x, y) { return x[0] - y[0] || y[1] - x[1]; });
    var out = [];
    ranges.forEach(function (r) {
      var last = out[out.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else out.push(r.slice());
    });
    // A code unit range may end inside a surrogate pair's high half: widen.
    out.forEach(function (r) {
      var c = text.charCodeAt(r[1] - 1);
      if (c >= 0xD800 && c <= 0xDBFF) r[1]++;
    });
    return out;
  }

  // segments cuts text (or a window of it around the first match, of
  // about size characters) into [text, highlighted] pieces.
  function segments(text, alternatives, size) {
    var ms = marks(text, alternatives);
    var start = 0;
    var end = text.length;
    if (size && text.length > size) {
      start = ms.length ? Math.max(0, ms[0][0] - Math.floor(size / 4)) : 0;
      end = Math.min(text.length, start + size);
    }
    var out = [];
    if (start > 0) out.push(['…', false]);
    var at = start;
    ms.forEach(function (r) {
      var a = Math.max(r[0], start);
      var b = Math.min(r[1], end);
      if (a >= b) return;
      if (a > at) out.push([text.slice(at, a), false]);
      out.push([text.slice(a, b), true]);
      at = b;
    });
    if (end > at) out.push([text.slice(at, end), false]);
    if (end < text.length) out.push(['…', false]);
    return out;
  }

  var api = {
    tokens: tokens, hash: hash, decodeNumbers: decodeNumbers, decodePostings: decodePostings,
    expand: expand, required: required, marks: marks, segments: segments, Index: Index, PAGE: PAGE
  };

  if (typeof module === 'object' && module.exports) {
    module.exports = api;
  } else if (typeof document !== 'undefined') {
    page(api);
  }

  // ---- The search page ----

  // page wires the search page: the form, the filters, the results, the
  // status line read out by screen readers, and the address bar.
  function page(api) {
    var form = document.getElementById('search-form');
    var input = document.getElementById('search-q');
    var results = document.getElementById('search-results');
    var status = document.getElementById('search-status');
    if (!form || !input || !results || !status || !results.getAttribute('data-index')) return;
    var partSelect = document.getElementById('search-part');
    var unitSelect = document.getElementById('search-unit');
    var filters = document.getElementById('search-filters');
    var fullIndex = document.getElementById('full-index');
    var none = document.getElementById('search-none');

    var indexURL = new URL(results.getAttribute('data-index'), location.href);
    // A county department's search page searches the county's index
    // within its department (data-scope, the department's id); its unit
    // filter names the department's own units.
    var scope = results.getAttribute('data-scope') || '';
    var index = new api.Index(function (name, version) {
      var url = new URL(name, indexURL);
      if (version) url.searchParams.set('v', version);
      return fetch(url, name === 'index.json' ? { cache: 'no-cache' } : {}).then(function (r) {
        if (!r.ok) throw new Error(r.status + ' ' + url);
        return r.text();
      });
    });
    var ready = index.open();
    var seq = 0;
    var timer = 0;

    function indexOf(list, id) {
      for (var i = 0; i < list.length; i++) if (list[i][0] === id) return i;
      return -1;
    }

    function el(tag, className, text) {
      var e = document.createElement(tag);
      if (className) e.className = className;
      if (text) e.textContent = text;
      return e;
    }

    // marked appends text to parent with the matches in <mark>.
    function marked(parent, pieces) {
      pieces.forEach(function (p) {
        parent.appendChild(p[1] ? el('mark', '', p[0]) : document.createTextNode(p[0]));
      });
      return parent;
    }

    function hit(r, alts) {
      var li = el('li', 'search-hit');
      var a = marked(el('a', 'search-title'), api.segments(r.title, alts, 0));
      a.href = r.url;
      li.appendChild(a);
      var meta = el('p', 'meta');
      meta.appendChild(el('span', 'tag', r.part));
      var shown = 0;
      r.units.forEach(function (name, i) {
        if (r.unitIds[i] === scope) return;
        meta.appendChild(document.createTextNode(shown++ === 0 ? '责任单位：' : '、'));
        var link = el('a', '', name);
        link.href = new URL('../' + r.unitPaths[i], indexURL).pathname;
        meta.appendChild(link);
      });
      li.appendChild(meta);
      if (r.body) li.appendChild(marked(el('p', 'search-snippet'), api.segments(r.body, alts, 90)));
      return li;
    }

    function state() {
      return { q: input.value.trim(), part: partSelect ? partSelect.value : '', unit: unitSelect ? unitSelect.value : '' };
    }

    function address(st) {
      var params = new URLSearchParams();
      if (st.q) params.set('q', st.q);
      if (st.part) params.set('part', st.part);
      if (st.unit) params.set('unit', st.unit);
      var qs = params.toString();
      return location.pathname + (qs ? '?' + qs : '');
    }

    // remember puts the search in the address bar: a new history entry
    // when asked (Enter, a filter), else the current one is replaced, so
    // typing does not flood the back button.
    function remember(push) {
      var url = address(state());
      if (url === location.pathname + location.search) return;
      if (push) history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    }

    function show(hits, from, list, alts) {
      return index.records(hits.slice(from, from + api.PAGE)).then(function (recs) {
        var first = null;
        recs.forEach(function (r) {
          var li = hit(r, alts);
          first = first || li;
          list.appendChild(li);
        });
        var more = results.querySelector('.search-more');
        if (more) more.remove();
        var left = hits.length - from - recs.length;
        if (left > 0) {
          var button = el('button', 'search-more', '显示更多结果（还有 ' + left + ' 条）');
          button.type = 'button';
          button.addEventListener('click', function () {
            show(hits, from + api.PAGE, list, alts).then(function (li) {
              if (li) li.querySelector('a').focus();
            });
          });
          results.appendChild(button);
        }
        return first;
      });
    }

    function run() {
      var st = state();
      var my = ++seq;
      if (!st.q) {
        results.textContent = '';
        status.textContent = '';
        if (none) none.hidden = true;
        if (fullIndex) fullIndex.hidden = false;
        return Promise.resolve();
      }
      return ready.then(function (m) {
        var unit = st.unit && scope ? scope + '/' + st.unit : st.unit || scope;
        var filter = { part: indexOf(m.parts, st.part), unit: indexOf(m.units, unit) };
        return index.search(st.q, filter).then(function (found) {
          if (my !== seq) return;
          var list = el('ol', 'search-hits');
          results.textContent = '';
          if (fullIndex) fullIndex.hidden = true;
          var chosen = [];
          if (filter.part >= 0) chosen.push(m.parts[filter.part][1]);
          if (st.unit && filter.unit >= 0) chosen.push(m.units[filter.unit][1]);
          var where = chosen.length ? '在“' + chosen.join('”“') + '”中' : '';
          if (found.docs.length === 0) {
            status.textContent = where + '没有找到与“' + st.q + '”相关的内容。';
            if (none) none.hidden = false;
            if (fullIndex) fullIndex.hidden = false;
            return;
          }
          if (none) none.hidden = true;
          status.textContent = where + '找到 ' + found.docs.length + ' 条与“' + st.q + '”相关的结果。';
          results.appendChild(list);
          return show(found.docs, 0, list, found.alternatives);
        });
      }).catch(function () {
        if (my !== seq) return;
        status.textContent = '搜索暂时无法使用，请用下方的全部内容列表查找（Ctrl+F）。';
        if (fullIndex) fullIndex.hidden = false;
      });
    }

    function load() {
      var params = new URLSearchParams(location.search);
      input.value = params.get('q') || '';
      if (partSelect) partSelect.value = params.get('part') || '';
      if (unitSelect) unitSelect.value = params.get('unit') || '';
      run();
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        remember(false);
        run();
      }, 250);
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      clearTimeout(timer);
      remember(true);
      run();
    });
    [partSelect, unitSelect].forEach(function (sel) {
      if (!sel) return;
      sel.addEventListener('change', function () {
        remember(true);
        run();
      });
    });
    window.addEventListener('popstate', load);

    // Arrow keys move between the search box and the hits; Escape clears.
    function links() {
      return Array.prototype.slice.call(results.querySelectorAll('.search-hit a'));
    }
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown' && links().length) {
        e.preventDefault();
        links()[0].focus();
      } else if (e.key === 'Escape' && input.value) {
        e.preventDefault();
        input.value = '';
        remember(true);
        run();
      }
    });
    results.addEventListener('keydown', function (e) {
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      var all = links();
      var i = all.indexOf(document.activeElement);
      if (i < 0) return;
      e.preventDefault();
      if (e.key === 'ArrowDown' && i + 1 < all.length) all[i + 1].focus();
      else if (e.key === 'ArrowUp' && i > 0) all[i - 1].focus();
      else if (e.key === 'ArrowUp') input.focus();
    });

    if (filters) filters.hidden = false;
    load();
  }
})();
