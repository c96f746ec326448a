// The governor decides on an entity's application for land use (Law on Free Zone art. 22.2): choosing the application
// fills the decision's fields with what was applied for; the governor may narrow them (a smaller parcel, a shorter period)
// but the registry refuses a decision that grants more, or to another entity.
const select = document.querySelector('select[data-prefill="grant"]');
if (select) {
  const form = select.form;
  const fill = () => {
    const chosen = select.selectedOptions[0];
    if (!chosen) return;
    const set = (name, v) => { if (form.elements[name]) form.elements[name].value = v || ''; };
    set('holder', chosen.dataset.holder);
    set('parcelName', chosen.dataset.parcelName);
    set('parcel', chosen.dataset.parcel);
    set('purpose', chosen.dataset.purpose);
    set('from', chosen.dataset.from);
    set('until', chosen.dataset.until);
    set('method', chosen.dataset.method);
  };
  select.addEventListener('change', fill);
  fill();
}
