// Loaded by every page: lets the stored Plotly outputs draw with the plotly.js the site ships, and draws the math.
(function () {
    // Each stored chart asks require.js for 'plotly' from a CDN (as Plotly.NET.Interactive writes it). This stand-in
    // answers with the plotly.js the page has already loaded, so charts draw offline and from file:// URLs.
    window.requirejs = function () { };
    window.requirejs.config = function () {
        return function (modules, callback) { callback(window.Plotly); };
    };

    // Markdig leaves math as <span class="math">\(…\)</span>, or \[…\] for a math block; KaTeX typesets it,
    // as display math for a block or for $$…$$ (class "display").
    // throwOnError: a formula KaTeX cannot read fails loudly (the site's browser test watches the console).
    document.addEventListener('DOMContentLoaded', function () {
        document.querySelectorAll('.math').forEach(function (element) {
            var source = element.textContent.trim();
            var display = source.startsWith('\\[') || element.classList.contains('display');
            katex.render(source.slice(2, -2), element, { displayMode: display, throwOnError: true });
        });
    });
})();
