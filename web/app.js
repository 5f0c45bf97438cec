// Progressive enhancement only: every page works without this file.
// 1. Forms marked data-progress send their file with a progress bar (XMLHttpRequest upload events), then
//    follow the server's answer as a normal submission would.
// 2. A running job (import, manifest check) is followed by polling its progress endpoint; the page
//    reloads when it ends.
'use strict';

document.addEventListener('DOMContentLoaded', () => {
  for (const form of document.querySelectorAll('form[data-progress]')) {
    form.addEventListener('submit', (event) => {
      if (!window.FormData || !window.XMLHttpRequest) return;
      event.preventDefault();
      const bar = form.querySelector('.upload-progress');
      const xhr = new XMLHttpRequest();
      xhr.open('POST', form.action);
      if (bar) bar.hidden = false;
      xhr.upload.addEventListener('progress', (e) => {
        if (bar && e.lengthComputable) bar.value = Math.round((e.loaded / e.total) * 100);
      });
      xhr.addEventListener('load', () => {
        if (xhr.responseURL && xhr.responseURL !== form.action) {
          window.location.assign(xhr.responseURL);
        } else {
          document.open();
          document.write(xhr.responseText);
          document.close();
        }
      });
      xhr.addEventListener('error', () => form.submit());
      xhr.send(new FormData(form));
    });
  }

  const job = document.querySelector('.job[data-state="running"]');
  if (job) {
    const bar = job.querySelector('.job-progress');
    const poll = () => {
      fetch(job.dataset.job, { credentials: 'same-origin' })
        .then((r) => r.json())
        .then((p) => {
          if (bar && p.total > 0) bar.value = Math.round((p.done / p.total) * 100);
          if (p.state !== 'running') window.location.reload();
          else setTimeout(poll, 500);
        })
        .catch(() => setTimeout(poll, 2000));
    };
    setTimeout(poll, 300);
  }
});
