// 匠心课堂: autosave for the quiz page. Without this file the page still works: the buttons post the
// form and the server keeps the answers. With it, answers are saved as the student goes.
(function () {
  'use strict';
  var form = document.getElementById('quiz-form');
  if (!form) { return; }
  // styles that need script (e.g. tapping a sentence instead of its radio) hang on this class
  form.classList.add('js-on');
  var state = document.querySelector('.save-state');
  var bar = document.querySelector('progress.progress-bar');
  var count = document.querySelector('.answered-count');
  var confirmBox = document.getElementById('confirm');
  var timer = null, inFlight = false, dirty = false, leaving = false, retryDelay = 3000;

  function setState(text, cls) {
    if (!state) { return; }
    state.textContent = text;
    state.className = 'save-state' + (cls ? ' ' + cls : '');
  }

  // The same for every question type: a question is answered when one of its controls holds a value.
  function isAnswered(fs) {
    if (fs.querySelector('input[type=radio]:checked, input[type=checkbox]:checked')) { return true; }
    var fields = fs.querySelectorAll('select, input[type=text], textarea');
    for (var i = 0; i < fields.length; i++) {
      if (fields[i].value.trim() !== '') { return true; }
    }
    return false;
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

  // The confirmation counts what is on the page now and lists the blank questions as links.
  function fillConfirm() {
    var sets = form.querySelectorAll('fieldset.question');
    var answered = 0;
    var list = confirmBox.querySelector('.blank-list');
    var box = confirmBox.querySelector('.blank-box');
    var counter = confirmBox.querySelector('.confirm-answered');
    list.textContent = '';
    for (var i = 0; i < sets.length; i++) {
      if (isAnswered(sets[i])) { answered++; continue; }
      var li = document.createElement('li');
      var a = document.createElement('a');
      var no = sets[i].querySelector('.qno');
      a.href = '#' + sets[i].id;
      a.textContent = '第 ' + (no ? no.textContent : String(i + 1)) + ' 题';
      li.appendChild(a);
      list.appendChild(li);
    }
    if (counter) { counter.textContent = String(answered); }
    box.hidden = answered === sets.length;
  }

  function closeConfirm() {
    confirmBox.classList.remove('open');
    confirmBox.classList.add('closed');
  }

  form.addEventListener('submit', function (e) {
    var go = e.submitter && e.submitter.value;
    // a real post carries every answer on the form: leaving the page for it loses nothing
    leaving = true;
    // one question per screen: the server counts the others, so let the form post and come back
    if (go === 'submit' && confirmBox && form.querySelectorAll('fieldset.question').length > 1) {
      e.preventDefault();
      leaving = false;
      save().then(function () {
        fillConfirm();
        confirmBox.classList.remove('closed');
        confirmBox.classList.add('open');
        confirmBox.scrollIntoView({ behavior: 'smooth', block: 'center' });
        var heading = document.getElementById('confirm-h');
        if (heading) { heading.focus({ preventScroll: true }); }
      });
    }
  });

  if (confirmBox) {
    confirmBox.addEventListener('click', function (e) {
      var link = e.target.closest && e.target.closest('a');
      if (!link) { return; }
      var href = link.getAttribute('href') || '';
      if (href.charAt(0) === '#') {
        // jump to a blank question and leave the confirmation
        var target = document.getElementById(href.slice(1));
        if (!target) { return; }
        e.preventDefault();
        closeConfirm();
        target.scrollIntoView({ block: 'start' });
        var field = target.querySelector('input, select, textarea');
        if (field) { field.focus({ preventScroll: true }); }
      } else if (link.classList.contains('keep-going') && form.querySelectorAll('fieldset.question').length > 1) {
        e.preventDefault();
        closeConfirm();
        form.scrollIntoView({ block: 'start' });
      }
    });
  }

  window.addEventListener('beforeunload', function (e) {
    if ((dirty || inFlight) && !leaving) { e.preventDefault(); e.returnValue = ''; }
  });
})();
