// The same page with the opt-in "subkit/web" entry, which fetches the .wasm next to it.
import * as subkit from "/node_modules/subkit/web.js";
import { show } from "/app/answers.js";

await subkit.init();
show(subkit);
