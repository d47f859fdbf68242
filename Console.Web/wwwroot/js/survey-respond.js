// The response page checks every required question before it submits, next to the question, and shows nothing
// else; without script the server's own check answers the same way.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('survey-form');
  if (!form) return;
  form.noValidate = true;
  form.addEventListener('submit', (event) => {
    let first = null;
    for (const question of form.querySelectorAll('.sv-question')) {
      const inputs = [...question.querySelectorAll('input, textarea')];
      const answered = inputs.some((i) => (i.type === 'radio' || i.type === 'checkbox') ? i.checked : i.value.trim() !== '');
      const missing = question.hasAttribute('data-required') && !answered;
      const error = question.querySelector('.sv-error');
      if (error) error.hidden = !missing;
      if (missing && !first) first = question;
    }
    if (first) {
      event.preventDefault();
      first.scrollIntoView({ block: 'center' });
    }
  });
});
