// A tiny storefront script: imports subkit the way an app does, with no set-up, and
// shows answers.
import * as subkit from "subkit";
import { show } from "./answers.js";

show(subkit);
