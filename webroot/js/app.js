// 匠心课堂: small progressive enhancements. Every page works without this file.
(function () {
  'use strict';
  // Bring a highlighted evidence sentence into view when the page opens without an anchor.
  document.addEventListener('DOMContentLoaded', function () {
    if (!location.hash) {
      var ev = document.querySelector('mark.evidence');
      if (ev) { ev.scrollIntoView({block: 'center'}); }
    }
  });
})();
