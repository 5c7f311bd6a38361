// racemap's host script for docs pages. Include it once, anywhere in the page:
//
//   <script src="https://your.host/racemap/embed.js" async></script>
//
// It does two things:
// 1. Sizes every racemap iframe to its content: an embedded racemap posts
//    {type: "racemap:resize", height} to its parent whenever its height changes.
// 2. Turns each <pre class="racemap"> (its text is a Go program, optionally inside <code>)
//    into a live racemap widget. Optional attributes: data-lang="go1.21" (the Go version),
//    data-budget="N" (runs of the first "Find a bug"), data-title="…" (the iframe's title).
//
// The widget is the racemap page next to this script (index.html in the same folder).
(function () {
  'use strict';
  if (window.racemapEmbed) return; // included twice
  var script = document.currentScript;
  var base = new URL('.', (script && script.src) || location.href).href;
  window.racemapEmbed = { base: base };

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'racemap:resize' || typeof data.height !== 'number') return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        // The frame's border is outside its content box only with content-box sizing.
        var style = getComputedStyle(frames[i]);
        var extra = style.boxSizing === 'border-box'
          ? parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth)
          : 0;
        frames[i].style.height = Math.ceil(data.height + extra) + 'px';
      }
    }
  });

  function widgetFor(pre) {
    var code = pre.textContent.replace(/^\n/, '');
    var params = ['example=blank', 'code=' + encodeURIComponent(code)];
    if (pre.dataset.lang) params.push('lang=' + encodeURIComponent(pre.dataset.lang));
    if (pre.dataset.budget) params.push('budget=' + encodeURIComponent(pre.dataset.budget));
    params.push('embed=1');
    var frame = document.createElement('iframe');
    frame.src = base + 'index.html#' + params.join('&');
    frame.title = pre.dataset.title || 'racemap: a Go program';
    frame.className = 'racemap-widget';
    frame.setAttribute('allow', 'clipboard-write');
    frame.setAttribute('loading', 'lazy');
    frame.style.width = '100%';
    frame.style.height = '40rem';
    frame.style.border = '1px solid #8884';
    frame.style.borderRadius = '6px';
    return frame;
  }

  function upgradeAll() {
    var blocks = document.querySelectorAll('pre.racemap');
    for (var i = 0; i < blocks.length; i++) {
      blocks[i].replaceWith(widgetFor(blocks[i]));
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', upgradeAll);
  } else {
    upgradeAll();
  }
})();
