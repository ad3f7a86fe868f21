// A page script that talks to the widget before and after it has loaded.
const log = (line) => {
  const el = document.getElementById('log');
  el.textContent += `${new Date().toLocaleTimeString()}  ${line}\n`;
  el.scrollTop = el.scrollHeight;
};

for (const name of ['ready', 'open', 'close', 'search', 'article', 'feedback', 'language', 'error']) {
  document.addEventListener(`faqwidget:${name}`, (event) => {
    const { widget, ...detail } = event.detail ?? {};
    log(`faqwidget:${name} ${JSON.stringify(detail)}`);
  });
}

// Queued before the script has loaded: runs with the widget once it exists.
(window.FaqWidget = window.FaqWidget || []).push((widget) => log(`queued call ran; language is ${widget.language}`));

let widget;
window.FaqWidget.push((w) => (widget = w));

document.querySelector('.controls').addEventListener('click', async (event) => {
  const action = event.target.closest('button')?.dataset.action;
  if (!action) return;
  if (action === 'mount') {
    widget?.destroy();
    widget = window.FaqWidget.mount({ mode: 'inline', target: '#help-box', lang: 'lv' });
    log('mount(): a fresh inline widget in Latvian');
  } else if (action === 'destroy') {
    widget?.destroy();
    log('destroy(): every node, listener and timer removed; the handle is now inert');
  }
  else if (action === 'lv' || action === 'en') await widget?.setLanguage(action);
  else if (action === 'article') widget?.openArticle('salary');
  else if (action === 'search') {
    const hits = await widget?.search(document.getElementById('query').value, { limit: 3 });
    log(`search() → ${JSON.stringify(hits?.map((h) => `${h.lang}/${h.id} ${h.score.toFixed(2)}`))}`);
  }
});
