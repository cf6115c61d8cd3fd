// 匠心课堂: the teacher's authoring pages (own readings, repairs, examples, the question editor).
// Everything goes through the authoring API with the session and its CSRF header. Text from
// readings and questions is only ever placed with textContent or as input values; the preview is
// markup the server drew and escaped, parsed inertly.
(function () {
  'use strict';

  // ---------------------------------------------------------------- helpers
  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function clear(e) { while (e.firstChild) { e.removeChild(e.firstChild); } }
  function csrfOf(node) {
    var holder = node.closest('[data-csrf]');
    return holder ? holder.getAttribute('data-csrf') : '';
  }

  /** A call with the session: resolves {status, ok, data, text, type}. */
  function call(method, url, csrf, body, type) {
    var headers = { 'Accept': 'application/json', 'X-CSRF-Token': csrf };
    var payload;
    if (body !== undefined) {
      headers['Content-Type'] = type || 'application/json';
      payload = type ? body : JSON.stringify(body);
    }
    return fetch(url, { method: method, headers: headers, body: payload, credentials: 'same-origin' })
      .then(function (r) {
        return r.text().then(function (t) {
          var ct = r.headers.get('Content-Type') || '';
          var data = null;
          if (ct.indexOf('json') >= 0) { try { data = JSON.parse(t); } catch (e) { data = null; } }
          return { status: r.status, ok: r.ok, data: data, text: t, type: ct };
        });
      }, function () {
        return { status: 0, ok: false, data: { error: '网络断开了，请稍后再试。' }, text: '', type: '' };
      });
  }
  function errorText(res) {
    return (res.data && res.data.error) || ('出错了（' + res.status + '），请再试一次。');
  }
  function setStatus(node, text, bad) {
    if (!node) { return; }
    node.textContent = text || '';
    node.classList.toggle('bad', !!bad);
  }
  function showFieldError(box, message) {
    var p = box && box.querySelector('.field-error');
    if (!p) { return false; }
    p.textContent = message || '';
    p.hidden = !message;
    box.classList.toggle('has-error', !!message);
    return true;
  }
  function clearErrors(scope) {
    Array.prototype.forEach.call(scope.querySelectorAll('.field-error'), function (p) { p.textContent = ''; p.hidden = true; });
    Array.prototype.forEach.call(scope.querySelectorAll('.has-error'), function (b) { b.classList.remove('has-error'); });
  }
  /** A file's bytes as text: UTF-8 when valid, GB18030 otherwise (Chinese Windows' "ANSI"). */
  function readText(file) {
    return file.arrayBuffer().then(function (buf) {
      var bytes = new Uint8Array(buf);
      var text;
      try { text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); }
      catch (e) { text = new TextDecoder('gb18030').decode(bytes); }
      return text.replace(/^\uFEFF/, '');
    });
  }

  /**
   * The current selection if it lies inside one paragraph's text element (selector), as
   * {n, start, end, text}, trimmed of surrounding white space; null otherwise.
   */
  function selectionIn(root, selector) {
    var sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) { return null; }
    var range = sel.getRangeAt(0);
    var a = range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentNode;
    var b = range.endContainer.nodeType === 1 ? range.endContainer : range.endContainer.parentNode;
    var textEl = a && a.closest && a.closest(selector);
    if (!textEl || !root.contains(textEl) || !b || b.closest(selector) !== textEl) { return null; }
    var pre = document.createRange();
    pre.selectNodeContents(textEl);
    pre.setEnd(range.startContainer, range.startOffset);
    var start = pre.toString().length;
    var text = range.toString();
    var end = start + text.length;
    var lead = text.length - text.replace(/^\s+/, '').length;
    var trail = text.length - text.replace(/\s+$/, '').length;
    start += lead; end -= trail;
    if (end <= start) { return null; }
    var full = textEl.textContent;
    return { n: +textEl.getAttribute('data-n'), start: start, end: end, text: full.slice(start, end) };
  }

  /** A paragraph's text with each occurrence of the terms marked, as nodes. */
  function markedText(target, text, terms) {
    var spans = [];
    terms.forEach(function (t) {
      if (!t) { return; }
      var at = text.indexOf(t);
      while (at >= 0) { spans.push([at, at + t.length]); at = text.indexOf(t, at + t.length); }
    });
    spans.sort(function (x, y) { return x[0] - y[0] || y[1] - x[1]; });
    var pos = 0;
    spans.forEach(function (s) {
      if (s[0] < pos) { return; }
      target.appendChild(document.createTextNode(text.slice(pos, s[0])));
      target.appendChild(el('mark', 'ex', text.slice(s[0], s[1])));
      pos = s[1];
    });
    target.appendChild(document.createTextNode(text.slice(pos)));
  }

  function paragraphsInto(box, paragraphs, examples) {
    clear(box);
    var terms = [];
    (examples || []).forEach(function (e) { (e.terms || []).forEach(function (t) { terms.push(t); }); });
    paragraphs.forEach(function (p) {
      var para = el('p', 'para au-para' + (p.heading ? ' heading' : ''));
      para.id = 'p' + p.n;
      para.appendChild(el('span', 'pn', p.n));
      var text = el('span', 'au-ptext');
      text.setAttribute('data-n', p.n);
      markedText(text, p.text, terms);
      para.appendChild(text);
      box.appendChild(para);
    });
  }

  /** Shows a bar while the selection lies in one paragraph of root; onPick gets the selection. */
  function watchSelection(root, bar, onPick) {
    var timer = null;
    document.addEventListener('selectionchange', function () {
      if (timer) { clearTimeout(timer); }
      timer = setTimeout(function () {
        var picked = selectionIn(root, '.au-ptext');
        if (picked) { onPick(picked); bar.hidden = false; }
        else if (!bar.contains(document.activeElement)) { bar.hidden = true; }
      }, 120);
    });
  }

  // ---------------------------------------------------------------- copy, export, import
  function copyReading(button, id) {
    button.disabled = true;
    call('POST', '/api/v1/readings/' + encodeURIComponent(id) + '/copy', csrfOf(button), {}).then(function (res) {
      if (res.status === 201 && res.data) {
        location.href = '/authoring/readings/' + encodeURIComponent(res.data.id) + '/quiz';
      } else {
        button.disabled = false;
        window.alert(errorText(res));
      }
    });
  }

  function wireCommon() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-copy-reading]'), function (b) {
      b.hidden = false;
      b.addEventListener('click', function () { copyReading(b, b.getAttribute('data-copy-reading')); });
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-copy-from]'), function (b) {
      b.hidden = false;
      b.addEventListener('click', function () { copyReading(b, $(b.getAttribute('data-copy-from')).value); });
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-download]'), function (b) {
      b.hidden = false;
      b.addEventListener('click', function () {
        fetch(b.getAttribute('data-download'), { credentials: 'same-origin', headers: { 'X-CSRF-Token': csrfOf(b) } })
          .then(function (r) {
            if (!r.ok) { throw new Error('导出失败（' + r.status + '）'); }
            return r.blob();
          }).then(function (blob) {
            var a = document.createElement('a');
            a.href = URL.createObjectURL(blob);
            a.download = b.getAttribute('data-filename');
            document.body.appendChild(a);
            a.click();
            setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
          }).catch(function (e) { window.alert(e.message); });
      });
    });
    Array.prototype.forEach.call(document.querySelectorAll('.au-import'), function (box) {
      box.hidden = false;
      var input = box.querySelector('input[type=file]');
      var out = box.querySelector('.au-import-result');
      box.querySelector('.au-import-go').addEventListener('click', function () {
        var file = input.files && input.files[0];
        if (!file) { setStatus(out, '请先选择一个文件。', true); return; }
        readText(file).then(function (text) {
          var xml = /\.xml$/i.test(file.name) || /^\s*<\?xml|^\s*<quiz/i.test(text);
          var url = '/api/v1/readings/' + encodeURIComponent(box.getAttribute('data-reading')) + '/quiz/import'
            + (box.querySelector('.au-replace').checked ? '?replace=true' : '');
          setStatus(out, '导入中…');
          return call('POST', url, csrfOf(box), text, xml ? 'application/xml' : 'text/plain; charset=utf-8');
        }).then(function (res) {
          if (!res) { return; }
          clear(out);
          if (!res.ok) {
            out.appendChild(el('p', 'field-error', errorText(res) + (res.data && res.data.line ? '（第 ' + res.data.line + ' 行）' : '')));
            return;
          }
          out.appendChild(el('p', 'flash', '导入 ' + res.data.imported + ' 题' + (res.data.skipped.length ? '，略过 ' + res.data.skipped.length + ' 题：' : '。')));
          var ul = el('ul', 'plain-list');
          res.data.skipped.forEach(function (s) { ul.appendChild(el('li', null, '第 ' + s.line + ' 行：' + s.reason)); });
          out.appendChild(ul);
        });
      });
    });
  }

  // ---------------------------------------------------------------- a new reading
  function newReading(root) {
    var form = $('new-reading');
    var status = form.querySelector('.au-status');
    $('au-file').addEventListener('change', function () {
      var file = this.files && this.files[0];
      if (!file) { return; }
      readText(file).then(function (text) {
        $('au-text').value = text;
        if (!$('au-title').value.trim()) { $('au-title').value = file.name.replace(/\.[^.]*$/, ''); }
      });
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      clearErrors(form);
      setStatus(status, '导入中…');
      call('POST', '/api/v1/readings', csrfOf(root), { title: $('au-title').value, text: $('au-text').value }).then(function (res) {
        if (res.status === 201) {
          location.href = '/authoring/readings/' + encodeURIComponent(res.data.id) + '?new=1';
          return;
        }
        setStatus(status, '');
        var box = res.data && res.data.field ? form.querySelector('[data-field="' + res.data.field + '"]') : null;
        if (!showFieldError(box, errorText(res))) { setStatus(status, errorText(res), true); }
        var focus = box && box.querySelector('input, textarea');
        if (focus) { focus.focus(); }
      });
    });
  }

  // ---------------------------------------------------------------- repairs and examples
  var KINDS = { join: '合并被分页切断的段落', boilerplate: '删除网站套话', 'stray-mark': '去掉字间的杂乱符号' };

  /** before and after, cut to the part that changes with some context, the change marked. */
  function diffInto(box, before, after) {
    var p = 0;
    while (p < before.length && p < after.length && before[p] === after[p]) { p++; }
    var s = 0;
    while (s < before.length - p && s < after.length - p && before[before.length - 1 - s] === after[after.length - 1 - s]) { s++; }
    var ctx = 18;
    function part(text, tag, label) {
      var line = el('p', 'au-diff-line');
      line.appendChild(el('span', 'au-diff-label', label));
      var from = Math.max(0, p - ctx);
      var to = Math.min(text.length, text.length - s + ctx);
      if (from > 0) { line.appendChild(document.createTextNode('…')); }
      line.appendChild(document.createTextNode(text.slice(from, p)));
      var changed = text.slice(p, text.length - s);
      var m = el(tag, null, changed.replace(/\n/g, ' ¶ '));
      if (changed) { line.appendChild(m); }
      line.appendChild(document.createTextNode(text.slice(text.length - s, to)));
      if (to < text.length) { line.appendChild(document.createTextNode('…')); }
      return line;
    }
    box.appendChild(part(before, 'del', '原文'));
    box.appendChild(after ? part(after, 'ins', '改为') : el('p', 'au-diff-line au-drop', '改为：删除这一段'));
  }

  function readingEditor(root) {
    var id = root.getAttribute('data-id');
    var csrf = csrfOf(root);
    var reading = JSON.parse(root.getAttribute('data-reading'));
    var storeKey = 'jx-au-rejected-' + id;
    var rejected = [];
    try { rejected = JSON.parse(localStorage.getItem(storeKey) || '[]'); } catch (e) { rejected = []; }
    var decisions = {};
    var list = root.querySelector('.au-repair-list');
    var status = root.querySelector('#repairs .au-status');
    var picked = null;

    function sig(r) { return r.kind + '|' + r.before; }
    function pending() { return reading.repairs.filter(function (r) { return rejected.indexOf(sig(r)) < 0; }); }

    function renderRepairs() {
      clear(list);
      var open = pending();
      root.querySelector('.au-no-repairs').hidden = open.length > 0;
      $('apply-repairs').hidden = open.length === 0;
      open.forEach(function (r) {
        var li = el('li', 'au-repair');
        li.setAttribute('data-kind', r.kind);
        li.appendChild(el('p', 'au-repair-head', KINDS[r.kind] + ' · 第 ' + r.paragraph + ' 段' + (r.kind === 'join' ? '和第 ' + (r.paragraph + 1) + ' 段' : '')));
        var diff = el('div', 'au-diff');
        diffInto(diff, r.before, r.after);
        li.appendChild(diff);
        var row = el('p', 'button-row au-choice');
        [['accept', '接受'], ['reject', '不接受']].forEach(function (c) {
          var b = el('button', 'secondary au-' + c[0], c[1]);
          b.type = 'button';
          b.setAttribute('aria-pressed', decisions[r.index] === c[0] ? 'true' : 'false');
          b.addEventListener('click', function () {
            decisions[r.index] = c[0];
            renderRepairs();
          });
          row.appendChild(b);
        });
        li.appendChild(row);
        list.appendChild(li);
      });
    }

    function renderExamples() {
      var ul = root.querySelector('.au-examples');
      clear(ul);
      if (!reading.examples.length) { ul.appendChild(el('li', 'hint', '还没有标出例子。')); }
      reading.examples.forEach(function (ex, i) {
        var li = el('li', 'chip au-example');
        li.appendChild(el('span', 'au-example-name', ex.name));
        if (ex.terms.length > 1 || ex.terms[0] !== ex.name) {
          li.appendChild(el('span', 'au-example-terms', '（' + ex.terms.join('、') + '）'));
        }
        var x = el('button', 'link au-remove-example', '删除');
        x.type = 'button';
        x.setAttribute('aria-label', '删除例子 ' + ex.name);
        x.addEventListener('click', function () {
          var rest = reading.examples.filter(function (e, k) { return k !== i; });
          saveExamples(rest.map(function (e) { return { name: e.name, terms: e.terms }; }));
        });
        li.appendChild(x);
        ul.appendChild(li);
      });
    }

    function render() {
      renderRepairs();
      renderExamples();
      paragraphsInto($('au-paragraphs'), reading.paragraphs, reading.examples);
    }

    function saveExamples(examples) {
      var box = root.querySelector('.au-examples-panel');
      return call('PUT', '/api/v1/readings/' + encodeURIComponent(id), csrf, { examples: examples }).then(function (res) {
        var p = box.querySelector('[data-error-for=examples]');
        if (!res.ok) { p.textContent = errorText(res); p.hidden = false; return false; }
        p.hidden = true;
        reading = res.data;
        render();
        return true;
      });
    }

    $('apply-repairs').addEventListener('click', function () {
      var open = pending();
      var accept = open.filter(function (r) { return decisions[r.index] === 'accept'; }).map(function (r) { return r.index; });
      var refused = open.filter(function (r) { return decisions[r.index] === 'reject'; });
      if (!accept.length && !refused.length) { setStatus(status, '请先逐条选择“接受”或“不接受”。', true); return; }
      function remember() {
        refused.forEach(function (r) { rejected.push(sig(r)); });
        try { localStorage.setItem(storeKey, JSON.stringify(rejected)); } catch (e) { /* private mode: forget */ }
        decisions = {};
      }
      if (!accept.length) { remember(); render(); setStatus(status, '已保留原样。'); return; }
      setStatus(status, '应用中…');
      call('PUT', '/api/v1/readings/' + encodeURIComponent(id), csrf, { accept: accept }).then(function (res) {
        if (!res.ok) { setStatus(status, errorText(res), true); return; }
        remember();
        reading = res.data;
        render();
        setStatus(status, '已应用 ' + accept.length + ' 条修复。');
      });
    });

    var bar = $('example-bar');
    watchSelection($('au-paragraphs'), bar, function (p) {
      picked = p;
      bar.querySelector('.au-picked').textContent = p.text;
      $('ex-name').value = p.text.length <= 20 ? p.text : '';
    });
    $('mark-example').addEventListener('click', function () {
      if (!picked) { return; }
      var name = $('ex-name').value.trim() || picked.text;
      var examples = reading.examples.map(function (e) { return { name: e.name, terms: e.terms }; });
      examples.push({ name: name, spans: [{ paragraph: picked.n, start: picked.start, end: picked.end }] });
      saveExamples(examples).then(function (ok) {
        if (ok) { bar.hidden = true; picked = null; window.getSelection().removeAllRanges(); }
      });
    });

    $('save-title').addEventListener('click', function () {
      var box = root.querySelector('.au-title-edit');
      call('PUT', '/api/v1/readings/' + encodeURIComponent(id), csrf, { title: $('au-new-title').value }).then(function (res) {
        if (!res.ok) { showFieldError(box.querySelector('[data-field=title]'), errorText(res)); return; }
        showFieldError(box.querySelector('[data-field=title]'), '');
        reading = res.data;
        root.querySelector('.au-title-text').textContent = reading.title;
        render();
      });
    });
    render();
  }

  // ---------------------------------------------------------------- the question editor
  var CHOICE_LISTS = { single: ['options'], multiple: ['options'], matching: ['left', 'right'], ordering: ['items'] };
  var LIST_LABELS = { options: '选项', left: '左列', right: '右列', items: '各项（按正确顺序填写，学生看到的是打乱的）' };
  var ID_STYLE = { options: 'A', items: 'A', left: 'L', right: 'R' };

  function nextId(list, field) {
    var taken = list.map(function (c) { return c.id; });
    for (var k = 0; ; k++) {
      var id = ID_STYLE[field] === 'A' ? String.fromCharCode(65 + (k % 26)) + (k >= 26 ? String(Math.floor(k / 26)) : '')
        : ID_STYLE[field] + (k + 1);
      if (taken.indexOf(id) < 0) { return id; }
    }
  }

  function blank(type, examples) {
    var q = { type: type, prompt: '', example: examples.length ? examples[0].name : '', level: 'recall', points: 1, evidence: '', explanation: '' };
    var lists = CHOICE_LISTS[type] || [];
    lists.forEach(function (f) {
      q[f] = [];
      for (var i = 0; i < (type === 'matching' ? 2 : 3); i++) { q[f].push({ id: nextId(q[f], f), text: '' }); }
    });
    if (type === 'multiple') { q.answer = []; }
    if (type === 'truefalse') { q.answer = true; }
    if (type === 'matching') { q.answer = {}; }
    if (type === 'fill' || type === 'short' || type === 'evidence' || type === 'numeric') { q.answer = ''; }
    if (type === 'evidence') { q.paragraphs = ''; }
    return q;
  }

  /** A question of the teacher view, made editable: evidence paragraphs as "3, 4", sentence ids as text, ordering items in key order. */
  function editable(view) {
    var q = JSON.parse(JSON.stringify(view));
    if (q.type === 'evidence' && Array.isArray(q.paragraphs)) {
      var texts = {};
      q.paragraphs.forEach(function (p) { (p.sentences || []).forEach(function (s) { texts[s.id] = s.text; }); });
      q.paragraphs = q.paragraphs.map(function (p) { return p.n; }).join(', ');
      if (texts[q.answer]) { q.answer = texts[q.answer]; }
    }
    if (q.type === 'ordering' && Array.isArray(q.answer)) {
      var byId = {};
      q.items.forEach(function (c) { byId[c.id] = c; });
      q.items = q.answer.map(function (id) { return byId[id]; }).filter(Boolean);
    }
    if (q.type === 'fill' && !q.accept) { q.accept = []; }
    return q;
  }

  /** A question as the API takes it. */
  function forApi(q) {
    var out = {};
    Object.keys(q).forEach(function (k) { if (k.charAt(0) !== '_' && k !== 'paragraph') { out[k] = q[k]; } });
    if (q.type === 'ordering') { out.answer = q.items.map(function (c) { return c.id; }); }
    ['points', 'tolerance'].forEach(function (k) {
      if (out[k] === '' || out[k] === null || out[k] === undefined) { delete out[k]; return; }
      var n = Number(out[k]);
      if (!isNaN(n)) { out[k] = n; }
    });
    if (q.type === 'numeric' && out.answer !== '' && !isNaN(Number(out.answer))) { out.answer = Number(out.answer); }
    if (q.type === 'fill') { out.accept = (q.accept || []).filter(function (a) { return String(a).trim(); }); }
    ['explanation', 'note', 'unit'].forEach(function (k) { if (out[k] === '') { delete out[k]; } });
    if (q.type === 'short' && out.answer === '') { delete out.answer; }
    return out;
  }

  function quizEditor(root) {
    var id = root.getAttribute('data-id');
    var csrf = csrfOf(root);
    var data = JSON.parse(root.getAttribute('data-editor'));
    var reading = data.reading;
    var levels = data.levels;
    var types = {};
    data.types.forEach(function (t) { types[t.name] = t.label; });
    var questions = data.quiz ? data.quiz.questions.map(editable) : [];
    var discuss = data.quiz && data.quiz.discuss && data.quiz.discuss.length ? data.quiz.discuss.slice() : data.defaultDiscuss.slice();
    while (discuss.length < 3) { discuss.push(''); }
    var active = 0;
    var warnings = [];
    var warnIds = [];
    var dirty = false;
    var list = $('au-questions');
    var status = root.querySelector('.au-actions .au-status');
    var keySeq = 0;
    questions.forEach(function (q) { q._key = ++keySeq; });

    function paragraphOf(text) {
      if (!text) { return 0; }
      for (var i = 0; i < reading.paragraphs.length; i++) {
        if (reading.paragraphs[i].text.indexOf(text) >= 0) { return reading.paragraphs[i].n; }
      }
      return 0;
    }
    function changed() { dirty = true; setStatus(status, '有未发布的修改。'); }

    function fieldBox(name, label, control, hint) {
      var box = el('div', 'au-field');
      box.setAttribute('data-field', name);
      var lab = el('label', null, label);
      if (control.id) { lab.htmlFor = control.id; }
      box.appendChild(lab);
      box.appendChild(control);
      if (hint) { box.appendChild(el('p', 'hint', hint)); }
      var err = el('p', 'field-error');
      err.setAttribute('role', 'alert');
      err.hidden = true;
      box.appendChild(err);
      return box;
    }
    function textControl(q, key, multi, domId, onInput) {
      var c = el(multi ? 'textarea' : 'input');
      if (!multi) { c.type = 'text'; } else { c.rows = 2; }
      c.id = domId;
      c.value = q[key] === undefined || q[key] === null ? '' : String(q[key]);
      c.addEventListener('input', function () { q[key] = c.value; changed(); if (onInput) { onInput(); } });
      return c;
    }
    function select(domId, options, value, onChange) {
      var s = el('select');
      s.id = domId;
      options.forEach(function (o) {
        var opt = el('option', null, o.label);
        opt.value = o.value;
        if (String(o.value) === String(value)) { opt.selected = true; }
        s.appendChild(opt);
      });
      s.addEventListener('change', function () { onChange(s.value); changed(); });
      return s;
    }

    function choiceList(q, field, i) {
      var wrap = el('div', 'au-choices');
      var ol = el('ol', 'au-choice-list');
      q[field].forEach(function (c, k) {
        var li = el('li', 'au-choice-row');
        li.appendChild(el('span', 'letter', c.id));
        var input = el('input');
        input.type = 'text';
        input.id = 'q' + q._key + '-' + field + '-' + k;
        input.value = c.text || '';
        input.setAttribute('aria-label', LIST_LABELS[field].replace(/（.*/, '') + ' ' + c.id);
        input.addEventListener('input', function () { c.text = input.value; changed(); if (q.type === 'matching') { refreshMatching(q, i); } });
        li.appendChild(input);
        if (q.type === 'single' || q.type === 'multiple') {
          var mark = el('label', 'au-correct');
          var box = el('input');
          box.type = q.type === 'single' ? 'radio' : 'checkbox';
          box.name = 'q' + q._key + '-correct';
          box.checked = q.type === 'single' ? q.answer === c.id : (q.answer || []).indexOf(c.id) >= 0;
          box.addEventListener('change', function () {
            if (q.type === 'single') { q.answer = c.id; }
            else {
              var set = (q.answer || []).filter(function (x) { return x !== c.id; });
              if (box.checked) { set.push(c.id); }
              q.answer = q.options.map(function (o) { return o.id; }).filter(function (x) { return set.indexOf(x) >= 0; });
            }
            changed();
          });
          mark.appendChild(box);
          mark.appendChild(document.createTextNode(' 正确'));
          li.appendChild(mark);
        }
        if (q.type === 'ordering') {
          ['↑', '↓'].forEach(function (arrow, up) {
            var m = el('button', 'secondary au-small', arrow);
            m.type = 'button';
            m.setAttribute('aria-label', (up ? '下移 ' : '上移 ') + c.id);
            m.addEventListener('click', function () {
              var to = up ? k + 1 : k - 1;
              if (to < 0 || to >= q.items.length) { return; }
              var t = q.items[k]; q.items[k] = q.items[to]; q.items[to] = t;
              changed(); renderAll();
            });
            li.appendChild(m);
          });
        }
        var del = el('button', 'link danger au-small', '删');
        del.type = 'button';
        del.setAttribute('aria-label', '删除 ' + c.id);
        del.addEventListener('click', function () {
          q[field].splice(k, 1);
          if (q.type === 'single' && q.answer === c.id) { q.answer = null; }
          if (q.type === 'multiple') { q.answer = (q.answer || []).filter(function (x) { return x !== c.id; }); }
          if (q.type === 'matching') {
            Object.keys(q.answer || {}).forEach(function (l) { if (l === c.id || q.answer[l] === c.id) { delete q.answer[l]; } });
          }
          changed(); renderAll();
        });
        li.appendChild(del);
        ol.appendChild(li);
      });
      wrap.appendChild(ol);
      var add = el('button', 'secondary au-small', '添加一项');
      add.type = 'button';
      add.addEventListener('click', function () { q[field].push({ id: nextId(q[field], field), text: '' }); changed(); renderAll(); });
      wrap.appendChild(add);
      return wrap;
    }

    function refreshMatching(q, i) {
      var card = list.children[i];
      var holder = card && card.querySelector('.au-pairs');
      if (holder) { holder.replaceWith(matchingPairs(q)); }
    }
    function matchingPairs(q) {
      var box = el('div', 'au-pairs');
      q.answer = q.answer || {};
      q.left.forEach(function (l) {
        var row = el('p', 'au-pair');
        var s = select('q' + q._key + '-pair-' + l.id, [{ value: '', label: '（未配对）' }].concat(q.right.map(function (r) {
          return { value: r.id, label: r.id + ' ' + (r.text || '') };
        })), q.answer[l.id] || '', function (v) { if (v) { q.answer[l.id] = v; } else { delete q.answer[l.id]; } });
        var lab = el('label', null, l.id + ' ' + (l.text || '') + ' →');
        lab.htmlFor = s.id;
        row.appendChild(lab);
        row.appendChild(s);
        box.appendChild(row);
      });
      return box;
    }

    function typeFields(q, i, card) {
      var k = 'q' + q._key + '-';
      (CHOICE_LISTS[q.type] || []).forEach(function (f) {
        var wrap = choiceList(q, f, i);
        var box = fieldBox(f, LIST_LABELS[f], wrap);
        card.appendChild(box);
      });
      if (q.type === 'single' || q.type === 'multiple') {
        var a = el('div', 'au-field');
        a.setAttribute('data-field', 'answer');
        a.appendChild(el('p', 'hint', q.type === 'single' ? '在正确的选项后勾选“正确”。' : '勾选所有正确的选项。'));
        var e1 = el('p', 'field-error'); e1.hidden = true; a.appendChild(e1);
        card.appendChild(a);
      }
      if (q.type === 'truefalse') {
        var tf = el('div', 'au-tf');
        [[true, '对'], [false, '错']].forEach(function (v) {
          var lab = el('label', 'choice');
          var r = el('input');
          r.type = 'radio'; r.name = k + 'tf'; r.checked = q.answer === v[0];
          r.addEventListener('change', function () { q.answer = v[0]; changed(); });
          lab.appendChild(r);
          lab.appendChild(document.createTextNode(' ' + v[1]));
          tf.appendChild(lab);
        });
        var tfBox = fieldBox('answer', '答案', tf);
        card.appendChild(tfBox);
      }
      if (q.type === 'fill') {
        card.appendChild(fieldBox('answer', '答案', textControl(q, 'answer', false, k + 'answer')));
        var acc = el('input');
        acc.type = 'text'; acc.id = k + 'accept';
        acc.value = (q.accept || []).join(' | ');
        acc.addEventListener('input', function () { q.accept = acc.value.split('|').map(function (s) { return s.trim(); }); changed(); });
        card.appendChild(fieldBox('accept', '也接受的答案（可不填，用 | 分隔）', acc));
      }
      if (q.type === 'numeric') {
        var pair = el('div', 'field-pair');
        var ans = textControl(q, 'answer', false, k + 'answer'); ans.inputMode = 'decimal';
        var tol = textControl(q, 'tolerance', false, k + 'tolerance'); tol.inputMode = 'decimal';
        pair.appendChild(fieldBox('answer', '答案（数字）', ans));
        pair.appendChild(fieldBox('tolerance', '允许误差（可不填）', tol));
        pair.appendChild(fieldBox('unit', '单位（可不填）', textControl(q, 'unit', false, k + 'unit')));
        card.appendChild(pair);
      }
      if (q.type === 'matching') {
        var m = el('div', 'au-field');
        m.setAttribute('data-field', 'answer');
        m.appendChild(el('p', 'au-label', '正确的配对'));
        m.appendChild(matchingPairs(q));
        var e2 = el('p', 'field-error'); e2.hidden = true; m.appendChild(e2);
        card.appendChild(m);
      }
      if (q.type === 'ordering') {
        var o = el('div', 'au-field');
        o.setAttribute('data-field', 'answer');
        var e3 = el('p', 'field-error'); e3.hidden = true; o.appendChild(e3);
        card.appendChild(o);
      }
      if (q.type === 'short') {
        card.appendChild(fieldBox('rubric', '评分要点', textControl(q, 'rubric', true, k + 'rubric')));
        card.appendChild(fieldBox('answer', '参考答案（可不填）', textControl(q, 'answer', true, k + 'answer')));
      }
      if (q.type === 'evidence') {
        card.appendChild(fieldBox('paragraphs', '给学生看的段落（如 3, 4）', textControl(q, 'paragraphs', false, k + 'paragraphs')));
        card.appendChild(fieldBox('answer', '答案句', textControl(q, 'answer', true, k + 'answer'),
          '在原文中选中答案句，点“用作依据”，答案句、依据和段落一起填好。'));
      }
    }

    function card(q, i) {
      var li = el('li', 'au-q card' + (i === active ? ' active' : ''));
      li.id = 'au-q-' + q._key;
      li.setAttribute('data-index', i);
      var head = el('div', 'au-q-head');
      head.appendChild(el('h2', 'au-q-title', '第 ' + (i + 1) + ' 题 · ' + (types[q.type] || q.type)));
      var tools = el('div', 'au-q-tools');
      [['↑', '上移', -1], ['↓', '下移', 1]].forEach(function (m) {
        var b = el('button', 'secondary au-small', m[0]);
        b.type = 'button';
        b.setAttribute('aria-label', m[1] + '第 ' + (i + 1) + ' 题');
        b.disabled = (m[2] < 0 && i === 0) || (m[2] > 0 && i === questions.length - 1);
        b.addEventListener('click', function () {
          var to = i + m[2];
          var t = questions[i]; questions[i] = questions[to]; questions[to] = t;
          active = to; changed(); renderAll();
        });
        tools.appendChild(b);
      });
      var del = el('button', 'secondary au-small au-delete', '删除');
      del.type = 'button';
      del.setAttribute('aria-label', '删除第 ' + (i + 1) + ' 题');
      del.addEventListener('click', function () {
        if (!window.confirm('删除第 ' + (i + 1) + ' 题？发布后才生效。')) { return; }
        questions.splice(i, 1);
        active = Math.min(active, questions.length - 1);
        changed(); renderAll();
      });
      tools.appendChild(del);
      head.appendChild(tools);
      li.appendChild(head);
      var top = el('p', 'field-error au-q-error');
      top.hidden = true;
      var topBox = el('div', 'au-field au-q-top');
      topBox.setAttribute('data-field', '_top');
      topBox.appendChild(top);
      li.appendChild(topBox);
      li.appendChild(el('ul', 'au-warnings'));

      var k = 'q' + q._key + '-';
      li.appendChild(fieldBox('prompt', '题干', textControl(q, 'prompt', true, k + 'prompt')));
      typeFields(q, i, li);

      var ev = textControl(q, 'evidence', true, k + 'evidence', function () { pn.textContent = where(q); });
      var pn = el('span', 'au-pno', where(q));
      var evBox = fieldBox('evidence', '原文依据', ev, '在左边（手机上是上面）的原文里选中一句，点“用作依据”。');
      evBox.querySelector('label').appendChild(document.createTextNode(' '));
      evBox.querySelector('label').appendChild(pn);
      li.appendChild(evBox);

      var row = el('div', 'field-pair');
      row.appendChild(fieldBox('example', '例子', select(k + 'example', reading.examples.map(function (e) {
        return { value: e.name, label: e.name };
      }).concat(q.example && !reading.examples.some(function (e) { return e.name === q.example; })
        ? [{ value: q.example, label: q.example + '（不在课文的例子里）' }] : []), q.example, function (v) { q.example = v; })));
      row.appendChild(fieldBox('level', '层次', select(k + 'level', levels.map(function (l) {
        return { value: l.name, label: l.label };
      }), q.level || 'recall', function (v) { q.level = v; })));
      var pts = textControl(q, 'points', false, k + 'points');
      pts.inputMode = 'decimal';
      row.appendChild(fieldBox('points', '分值', pts));
      li.appendChild(row);
      li.appendChild(fieldBox('explanation', '解析（可不填；{p} 代表依据所在的段落号）', textControl(q, 'explanation', true, k + 'explanation')));

      li.addEventListener('focusin', function () { setActive(i); });
      li.addEventListener('click', function () { setActive(i); });
      return li;
    }

    function where(q) {
      var n = paragraphOf(q.evidence);
      return q.evidence ? (n ? '第 ' + n + ' 段' : '不在原文里') : '';
    }

    function setActive(i) {
      if (active === i) { return; }
      active = i;
      Array.prototype.forEach.call(list.children, function (c, k) { c.classList.toggle('active', k === i); });
      root.querySelector('.au-target-no').textContent = String(i + 1);
    }

    function renderDiscuss() {
      var box = root.querySelector('.au-discuss-list');
      clear(box);
      discuss.forEach(function (d, k) {
        var input = el('input');
        input.type = 'text';
        input.id = 'discuss-' + k;
        input.value = d;
        input.setAttribute('aria-label', '讨论题 ' + (k + 1));
        input.addEventListener('input', function () { discuss[k] = input.value; changed(); });
        box.appendChild(input);
      });
    }

    function renderWarnings() {
      var general = [];
      var byIndex = {};
      warnings.forEach(function (w) {
        var i = w.question ? warnIds.indexOf(w.question) : -1;
        if (i >= 0) { (byIndex[i] = byIndex[i] || []).push(w); } else { general.push(w); }
      });
      Array.prototype.forEach.call(list.children, function (c, i) {
        var ul = c.querySelector('.au-warnings');
        clear(ul);
        (byIndex[i] || []).forEach(function (w) { ul.appendChild(el('li', 'au-warning', '提醒：' + w.message)); });
      });
      var box = $('au-messages');
      Array.prototype.forEach.call(box.querySelectorAll('.au-general'), function (n) { n.remove(); });
      if (general.length) {
        var ul = el('ul', 'warn-box au-general');
        general.forEach(function (w) { ul.appendChild(el('li', 'au-warning', '提醒：' + w.message)); });
        box.appendChild(ul);
      }
    }

    function renderAll() {
      clear(list);
      questions.forEach(function (q, i) {
        if (!q._key) { q._key = ++keySeq; }
        list.appendChild(card(q, i));
      });
      root.querySelector('.au-no-questions').hidden = questions.length > 0;
      root.querySelector('.au-target-no').textContent = String(active + 1);
      renderWarnings();
    }

    function draft() {
      return { discuss: discuss.filter(function (d) { return d.trim(); }), questions: questions.map(forApi) };
    }

    /** A 400 {"error","field","question"} shown next to its field, and above the list. */
    function showProblem(res) {
      clearErrors(root);
      var box = $('au-messages');
      Array.prototype.forEach.call(box.querySelectorAll('.errors'), function (n) { n.remove(); });
      var d = res.data || {};
      var summary = el('p', 'errors');
      summary.setAttribute('role', 'alert');
      var target = null;
      if (typeof d.question === 'number' && d.question >= 0 && list.children[d.question]) {
        var c = list.children[d.question];
        target = c.querySelector('[data-field="' + d.field + '"]') || c.querySelector('[data-field=_top]');
        summary.textContent = '第 ' + (d.question + 1) + ' 题：' + errorText(res);
        setActive(d.question);
      } else if (d.field === 'discuss') {
        target = root.querySelector('.au-discuss');
        summary.textContent = '讨论题：' + errorText(res);
      } else {
        summary.textContent = errorText(res);
      }
      box.insertBefore(summary, box.firstChild);
      if (target) {
        showFieldError(target, errorText(res));
        target.scrollIntoView({ block: 'center' });
        var f = target.querySelector('input, textarea, select');
        if (f) { f.focus({ preventScroll: true }); }
      }
    }
    function clearProblem() {
      clearErrors(root);
      Array.prototype.forEach.call($('au-messages').querySelectorAll('.errors'), function (n) { n.remove(); });
    }

    $('add-question').addEventListener('click', function () {
      var q = blank($('add-type').value, reading.examples);
      q._key = ++keySeq;
      questions.push(q);
      active = questions.length - 1;
      changed(); renderAll();
      var c = list.lastElementChild;
      c.scrollIntoView({ block: 'start' });
      var f = c.querySelector('textarea');
      if (f) { f.focus({ preventScroll: true }); }
    });

    $('preview-quiz').addEventListener('click', function () {
      setStatus(status, '生成预览…');
      call('POST', '/authoring/readings/' + encodeURIComponent(id) + '/preview', csrf, draft()).then(function (res) {
        if (!res.ok || res.type.indexOf('text/html') < 0) { setStatus(status, '预览不了：请按提示修改。', true); showProblem(res); return; }
        clearProblem();
        var doc = new DOMParser().parseFromString(res.text, 'text/html');
        var body = doc.body.firstElementChild;
        warnings = JSON.parse(body.getAttribute('data-warnings') || '[]');
        warnIds = JSON.parse(body.getAttribute('data-ids') || '[]');
        renderWarnings();
        var phone = root.querySelector('.au-phone');
        clear(phone);
        phone.appendChild(document.adoptNode(body));
        var panel = $('au-preview');
        panel.hidden = false;
        setStatus(status, warnings.length ? '预览好了，有 ' + warnings.length + ' 条提醒（见各题）。' : '预览好了。');
        panel.scrollIntoView({ block: 'start' });
        $('preview-h').focus({ preventScroll: true });
      });
    });

    $('publish-quiz').addEventListener('click', function () {
      var b = this;
      b.disabled = true;
      setStatus(status, '发布中…');
      call('PUT', '/api/v1/readings/' + encodeURIComponent(id) + '/quiz', csrf, draft()).then(function (res) {
        b.disabled = false;
        if (!res.ok) { setStatus(status, '没有发布：请按提示修改。', true); showProblem(res); return; }
        clearProblem();
        dirty = false;
        (res.data.ids || []).forEach(function (qid, i) { if (questions[i]) { questions[i].id = qid; } });
        warnings = res.data.warnings || [];
        warnIds = res.data.ids || [];
        var line = root.querySelector('.au-version-line');
        clear(line);
        line.appendChild(document.createTextNode('学生现在作答的版本：'));
        line.appendChild(el('span', 'mono au-version', res.data.version));
        renderWarnings();
        setStatus(status, '已发布新版本 ' + res.data.version + '，共 ' + res.data.questions + ' 题' + (warnings.length ? '；有 ' + warnings.length + ' 条提醒（见各题）。' : '。'));
      });
    });

    var picked = null;
    var bar = $('evidence-bar');
    paragraphsInto($('au-source'), reading.paragraphs, reading.examples);
    watchSelection($('au-source'), bar, function (p) {
      picked = p;
      bar.querySelector('.au-picked-n').textContent = String(p.n);
      bar.querySelector('.au-picked').textContent = p.text;
      root.querySelector('.au-target-no').textContent = String(active + 1);
    });
    $('use-evidence').addEventListener('click', function () {
      var q = questions[active];
      if (!picked || !q) { return; }
      q.evidence = picked.text;
      if (q.type === 'evidence') {
        q.answer = picked.text;
        if (!String(q.paragraphs || '').trim()) { q.paragraphs = String(picked.n); }
      }
      changed(); renderAll();
      bar.hidden = true;
      window.getSelection().removeAllRanges();
      var c = list.children[active];
      var evField = c && c.querySelector('[data-field=evidence]');
      if (evField) { evField.scrollIntoView({ block: 'center' }); }
    });

    var addType = $('add-type');
    data.types.forEach(function (t) {
      var o = el('option', null, t.label);
      o.value = t.name;
      addType.appendChild(o);
    });
    window.addEventListener('beforeunload', function (e) { if (dirty) { e.preventDefault(); e.returnValue = ''; } });
    renderDiscuss();
    renderAll();
  }

  document.addEventListener('DOMContentLoaded', function () {
    wireCommon();
    if ($('authoring-new')) { newReading($('authoring-new')); }
    if ($('authoring-reading')) { readingEditor($('authoring-reading')); }
    if ($('authoring-quiz')) { quizEditor($('authoring-quiz')); }
  });
})();
