// 匠心课堂: small progressive enhancements. Every page works without this file.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    // Print buttons stay hidden without this script, since they need it to work.
    document.querySelectorAll('[data-print]').forEach(function (button) {
      button.hidden = false;
      button.addEventListener('click', function () { window.print(); });
    });
  });
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
})();
