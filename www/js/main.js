// Demo page entry: loads subkit (its own copy under vendor/, so the folder works as
// plain static files) and starts the three panels.
import * as subkit from "../vendor/subkit/index.js";
import { startCommerceLayer } from "./commercelayer.js";
import { startFrequencies } from "./frequencies.js";
import { startAdobe } from "./adobe.js";
import { wireCopyButtons } from "./dom.js";

startCommerceLayer(subkit);
startFrequencies(subkit);
startAdobe(subkit);
wireCopyButtons();
document.body.dataset.ready = "true";
