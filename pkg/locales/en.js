// English: the messages of errors and the words of frequency descriptions.
import messages from "./messages/en.js";
import frequency from "./frequency/en.js";

export default { locale: "en", messages, frequency };
