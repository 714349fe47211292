// Appended to a copy of the tour's report (the report itself carries no script) and run by
// headless Chromium: writes how wide the page is against how wide the window shows it, and which
// elements stick out on the right, into <pre id="layout"> for --dump-dom to print.
// Used by HtmlReportLayoutTest and by .ci/run on the tour's own report.
(() => {
  const page = document.documentElement;
  const lines = ["scrollWidth=" + page.scrollWidth + " clientWidth=" + page.clientWidth];
  for (const element of document.querySelectorAll("body > *, section > *, .chart > *")) {
    const right = Math.round(element.getBoundingClientRect().right);
    if (right > page.clientWidth) {
      const section = element.closest("section");
      lines.push("sticks out to " + right + " px: <" + element.tagName.toLowerCase() + "> in "
          + (section ? section.id : "body") + ": " + element.textContent.replace(/\s+/g, " ").slice(0, 60));
    }
  }
  const layout = document.createElement("pre");
  layout.id = "layout";
  layout.textContent = lines.join("\n");
  document.body.append(layout);
})();
