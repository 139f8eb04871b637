// A page with no build step: the package's files straight from node_modules.
import * as subkit from "/node_modules/subkit/index.js";
import { show } from "/app/answers.js";

show(subkit);
