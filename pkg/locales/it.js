// Italian: the messages of errors and the words of frequency descriptions.
import messages from "./messages/it.js";
import frequency from "./frequency/it.js";

export default { locale: "it", messages, frequency };
