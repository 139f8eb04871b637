// Spanish: the messages of errors and the words of frequency descriptions.
import messages from "./messages/es.js";
import frequency from "./frequency/es.js";

export default { locale: "es", messages, frequency };
