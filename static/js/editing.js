// "Add another" for the rows of the Log a round form: copies the formset's empty row and counts it in.
document.querySelectorAll("[data-formset]").forEach((section) => {
  const prefix = section.dataset.formset;
  const total = section.querySelector(`input[name="${prefix}-TOTAL_FORMS"]`);
  const template = section.querySelector("template.empty-row");
  const rows = section.querySelector(".rows");
  const button = section.querySelector("button.add-row");
  if (!total || !template || !rows || !button) return;
  button.hidden = false;
  button.addEventListener("click", () => {
    const index = Number(total.value);
    const html = template.innerHTML.replaceAll("__prefix__", String(index));
    const holder = document.createElement("div");
    holder.innerHTML = html;
    const row = holder.firstElementChild;
    rows.appendChild(row);
    total.value = String(index + 1);
    const first = row.querySelector("input, select, textarea");
    if (first) first.focus();
  });
});
