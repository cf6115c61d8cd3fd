/* Live classroom mode: the projector (#live-host) and the phone (#live-play). Text from the server
   is only ever placed with textContent. */
(function () {
  'use strict';

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function $(id) { return document.getElementById(id); }
  function show(id, on) { var e = $(id); if (e) { e.hidden = !on; } }
  function clear(e) { while (e.firstChild) { e.removeChild(e.firstChild); } }

  function call(method, url, body, headers) {
    var h = { 'Accept': 'application/json' };
    if (body !== undefined) { h['Content-Type'] = 'application/json'; }
    Object.keys(headers || {}).forEach(function (k) { if (headers[k]) { h[k] = headers[k]; } });
    return fetch(url, { method: method, headers: h, body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin' }).then(function (r) {
      return r.text().then(function (t) {
        var data = null;
        try { data = t ? JSON.parse(t) : null; } catch (e) { data = null; }
        return { status: r.status, ok: r.ok, data: data };
      });
    });
  }

  /** The paragraph with the evidence marked, built as text nodes and a <mark>. */
  function paragraphInto(block, p) {
    clear(block);
    if (!p) { return; }
    block.appendChild(document.createTextNode(p.before || ''));
    var m = el('mark', 'evidence', p.evidence || '');
    block.appendChild(m);
    block.appendChild(document.createTextNode(p.after || ''));
  }

  function optionLines(q) {
    if (q.type === 'truefalse') { return [{ id: true, text: '对' }, { id: false, text: '错' }]; }
    return q.options || q.items || [];
  }

  // ---------------------------------------------------------------- projector
  function host(root) {
    var id = root.getAttribute('data-session');
    var csrf = root.getAttribute('data-csrf');
    var hdr = { 'X-CSRF-Token': csrf };
    var state = { status: 'lobby', index: -1, count: +root.getAttribute('data-count') };
    var timer = null;

    function stage(name) {
      ['lh-lobby', 'lh-question', 'lh-reveal', 'lh-board'].forEach(function (s) { show(s, s === name); });
      show('lh-pin-small', name !== 'lh-lobby');
    }
    function progress() {
      var p = $('lh-progress');
      if (state.status === 'finished') { p.textContent = '已结束'; }
      else if (state.index < 0) { p.textContent = '等待开始 · 共 ' + state.count + ' 题'; }
      else { p.textContent = '第 ' + (state.index + 1) + ' / ' + state.count + ' 题'; }
      var next = $('lh-next');
      next.hidden = state.status === 'finished';
      next.textContent = state.index < 0 ? '开始第一题' : state.index + 1 >= state.count ? '结束并看排行榜' : '下一题';
      $('lh-reveal-btn').hidden = state.status !== 'question';
      $('lh-end').hidden = state.status === 'finished';
    }
    function players(d) {
      $('lh-players').textContent = d.players;
      $('lh-of').textContent = d.players;
      var ul = $('lh-names');
      if (d.names) {
        clear(ul);
        d.names.forEach(arrive);
      }
      if (d.joined && !ul.querySelector('li[data-id="' + d.joined.id + '"]')) { arrive(d.joined); }
      if (d.removed) {
        var gone = ul.querySelector('li[data-id="' + d.removed + '"]');
        if (gone) { ul.removeChild(gone); }
      }
    }
    function arrive(p) {
        var ul = $('lh-names');
        var li = el('li', p.guest ? 'guest' : '', p.name);
        li.setAttribute('data-id', p.id);
        if (p.guest) {
          var b = el('button', 'link danger remove', '移出');
          b.type = 'button';
          b.setAttribute('aria-label', '移出 ' + p.name);
          b.addEventListener('click', function () {
            call('DELETE', '/api/v1/live/' + id + '/players/' + p.id, undefined, hdr).then(refresh);
          });
          li.appendChild(b);
        }
        ul.appendChild(li);
    }
    function question(d) {
      var q = d.question;
      stage('lh-question');
      $('lh-type').textContent = q.typeLabel + '题';
      $('lh-prompt').textContent = q.prompt;
      var ol = $('lh-options');
      clear(ol);
      if (q.type !== 'truefalse') {
        optionLines(q).forEach(function (o) { ol.appendChild(el('li', '', o.id + '. ' + o.text)); });
      }
      if (q.unit) { ol.appendChild(el('li', 'unit', '单位：' + q.unit)); }
      $('lh-answered').textContent = d.answered || 0;
      // the projector's clock may differ from the server's: count from the server's time
      countdown(d.countdown, d.questionAt + (d.serverNow ? Date.now() - d.serverNow : 0));
    }
    function countdown(seconds, at) {
      if (timer) { clearInterval(timer); timer = null; }
      var t = $('lh-timer');
      t.hidden = !(seconds > 0);
      if (!(seconds > 0)) { return; }
      function tick() {
        var left = Math.max(0, Math.ceil(seconds - (Date.now() - at) / 1000));
        t.textContent = left > 0 ? left + ' 秒' : '时间到';
        if (left <= 0 && timer) { clearInterval(timer); timer = null; }
      }
      tick();
      timer = setInterval(tick, 250);
    }
    function reveal(r) {
      if (timer) { clearInterval(timer); timer = null; }
      stage('lh-reveal');
      $('lh-rtype').textContent = r.question.typeLabel + '题 · 揭晓';
      $('lh-rprompt').textContent = r.question.prompt;
      $('lh-key').textContent = r.answerText;
      $('lh-tally').textContent = r.answered + ' / ' + r.players + ' 人作答，' + r.correct + ' 人答对';
      var ul = $('lh-bars');
      clear(ul);
      var max = 1;
      var texts = {};
      (r.question.options || []).forEach(function (o) { texts[o.id] = o.id + '. ' + o.text; });
      Object.keys(r.counts).forEach(function (k) { max = Math.max(max, r.counts[k]); });
      Object.keys(r.counts).forEach(function (k) {
        var li = el('li', 'bar-line');
        li.appendChild(el('span', 'bar-label', texts[k] || k));
        var track = el('span', 'bar-track');
        var fill = el('span', 'bar-fill');
        fill.style.width = (100 * r.counts[k] / max) + '%';
        track.appendChild(fill);
        li.appendChild(track);
        li.appendChild(el('span', 'bar-n', r.counts[k]));
        ul.appendChild(li);
      });
      $('lh-para-no').textContent = '原文第 ' + r.paragraph + ' 段';
      paragraphInto($('lh-paragraph'), r.paragraphText);
    }
    function board() {
      call('GET', '/api/v1/live/' + id + '/leaderboard', undefined, hdr).then(function (res) {
        if (!res.ok) { return; }
        stage('lh-board');
        $('lh-board-title').textContent = state.status === 'finished' ? '本场结束 · 排行榜' : '排行榜';
        var ol = $('lh-leaders');
        clear(ol);
        res.data.slice(0, 10).forEach(function (p) {
          var li = el('li');
          li.appendChild(el('span', 'name', p.name));
          li.appendChild(el('span', 'n', '答对 ' + p.correct + ' 题'));
          ol.appendChild(li);
        });
        if (!res.data.length) { ol.appendChild(el('li', 'empty', '还没有人加入。')); }
      });
    }
    function apply(s) {
      state.status = s.status;
      state.index = s.index;
      state.count = s.count || state.count;
      if (s.players !== undefined) { players(s); }
      if (s.status === 'lobby') { stage('lh-lobby'); }
      else if (s.status === 'question') { question(s); }
      else if (s.status === 'revealed' && s.reveal) { reveal(s.reveal); }
      else if (s.status === 'finished') { board(); }
      progress();
    }
    function refresh() {
      return call('GET', '/api/v1/live/' + id, undefined, hdr).then(function (res) { if (res.ok) { apply(res.data); } });
    }
    function act(path) {
      $('lh-msg').textContent = '';
      return call('POST', '/api/v1/live/' + id + '/' + path, {}, hdr).then(function (res) {
        if (!res.ok) { $('lh-msg').textContent = (res.data && res.data.error) || '没有成功，请再试一次。'; }
        return refresh();
      });
    }
    $('lh-next').addEventListener('click', function () { act('next'); });
    $('lh-reveal-btn').addEventListener('click', function () { act('reveal'); });
    $('lh-end').addEventListener('click', function () {
      if (window.confirm('结束这场课堂互动？')) { act('end'); }
    });
    $('lh-board-btn').addEventListener('click', board);

    var es = new EventSource('/live/' + id + '/events');
    es.addEventListener('state', function (e) {
      var d = JSON.parse(e.data);
      if (d.id) { apply(d); } else { refresh(); }
    });
    es.addEventListener('players', function (e) { players(JSON.parse(e.data)); });
    es.addEventListener('answered', function (e) {
      var d = JSON.parse(e.data);
      $('lh-answered').textContent = d.answered;
      $('lh-of').textContent = d.players;
    });
    es.addEventListener('question', function () { refresh(); });
    es.addEventListener('reveal', function (e) { state.status = 'revealed'; reveal(JSON.parse(e.data)); progress(); });
    refresh();
  }

  // ---------------------------------------------------------------- phone
  var STORE = 'jx_live';

  function play(root) {
    var csrf = root.getAttribute('data-csrf');
    var loggedIn = root.getAttribute('data-logged-in') === 'student';
    var me = null;
    var es = null;
    var current = null;
    // the newest question this page has shown: a state read before it (a stream's first state,
    // computed while the host moved on) arrives late and must not take the phone back
    var shownIndex = -1;
    var deadline = 0;
    var ticking = null;

    function saved() {
      try { return JSON.parse(localStorage.getItem(STORE) || 'null'); } catch (e) { return null; }
    }
    function remember(m) {
      me = m;
      try { localStorage.setItem(STORE, JSON.stringify(m)); } catch (e) { /* private mode: the cookie still knows */ }
      document.cookie = 'jx_live=' + encodeURIComponent(m.token) + '; path=/live; max-age=43200; SameSite=Strict';
    }
    function forget() {
      me = null;
      try { localStorage.removeItem(STORE); } catch (e) { /* nothing kept */ }
      document.cookie = 'jx_live=; path=/live; max-age=0; SameSite=Strict';
      if (es) { es.close(); es = null; }
      show('lp-game', false);
      show('lp-join', true);
    }
    function panel(name) {
      ['lp-wait', 'lp-question', 'lp-sent', 'lp-result', 'lp-replaced', 'lp-end'].forEach(function (p) { show(p, p === name); });
    }
    function headers() { return { 'X-Player-Token': me && me.token, 'X-CSRF-Token': loggedIn ? csrf : null }; }
    function err(id, text) { var e = $(id); e.textContent = text || ''; e.hidden = !text; }

    function inputsFor(q) {
      var box = $('lp-inputs');
      clear(box);
      var send = $('lp-send');
      send.hidden = q.type === 'single' || q.type === 'truefalse';
      if (q.type === 'single' || q.type === 'truefalse') {
        optionLines(q).forEach(function (o) {
          var b = el('button', 'lp-choice', (q.type === 'truefalse' ? '' : o.id + '. ') + o.text);
          b.type = 'button';
          b.addEventListener('click', function () { answer(o.id); });
          box.appendChild(b);
        });
      } else if (q.type === 'multiple') {
        optionLines(q).forEach(function (o) {
          var l = el('label', 'lp-check');
          var c = el('input');
          c.type = 'checkbox';
          c.value = o.id;
          l.appendChild(c);
          l.appendChild(document.createTextNode(' ' + o.id + '. ' + o.text));
          box.appendChild(l);
        });
      } else if (q.type === 'ordering') {
        var ol = el('ol', 'lp-order');
        optionLines(q).forEach(function (o) {
          var li = el('li');
          li.setAttribute('data-id', o.id);
          li.appendChild(el('span', 'txt', o.text));
          var up = el('button', 'secondary lp-up', '↑');
          up.type = 'button';
          up.setAttribute('aria-label', '上移');
          up.addEventListener('click', function () { if (li.previousElementSibling) { ol.insertBefore(li, li.previousElementSibling); } });
          li.appendChild(up);
          ol.appendChild(li);
        });
        box.appendChild(ol);
      } else {
        var i = el('input', 'lp-text');
        i.id = 'lp-text';
        i.setAttribute('aria-label', '你的答案');
        if (q.type === 'numeric') { i.setAttribute('inputmode', 'decimal'); }
        i.maxLength = 200;
        box.appendChild(i);
        if (q.unit) { box.appendChild(el('span', 'unit', ' ' + q.unit)); }
      }
    }
    function collect(q) {
      if (q.type === 'multiple') {
        return Array.prototype.map.call(document.querySelectorAll('#lp-inputs input:checked'), function (c) { return c.value; });
      }
      if (q.type === 'ordering') {
        return Array.prototype.map.call(document.querySelectorAll('#lp-inputs li'), function (li) { return li.getAttribute('data-id'); });
      }
      var v = $('lp-text').value.trim();
      return v;
    }
    function answer(value) {
      err('lp-qerror', '');
      call('POST', '/api/v1/live/' + me.sessionId + '/answers', { questionId: current.id, answer: value }, headers())
        .then(function (res) {
          // after the countdown the server takes no answer: say so rather than "sent"
          if (res.status === 409 && timeIsUp()) { err('lp-qerror', (res.data && res.data.error) || '时间到了，答案没有计入。'); return; }
          if (res.status === 202 || res.status === 409) { panel('lp-sent'); return; }
          if (res.status === 401 || res.status === 403) { forget(); err('lp-error', res.data && res.data.error); return; }
          err('lp-qerror', (res.data && res.data.error) || '没有提交成功，请再试一次。');
        }, function () { err('lp-qerror', '网络断了，恢复后再点一次提交。'); });
    }
    $('lp-question').addEventListener('submit', function (e) {
      e.preventDefault();
      var v = collect(current);
      if (v === '' || (Array.isArray(v) && !v.length)) { err('lp-qerror', '请先作答。'); return; }
      answer(v);
    });

    function timeIsUp() { return deadline > 0 && Date.now() >= deadline; }
    /** The host's countdown, if any, counted from the server's clock; at zero the inputs close. */
    function countdown(s) {
      if (ticking) { clearInterval(ticking); ticking = null; }
      var t = $('lp-timer');
      deadline = s.countdown > 0 && s.questionAt ? s.questionAt + s.countdown * 1000 + (s.serverNow ? Date.now() - s.serverNow : 0) : 0;
      t.hidden = !deadline;
      if (!deadline) { return; }
      function tick() {
        var left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
        t.textContent = left > 0 ? '还剩 ' + left + ' 秒' : '时间到';
        t.className = 'lp-timer' + (left <= 5 ? ' soon' : '');
        Array.prototype.forEach.call(document.querySelectorAll('#lp-question button, #lp-question input'), function (b) { b.disabled = left <= 0; });
        if (left <= 0 && ticking) { clearInterval(ticking); ticking = null; }
      }
      tick();
      ticking = setInterval(tick, 250);
    }
    function apply(s) {
      if (s.status !== 'finished' && typeof s.index === 'number' && s.index < shownIndex) { return; }
      $('lp-progress').textContent = s.index >= 0 && s.status !== 'finished' ? '第 ' + (s.index + 1) + ' / ' + s.count + ' 题' : '';
      if (s.status === 'finished') { finished(); return; }
      if (s.status === 'lobby' || !s.question) { panel('lp-wait'); return; }
      var mine = s.mine || {};
      if (s.status === 'revealed') {
        result(s.reveal, mine);
        return;
      }
      if (mine.answered) { panel('lp-sent'); return; }
      if (!current || current.id !== s.question.id || $('lp-question').hidden) {
        current = s.question;
        shownIndex = s.index;
        $('lp-type').textContent = current.typeLabel + '题';
        $('lp-prompt').textContent = current.prompt;
        inputsFor(current);
        countdown(s);
      }
      panel('lp-question');
    }
    function result(r, mine) {
      panel('lp-result');
      var v = $('lp-verdict');
      v.className = 'lp-verdict ' + (mine.answered ? (mine.correct ? 'right' : 'wrong') : 'none');
      v.textContent = !mine.answered ? '这题没有作答' : mine.correct ? '答对了 ✓' : '没答对 ✗';
      if (r) {
        $('lp-key').textContent = r.answerText;
        $('lp-para-no').textContent = '第 ' + r.paragraph + ' 段：';
        $('lp-evidence').textContent = r.evidence;
      }
    }
    function finished() {
      panel('lp-end');
      if (es) { es.close(); es = null; }
      try { localStorage.removeItem(STORE); } catch (e) { /* nothing kept */ }
      call('GET', '/api/v1/live/' + me.sessionId + '/leaderboard', undefined, headers()).then(function (res) {
        if (!res.ok) { return; }
        var rank = 0;
        var mine = null;
        res.data.forEach(function (p, i) { if (!mine && p.name === me.name) { mine = p; rank = i + 1; } });
        $('lp-rank').textContent = mine ? '你答对 ' + mine.correct + ' 题，排第 ' + rank + ' 名（共 ' + res.data.length + ' 人）。' : '';
      });
    }
    function refresh() {
      return call('GET', '/api/v1/live/' + me.sessionId, undefined, headers()).then(function (res) {
        if (res.ok) { apply(res.data); return true; }
        if (res.status === 401 || res.status === 403 || res.status === 404) {
          forget();
          if (res.status === 403) { err('lp-error', res.data && res.data.error); }
        }
        return false;
      });
    }
    function enter() {
      show('lp-join', false);
      show('lp-game', true);
      $('lp-name').textContent = me.name;
      if (es) { es.close(); }
      es = new EventSource('/live/' + me.sessionId + '/events');
      es.addEventListener('state', function (e) {
        var d = JSON.parse(e.data);
        if (d.id) { apply(d); } else { refresh(); }
      });
      es.addEventListener('question', function (e) {
        var d = JSON.parse(e.data);
        apply({ status: 'question', index: d.index, count: d.count, question: d.question, mine: {},
          countdown: d.countdown, questionAt: d.questionAt, serverNow: d.serverNow });
      });
      // the same player opened the session on another page: this one steps back instead of taking it again
      es.addEventListener('replaced', function () { es.close(); es = null; panel('lp-replaced'); });
      es.addEventListener('reveal', function () { refresh(); });
      es.addEventListener('removed', function (e) { forget(); err('lp-error', JSON.parse(e.data).message); });
    }

    $('lp-here').addEventListener('click', function () { refresh().then(function (ok) { if (ok) { enter(); } }); });

    $('lp-join-form').addEventListener('submit', function (e) {
      e.preventDefault();
      err('lp-error', '');
      var pin = $('lp-pin').value.replace(/\s+/g, '');
      if (!/^\d{6}$/.test(pin)) { err('lp-error', 'PIN 是 6 位数字。'); return; }
      var nick = $('lp-nick') ? $('lp-nick').value : undefined;
      call('POST', '/api/v1/live/join', { pin: pin, nickname: nick }, { 'X-CSRF-Token': loggedIn ? csrf : null })
        .then(function (res) {
          if (!res.ok) { err('lp-error', (res.data && res.data.error) || '没有加入成功。'); return; }
          remember({ sessionId: res.data.sessionId, token: res.data.playerToken, name: res.data.name, pin: pin });
          enter();
        }, function () { err('lp-error', '连不上服务器，请检查网络。'); });
    });

    var before = saved();
    var typed = $('lp-pin').value;
    if (before && before.token && (!typed || typed === before.pin)) {
      me = before;
      document.cookie = 'jx_live=' + encodeURIComponent(me.token) + '; path=/live; max-age=43200; SameSite=Strict';
      refresh().then(function (ok) { if (ok) { enter(); } });
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    var h = $('live-host');
    if (h) { host(h); }
    var p = $('live-play');
    if (p) { play(p); }
  });
}());
