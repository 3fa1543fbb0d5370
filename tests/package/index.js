// The site's script, as a newsroom would write it: the package by its name, then the element.
import "round-explainer";

// For the test: the events the element dispatched.
window.readyEvents = 0;
document.addEventListener("round-explainer:ready", () => window.readyEvents++);

const explainer = document.createElement("round-explainer");
explainer.setAttribute("src", "stories/openai-2026.json");
document.querySelector("main").append(explainer);
