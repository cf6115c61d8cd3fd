// 匠心课堂: live discussion and margin comments. Without this file every page still works: the forms
// post and the page reloads. With it, posts go through the API, others' posts appear as they are
// written (server-sent events), and a tap on a paragraph's count opens its comments below it.
// Text from people is only ever put in the page with textContent, or inside markup the server drew
// and escaped; nothing here builds HTML from strings.
(function () {
  'use strict';

  function api(method, url, csrf, body) {
    var headers = { 'Accept': 'application/json', 'X-CSRF-Token': csrf };
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    return fetch(url, {
      method: method, credentials: 'same-origin', headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (j) {
        if (!r.ok) {
          var e = new Error(j.error || ('出错了（' + r.status + '），请再试一次。'));
          e.status = r.status;
          throw e;
        }
        return j;
      });
    });
  }

  // Markup the server drew for us (one post, one paragraph's comments), parsed inertly.
  function fragment(url) {
    return fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (html === null) { return null; }
        var doc = new DOMParser().parseFromString(html, 'text/html');
        var el = doc.body.firstElementChild;
        return el ? document.adoptNode(el) : null;
      });
  }

  // Server-sent events over fetch, so the request can carry the CSRF header the API wants.
  function subscribe(threadId, csrf, onEvent, onState) {
    var stopped = false, delay = 1000, controller = null, connections = 0;
    function connect() {
      controller = new AbortController();
      fetch('/api/v1/threads/' + threadId + '/events', {
        credentials: 'same-origin', signal: controller.signal,
        headers: { 'Accept': 'text/event-stream', 'X-CSRF-Token': csrf }
      }).then(function (r) {
        if (r.status === 401 || r.status === 403 || r.status === 404) { stopped = true; }
        if (!r.ok || !r.body) { throw new Error('status ' + r.status); }
        var reader = r.body.getReader(), decoder = new TextDecoder(), buffer = '';
        connections++;
        function pump() {
          return reader.read().then(function (chunk) {
            if (chunk.done) { throw new Error('closed'); }
            buffer += decoder.decode(chunk.value, { stream: true }).replace(/\r/g, '');
            var end;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              dispatch(buffer.slice(0, end));
              buffer = buffer.slice(end + 2);
            }
            return pump();
          });
        }
        return pump();
      }).catch(function () {
        onState(false);
        if (!stopped) {
          setTimeout(connect, delay);
          delay = Math.min(delay * 2, 30000);
        }
      });
    }
    function dispatch(block) {
      var type = 'message', data = '';
      block.split('\n').forEach(function (line) {
        if (line.indexOf('event:') === 0) { type = line.slice(6).trim(); }
        else if (line.indexOf('data:') === 0) { data += line.slice(5).trim(); }
      });
      if (!data) { return; }
      var json;
      try { json = JSON.parse(data); } catch (e) { return; }
      if (type === 'ready') {
        delay = 1000;
        onState(true);
        json.reconnected = connections > 1;
      }
      onEvent(type, json);
    }
    connect();
    window.addEventListener('pagehide', function () {
      stopped = true;
      if (controller) { controller.abort(); }
    });
  }

  function showError(form, message) {
    var p = form.querySelector('.form-error');
    if (!p) { return; }
    p.textContent = message || '';
    p.hidden = !message;
  }

  function quoteOf(form) {
    if (form.dataset.quote) { return form.dataset.quote; }
    var checked = form.querySelector('input[name=quote]:checked');
    return checked ? checked.value : null;
  }

  function setQuote(form, text) {
    var shown = form.querySelector('.picked-quote');
    if (text) {
      form.dataset.quote = text;
      Array.prototype.forEach.call(form.querySelectorAll('input[name=quote]'), function (r) { r.checked = false; });
    } else {
      delete form.dataset.quote;
    }
    if (shown) {
      shown.querySelector('q').textContent = text || '';
      shown.hidden = !text;
    }
  }

  // A post, reply or comment form: sent to the API; the page stays put and the post appears.
  function wireForms(scope, csrf, onPosted) {
    Array.prototype.forEach.call(scope.querySelectorAll('form.post-form'), function (form) {
      if (form.dataset.wired) { return; }
      form.dataset.wired = '1';
      var unquote = form.querySelector('[data-unquote]');
      if (unquote) { unquote.addEventListener('click', function () { setQuote(form, null); }); }
      form.addEventListener('change', function (e) {
        if (e.target.name === 'quote') { setQuote(form, null); }
      });
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        var text = form.querySelector('textarea[name=body]');
        var button = form.querySelector('button[type=submit]');
        var payload = { body: text.value };
        if (form.dataset.parent) { payload.parentId = Number(form.dataset.parent); }
        if (form.dataset.paragraph) {
          payload.paragraph = Number(form.dataset.paragraph);
          var quote = quoteOf(form);
          if (quote) { payload.quote = quote; }
        }
        button.disabled = true;
        api('POST', '/api/v1/threads/' + form.dataset.thread + '/posts', csrf, payload)
          .then(function (post) {
            text.value = '';
            showError(form, null);
            setQuote(form, null);
            var checked = form.querySelector('input[name=quote]:checked');
            if (checked) { checked.checked = false; }
            var box = form.closest('details.reply-box');
            if (box) { box.open = false; }
            onPosted(post, form);
          })
          .catch(function (err) { showError(form, err.message); })
          .then(function () { button.disabled = false; });
      });
    });
  }

  // "有启发" without reloading the page.
  function wireReactions(csrf) {
    document.addEventListener('submit', function (e) {
      var form = e.target;
      if (!form.classList || !form.classList.contains('react-form')) { return; }
      e.preventDefault();
      var id = form.getAttribute('action').split('/')[2];
      api('POST', '/api/v1/posts/' + id + '/reactions', csrf).then(function (r) {
        var button = form.querySelector('button');
        button.classList.toggle('on', r.reacted);
        button.setAttribute('aria-pressed', r.reacted ? 'true' : 'false');
        button.querySelector('.n').textContent = r.reactions ? String(r.reactions) : '';
      }).catch(function (err) { window.alert(err.message); });
    });
  }

  function flash(el) {
    el.classList.add('fresh');
    setTimeout(function () { el.classList.remove('fresh'); }, 2500);
  }

  // ---- a thread page ----

  function threadPage(root) {
    var csrf = root.dataset.csrf, threadId = root.dataset.thread;
    var list = document.getElementById('posts');
    var state = root.querySelector('.live-state');
    var back = '/threads/' + threadId;
    wireReactions(csrf);

    // Draws a post where it belongs: the server answers with its top-level post and replies.
    function place(id) {
      return fragment('/posts/' + id + '/fragment?back=' + encodeURIComponent(back)).then(function (article) {
        if (!article) { return; }
        var existing = document.getElementById(article.id);
        if (existing) {
          // keep the open reply box (and whatever is being typed in it)
          existing.replaceChild(article.querySelector('.post-main'), existing.querySelector('.post-main'));
          var fresh = article.querySelector('.replies');
          var seen = {};
          Array.prototype.forEach.call(existing.querySelectorAll('.replies > article'), function (a) { seen[a.id] = true; });
          existing.replaceChild(fresh, existing.querySelector('.replies'));
          existing.className = article.className;
          Array.prototype.forEach.call(fresh.children, function (a) { if (!seen[a.id]) { flash(a); } });
          return;
        }
        list.appendChild(article);
        wireForms(article, csrf, posted);
        flash(article);
        var empty = document.getElementById('empty-note');
        if (empty) { empty.hidden = true; }
      });
    }

    function posted(post) {
      if (root.dataset.waiting === 'true') {
        // the first post opens everyone else's: draw the page again
        window.location.reload();
        return;
      }
      place(post.id);
    }

    function resync() {
      api('GET', '/api/v1/threads/' + threadId + '/posts', csrf).then(function (posts) {
        var ids = {};
        posts.forEach(function (p) {
          ids['post-' + p.id] = true;
          if (!document.getElementById('post-' + p.id)) { place(p.id); }
        });
        Array.prototype.forEach.call(list.querySelectorAll('article.post'), function (a) {
          if (!ids[a.id]) { a.remove(); }
        });
      });
    }

    function locked(isLocked) {
      if (root.dataset.moderator === 'true') { return; }
      Array.prototype.forEach.call(root.querySelectorAll('form.post-form button[type=submit]'), function (b) {
        b.disabled = isLocked;
      });
      var note = document.getElementById('locked-note');
      if (isLocked && !note) {
        note = document.createElement('p');
        note.id = 'locked-note';
        note.className = 'notice';
        note.textContent = '老师已锁定这个讨论：大家暂时不能再发言。';
        list.parentNode.insertBefore(note, list.parentNode.firstChild);
      } else if (note) {
        note.hidden = !isLocked;
      }
    }

    wireForms(root, csrf, posted);
    subscribe(threadId, csrf, function (type, data) {
      if (type === 'ready') {
        if (data.reconnected) { resync(); }
      } else if (type === 'post' || type === 'update') {
        place(data.id);
      } else if (type === 'remove') {
        var gone = document.getElementById('post-' + data.id);
        if (gone) { gone.remove(); }
      } else if (type === 'thread') {
        locked(data.locked);
      } else if (type === 'reload') {
        window.location.reload();
      }
    }, function (live) {
      if (state) { state.textContent = live ? '· 实时更新中' : '· 连接断开，正在重连……'; }
    });
  }

  // ---- the margin of a reading page ----

  function marginPage(margin) {
    var csrf = margin.dataset.csrf, assignment = margin.dataset.assignment;
    var threadId = margin.dataset.thread, reading = margin.dataset.reading;
    var known = {};
    wireReactions(csrf);

    function paragraphOf(el) {
      var p = el.closest ? el.closest('.para') : null;
      return p ? p.id.slice(1) : null;
    }

    function draw(n) {
      var link = document.querySelector('#p' + n + ' .mc');
      if (!link) { return; }
      var count = Object.keys(known[n] || {}).length;
      link.textContent = count ? String(count) : '＋';
      link.classList.toggle('zero', !count);
      link.setAttribute('aria-label', count ? '第' + n + '段有 ' + count + ' 条批注，点开查看' : '批注第' + n + '段');
      var total = 0;
      Object.keys(known).forEach(function (k) { total += Object.keys(known[k]).length; });
      var t = margin.querySelector('.margin-total');
      if (t) { t.textContent = String(total); }
    }

    function count(list) {
      var before = known;
      known = {};
      list.forEach(function (c) {
        (known[c.paragraph] = known[c.paragraph] || {})[c.id] = true;
      });
      var all = {};
      Object.keys(before).concat(Object.keys(known)).forEach(function (n) { all[n] = true; });
      Object.keys(all).forEach(draw);
    }

    function refresh() {
      return api('GET', '/api/v1/readings/' + reading + '/annotations?assignment=' + assignment, csrf).then(count);
    }

    function panelUrl(n) {
      return '/assignments/' + assignment + '/margin/' + n + '/panel';
    }

    function redrawList(n) {
      var panel = document.getElementById('mpanel-' + n);
      if (!panel) { return; }
      fragment(panelUrl(n)).then(function (fresh) {
        if (!fresh) { return; }
        var seen = {};
        Array.prototype.forEach.call(panel.querySelectorAll('.mlist article'), function (a) { seen[a.id] = true; });
        var list = fresh.querySelector('.mlist');
        panel.replaceChild(list, panel.querySelector('.mlist'));
        panel.querySelector('.mpanel-count').textContent = fresh.querySelector('.mpanel-count').textContent;
        wireForms(list, csrf, function () { redrawList(n); });
        Array.prototype.forEach.call(list.querySelectorAll('article'), function (a) { if (!seen[a.id]) { flash(a); } });
      });
    }

    function expanded(n, open) {
      var link = document.querySelector('#p' + n + ' .mc');
      if (link) { link.setAttribute('aria-expanded', open ? 'true' : 'false'); }
    }

    function open(n, quote) {
      var panel = document.getElementById('mpanel-' + n);
      if (panel && !quote) {
        panel.remove();
        expanded(n, false);
        return;
      }
      var ready = panel ? Promise.resolve(panel) : fragment(panelUrl(n)).then(function (fresh) {
        var para = document.getElementById('p' + n);
        if (!fresh || !para) { return null; }
        para.parentNode.insertBefore(fresh, para.nextSibling);
        wireForms(fresh, csrf, function (post) {
          (known[n] = known[n] || {})[post.id] = true;
          draw(n);
          redrawList(n);
        });
        expanded(n, true);
        return fresh;
      });
      ready.then(function (p) {
        if (!p) { return; }
        var form = p.querySelector('form.margin-form');
        if (form && quote) {
          setQuote(form, quote);
          form.querySelector('textarea').focus({ preventScroll: true });
        }
        var top = p.getBoundingClientRect().top;
        if (top < 0 || top > window.innerHeight * 0.8) { p.scrollIntoView({ block: 'start', behavior: 'smooth' }); }
      });
    }

    document.addEventListener('click', function (e) {
      var t = e.target.closest ? e.target.closest('.para.has-margin .mc, .para.has-margin .pn, [data-close]') : null;
      if (!t) { return; }
      e.preventDefault();
      var n = t.dataset.close || paragraphOf(t);
      if (t.dataset.close) {
        var panel = document.getElementById('mpanel-' + n);
        if (panel) { panel.remove(); }
        expanded(n, false);
        return;
      }
      open(n);
    });

    // Selecting a sentence offers to comment on just that sentence.
    var bar = document.createElement('div');
    bar.className = 'quote-bar';
    bar.hidden = true;
    var label = document.createElement('span');
    label.className = 'quote-bar-text';
    var go = document.createElement('button');
    go.type = 'button';
    go.className = 'primary';
    go.textContent = '批注这句';
    bar.appendChild(label);
    bar.appendChild(go);
    document.body.appendChild(bar);
    var picked = null, timer = null;

    function checkSelection() {
      var sel = window.getSelection();
      picked = null;
      if (sel && !sel.isCollapsed && sel.rangeCount) {
        var range = sel.getRangeAt(0);
        var start = range.startContainer.parentElement, end = range.endContainer.parentElement;
        var pt = start && start.closest('.para.has-margin .pt');
        if (pt && end && end.closest('.para.has-margin .pt') === pt) {
          var text = sel.toString().trim();
          if (text.length >= 2 && text.length <= 300 && pt.textContent.indexOf(text) >= 0) {
            picked = { n: paragraphOf(pt), text: text };
          }
        }
      }
      if (picked) {
        label.textContent = '“' + (picked.text.length > 24 ? picked.text.slice(0, 24) + '……' : picked.text) + '”';
      }
      bar.hidden = !picked;
    }
    document.addEventListener('selectionchange', function () {
      clearTimeout(timer);
      timer = setTimeout(checkSelection, 250);
    });
    go.addEventListener('click', function () {
      if (!picked) { return; }
      var p = picked;
      bar.hidden = true;
      window.getSelection().removeAllRanges();
      open(p.n, p.text);
    });

    subscribe(threadId, csrf, function (type, data) {
      if (type === 'ready') {
        if (data.reconnected) { refresh(); }
        return;
      }
      var n = data.paragraph;
      if (!n) { return; }
      if (type === 'post' || type === 'update') {
        (known[n] = known[n] || {})[data.id] = true;
      } else if (type === 'remove' && known[n]) {
        delete known[n][data.id];
      } else if (type === 'reload') {
        refresh();
        return;
      }
      draw(n);
      redrawList(n);
    }, function () { });

    refresh();
    var reopen = new URLSearchParams(window.location.search).get('open');
    if (reopen && /^\d{1,4}$/.test(reopen)) { open(reopen); }
  }

  document.addEventListener('DOMContentLoaded', function () {
    var root = document.getElementById('discussion');
    if (root && root.dataset.thread) { threadPage(root); }
    var margin = document.getElementById('margin');
    if (margin && margin.dataset.thread) { marginPage(margin); }
    var marginPanel = document.querySelector('.margin-page .mpanel');
    if (marginPanel && !root) {
      // the paragraph's own page: post through the API and redraw the list in place
      var csrfInput = marginPanel.querySelector('input[name=csrf]');
      if (csrfInput) {
        wireReactions(csrfInput.value);
        wireForms(marginPanel, csrfInput.value, function () { window.location.reload(); });
      }
    }
  });
})();
