// French: the messages of errors and the words of frequency descriptions.
import messages from "./messages/fr.js";
import frequency from "./frequency/fr.js";

export default { locale: "fr", messages, frequency };
