// Progressive enhancement only: every page works without it.
document.documentElement.classList.add('js');
document.addEventListener('click', async (e) => {
  const button = e.target.closest('button[data-copy]');
  if (!button) return;
  const holder = button.closest('[data-plain]');
  const text = holder.getAttribute(button.dataset.copy === 'markdown' ? 'data-markdown' : 'data-plain');
  const status = document.getElementById('status');
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = 'Copied';
    if (status) status.textContent = 'Citation copied to the clipboard.';
  } catch {
    if (status) status.textContent = 'The browser did not allow copying; select the text instead.';
  }
});
const mark = document.getElementById('quote');
if (mark) {
  mark.scrollIntoView({ block: 'center' });
  mark.focus({ preventScroll: true });
}
