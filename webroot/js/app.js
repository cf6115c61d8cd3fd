// 匠心课堂: small progressive enhancements. Every page works without this file.
(function () {
  'use strict';
  // Bring a highlighted evidence sentence into view: the #pN anchor only reaches the top of its
  // paragraph, and a long paragraph can push the sentence itself below the screen.
  window.addEventListener('load', function () {
    var ev = document.querySelector('mark.evidence');
    if (!ev) { return; }
    var target = null;
    try {
      target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    } catch (e) { /* a malformed #fragment: treat as none */ }
    if (target && !target.contains(ev)) { return; }
    var box = ev.getBoundingClientRect();
    var header = document.querySelector('header.site');
    var top = header ? header.getBoundingClientRect().bottom : 0;
    if (box.top < top || box.bottom > window.innerHeight) {
      ev.scrollIntoView({block: 'center'});
    }
  });

  // Classroom: ask before forms that cannot be undone lightly (without this file they just submit).
  document.addEventListener('submit', function (e) {
    var form = e.target;
    var question = form && form.getAttribute && form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      e.preventDefault();
    }
  });

  document.addEventListener('DOMContentLoaded', function () {
    // Print buttons (answer key, login slips) stay hidden without this script, since they need it;
    // the browser's own print menu works either way. One handler each: two would print twice.
    Array.prototype.forEach.call(document.querySelectorAll('[data-print]'), function (button) {
      button.hidden = false;
      button.addEventListener('click', function () { window.print(); });
    });
    // Roster import: read a chosen CSV file into the paste box. UTF-8 first; a file saved by
    // Excel as plain "CSV" on Chinese Windows is GB18030, so fall back to that.
    Array.prototype.forEach.call(document.querySelectorAll('input[type=file][data-fill]'), function (input) {
      var target = document.getElementById(input.getAttribute('data-fill'));
      if (!target || !window.FileReader || !window.TextDecoder) { return; }
      input.closest('.file-pick').hidden = false;
      input.addEventListener('change', function () {
        var file = input.files && input.files[0];
        if (!file) { return; }
        var reader = new FileReader();
        reader.onload = function () {
          var bytes = new Uint8Array(reader.result);
          var text;
          try {
            text = new TextDecoder('utf-8', {fatal: true}).decode(bytes);
          } catch (err) {
            text = new TextDecoder('gb18030').decode(bytes);
          }
          target.value = text.replace(/^\uFEFF/, '');
        };
        reader.readAsArrayBuffer(file);
      });
    });
  });
})();
