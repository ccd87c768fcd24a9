// Demo page only: the option controls set attributes on the English board.
const board = document.getElementById("english");
const form = document.getElementById("controls");
form?.addEventListener("change", (event) => {
  const { name, value } = event.target;
  if (name === "theme" && value === "auto") board.removeAttribute("theme");
  else board.setAttribute(name, value);
});
