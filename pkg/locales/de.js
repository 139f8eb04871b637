// German: the messages of errors and the words of frequency descriptions.
import messages from "./messages/de.js";
import frequency from "./frequency/de.js";

export default { locale: "de", messages, frequency };
