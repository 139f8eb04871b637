// Dutch: the messages of errors and the words of frequency descriptions.
import messages from "./messages/nl.js";
import frequency from "./frequency/nl.js";

export default { locale: "nl", messages, frequency };
