// 匠心课堂: autosave for the quiz page. Without this file the page still works: the buttons post the
// form and the server keeps the answers. With it, answers are saved as the student goes.
(function () {
  'use strict';
  var form = document.getElementById('quiz-form');
  if (!form) { return; }
  var state = document.querySelector('.save-state');
  var bar = document.querySelector('progress.progress-bar');
  var count = document.querySelector('.answered-count');
  var confirmBox = document.getElementById('confirm');
  var timer = null, inFlight = false, dirty = false, retryDelay = 3000;

  function setState(text, cls) {
    if (!state) { return; }
    state.textContent = text;
    state.className = 'save-state' + (cls ? ' ' + cls : '');
  }

  function isAnswered(fs) {
    var type = fs.getAttribute('data-type');
    if (type === 'single' || type === 'multiple' || type === 'truefalse') {
      return fs.querySelector('input:checked') !== null;
    }
    if (type === 'matching' || type === 'ordering') {
      var selects = fs.querySelectorAll('select');
      for (var i = 0; i < selects.length; i++) { if (selects[i].value) { return true; } }
      return false;
    }
    var field = fs.querySelector('input[type=text], textarea');
    return field !== null && field.value.trim() !== '';
  }

  function updateProgress() {
    // one-per-screen shows one question: the server's count stays right for the others
    var sets = form.querySelectorAll('fieldset.question');
    if (sets.length < 2 || !bar) { return; }
    var n = 0;
    for (var i = 0; i < sets.length; i++) { if (isAnswered(sets[i])) { n++; } }
    bar.value = n;
    if (count) { count.textContent = String(n); }
  }

  function save() {
    if (inFlight) { dirty = true; return Promise.resolve(false); }
    inFlight = true; dirty = false;
    setState('保存中…', 'saving');
    var body = new URLSearchParams(new FormData(form));
    body.set('go', 'autosave');
    return fetch(form.action, {
      method: 'POST', body: body, credentials: 'same-origin',
      headers: { 'Accept': 'application/json' }
    }).then(function (r) {
      inFlight = false;
      if (!r.ok) {
        return r.json().catch(function () { return {}; }).then(function (j) {
          setState('没保存：' + (j.error || ('出错 ' + r.status)), 'error');
          return false;
        });
      }
      return r.json().then(function (j) {
        retryDelay = 3000;
        setState('已保存 ' + j.savedAtText, '');
        if (dirty) { schedule(300); }
        return true;
      });
    }).catch(function () {
      inFlight = false; dirty = true;
      setState('未保存：网络断开，稍后自动重试', 'error');
      schedule(retryDelay);
      retryDelay = Math.min(retryDelay * 2, 30000);
      return false;
    });
  }

  function schedule(ms) {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(function () { timer = null; save(); }, ms);
  }

  form.addEventListener('change', function () { dirty = true; updateProgress(); schedule(400); });
  form.addEventListener('input', function () { dirty = true; updateProgress(); schedule(1200); });

  form.addEventListener('submit', function (e) {
    var go = e.submitter && e.submitter.value;
    if (go === 'submit' && confirmBox) {
      e.preventDefault();
      save().then(function () {
        confirmBox.classList.remove('closed');
        confirmBox.scrollIntoView({ behavior: 'smooth', block: 'center' });
      });
    }
  });

  window.addEventListener('beforeunload', function (e) {
    if (dirty || inFlight) { e.preventDefault(); e.returnValue = ''; }
  });
})();
