// Portuguese: the messages of errors and the words of frequency descriptions.
import messages from "./messages/pt.js";
import frequency from "./frequency/pt.js";

export default { locale: "pt", messages, frequency };
