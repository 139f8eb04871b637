// Dutch: the messages of errors.
import messages from "./messages/nl.js";

export default { locale: "nl", messages };
